/// The order (OBR) fields that give a report's time and status, as both HL7 v2 encodings (ER7 and
/// XML) read them: each reader takes the raw field values out of its own segments and this decides
/// which one counts, so the two encodings cannot drift apart.
struct HL7OrderFields {
    /// OBR-7 observation date/time.
    var observed = ""
    /// OBR-22 results report / status change date/time.
    var resultsReported = ""
    /// OBR-6 requested date/time.
    var requested = ""
    /// OBR-25 result status (HL7 table 0123).
    var resultStatus = ""

    /// The study time of a message: OBR-7 of the first OBR that has one; when no OBR has OBR-7, the
    /// first OBR-22 (the report's time), then the first OBR-6 (the requested time); then TXA-4
    /// (the document's activity time, MDM). Returns the raw value and the field it came from.
    static func studyTime(_ obrs: [HL7OrderFields], txa4: String?) -> (value: String, field: String)? {
        let choices: [(KeyPath<HL7OrderFields, String>, String)] = [
            (\.observed, "OBR-7"), (\.resultsReported, "OBR-22"), (\.requested, "OBR-6"),
        ]
        for (path, field) in choices {
            if let v = obrs.lazy.map({ $0[keyPath: path] }).first(where: { !$0.isEmpty }) { return (v, field) }
        }
        if let txa4, !txa4.isEmpty { return (txa4, "TXA-4") }
        return nil
    }

    /// The message's result status: OBR-25 of the first OBR that has one.
    static func resultStatus(_ obrs: [HL7OrderFields]) -> ResultStatus? {
        obrs.lazy.compactMap { ResultStatus(hl7: $0.resultStatus) }.first
    }
}
