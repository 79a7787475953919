import FalxAudit
import FalxClinical
import FalxCore
import FalxIngest
import FalxPseudonym
import Foundation

/// The provenance of an audit run with these options.
func auditProvenance(
    lexicon: ClinicalLexicon, lexiconPath: String?, lexiconAdd: String?, format: AuditFormat, header: Bool,
    excel: Bool, pseudonymiser: Pseudonymiser?, datePrecision: DatePrecision?, maxFileMB: Int, maxRecordMB: Int,
    dateOrder: DateOrder = .mdy, reading: String? = nil, inputs: [String]
) -> Provenance {
    // The lexicon's text as used: the built-in text or the --lexicon file, then any --lexicon-add file.
    var text =
        lexiconPath.flatMap { FileManager.default.contents(atPath: $0) }.map { Array($0) }
        ?? Array(ClinicalLexicon.defaultText.utf8)
    if let lexiconAdd, let added = FileManager.default.contents(atPath: lexiconAdd) {
        text += Array("\n# --lexicon-add\n".utf8) + Array(added)
    }
    return Provenance(
        falxVersion: FalxVersion.current, rulesetVersion: Ruleset.default.version, lexiconName: lexicon.compiled.source.name,
        lexiconSHA256: ContentHash.sha256(text), format: format, header: header, excelBOM: excel,
        pseudonymisationKey: pseudonymiser?.key.fingerprint,
        datePrecision: pseudonymiser == nil ? nil : (datePrecision ?? .full).rawValue, maxFileMB: maxFileMB,
        maxRecordMB: maxRecordMB, dateOrder: dateOrder.rawValue, reading: reading, inputs: inputs)
}
