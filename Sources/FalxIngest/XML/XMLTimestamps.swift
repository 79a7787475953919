/// HL7 v3 / v2 timestamps (`TS`: `YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+/-ZZZZ]`) as ISO 8601: the same
/// rule as the HL7 v2 ER7 reader (``HL7DateTime``), so every encoding gives the same dates.
enum XMLTimestamps {
    /// `20060823222400` → `2006-08-23T22:24:00`; `19541125` → `1954-11-25`; nil when not a timestamp.
    static func iso(_ value: String) -> String? { HL7DateTime.iso(value) }

    /// The date part only (`19541125` → `1954-11-25`); nil when not a full date.
    static func isoDate(_ value: String) -> String? { HL7DateTime.isoDate(value) }
}
