import Foundation

/// What produced an audit: Falx's version, the ruleset, the lexicon, every option that changes the
/// output, and the inputs. Written beside the audit as `<output>.meta.json` (a sidecar, so the audit
/// itself stays a plain table for pandas, Excel and Spark) and checked by `--resume`, which refuses
/// to continue a partial audit made with anything different.
public struct Provenance: Codable, Equatable, Sendable {
    public var falxVersion: String
    public var rulesetVersion: String
    /// The audit's columns, in order: a schema change is a difference.
    public var auditColumns: [String]
    /// ``AuditSchema/version``: the columns and their JSON Lines types. Nil in a sidecar written
    /// before it was recorded (schema version 1).
    public var auditSchemaVersion: Int?
    public var lexiconName: String
    /// SHA-256 of the lexicon text used (the built-in text, the `--lexicon` file, then any
    /// `--lexicon-add` file).
    public var lexiconSHA256: String
    public var format: String
    public var header: Bool
    public var excelBOM: Bool
    /// A fingerprint of the pseudonymisation key (never the key), or nil without `--pseudonymise`.
    public var pseudonymisationKey: String?
    public var datePrecision: String?
    public var maxFileMB: Int
    public var maxRecordMB: Int
    /// How numeric dates in report header lines were read (`mdy` or `dmy`).
    public var dateOrder: String
    /// How the inputs' records were read, when not by default: `--text-column`, each `--field`
    /// mapping and `--encoding`, in one canonical line (nil for the defaults, and in sidecars
    /// written before this field existed).
    public var reading: String?
    /// The inputs as absolute paths, in the order given.
    public var inputs: [String]
    /// The `--shard i/n` read, or nil for the whole input (and in sidecars written before this
    /// field existed, whose standard-input entry said `- (shard i/n)`).
    public var shard: String?

    enum CodingKeys: String, CodingKey {
        case falxVersion = "falx_version"
        case rulesetVersion = "ruleset_version"
        case auditColumns = "audit_columns"
        case auditSchemaVersion = "audit_schema_version"
        case lexiconName = "lexicon_name"
        case lexiconSHA256 = "lexicon_sha256"
        case format
        case header
        case excelBOM = "excel_bom"
        case pseudonymisationKey = "pseudonymisation_key_fingerprint"
        case datePrecision = "date_precision"
        case maxFileMB = "max_file_mb"
        case maxRecordMB = "max_record_mb"
        case dateOrder = "date_order"
        case reading
        case inputs
        case shard
    }

    public init(
        falxVersion: String, rulesetVersion: String, lexiconName: String, lexiconSHA256: String, format: AuditFormat,
        header: Bool, excelBOM: Bool, pseudonymisationKey: String?, datePrecision: String?, maxFileMB: Int, maxRecordMB: Int,
        dateOrder: String = "mdy", reading: String? = nil, inputs: [String]
    ) {
        self.falxVersion = falxVersion
        self.rulesetVersion = rulesetVersion
        auditColumns = AuditRow.columns
        auditSchemaVersion = AuditSchema.version
        self.lexiconName = lexiconName
        self.lexiconSHA256 = lexiconSHA256
        self.format = format.rawValue
        self.header = header
        self.excelBOM = excelBOM
        self.pseudonymisationKey = pseudonymisationKey
        self.datePrecision = datePrecision
        self.maxFileMB = maxFileMB
        self.maxRecordMB = maxRecordMB
        self.dateOrder = dateOrder
        self.reading = reading
        // Standard input ("-", "- (files)") is kept as given.
        self.inputs = inputs.map { $0.hasPrefix("-") ? $0 : URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// The sidecar of an audit or partial audit file.
    public static func sidecarPath(for audit: String) -> String { audit + ".meta.json" }

    /// The sidecar's bytes: pretty-printed JSON with sorted keys, the same for the same run.
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// Writes the sidecar atomically (a temporary file renamed into place).
    public func write(to path: String) throws {
        do {
            try json.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw OutputError(message: "cannot write the provenance file \(path): \(error.localizedDescription)")
        }
    }

    /// Reads a sidecar; nil when there is none, an error when it is not one.
    public static func read(path: String) throws -> Provenance? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(Provenance.self, from: data)
        } catch {
            throw OutputError(message: "\(path) is not a Falx provenance file; remove it or run without --resume")
        }
    }

    /// Each way `other` differs from this, as `what: this → other`, in a fixed order.
    public func differences(from other: Provenance) -> [String] {
        func text(_ v: String?) -> String { v ?? "none" }
        let pairs: [(String, String, String)] = [
            ("Falx version", falxVersion, other.falxVersion),
            ("ruleset", rulesetVersion, other.rulesetVersion),
            ("audit columns", auditColumns.joined(separator: ","), other.auditColumns.joined(separator: ",")),
            ("audit schema version", "\(auditSchemaVersion ?? 1)", "\(other.auditSchemaVersion ?? 1)"),
            (
                "lexicon", "\(lexiconName) (sha256 \(lexiconSHA256.prefix(12)))",
                "\(other.lexiconName) (sha256 \(other.lexiconSHA256.prefix(12)))"
            ),
            ("--format", format, other.format),
            ("--no-header", header ? "off" : "on", other.header ? "off" : "on"),
            ("--excel", excelBOM ? "on" : "off", other.excelBOM ? "on" : "off"),
            ("pseudonymisation key", text(pseudonymisationKey), text(other.pseudonymisationKey)),
            ("--date-precision", text(datePrecision), text(other.datePrecision)),
            ("--max-file-mb", "\(maxFileMB)", "\(other.maxFileMB)"),
            ("--max-record-mb", "\(maxRecordMB)", "\(other.maxRecordMB)"),
            ("--date-order", dateOrder, other.dateOrder),
            ("reading (--text-column, --field, --encoding)", text(reading), text(other.reading)),
            ("inputs", inputs.joined(separator: " "), other.inputs.joined(separator: " ")),
            ("--shard", text(shard), text(other.shard)),
        ]
        // With a pseudonymisation key in use the paths are not printed: folders and files can be
        // named after patients, and job logs keep what stderr says.
        let keyed = pseudonymisationKey != nil || other.pseudonymisationKey != nil
        return pairs.filter { $0.1 != $0.2 }.map {
            keyed && $0.0 == "inputs" ? "inputs: other files" : "\($0.0): \($0.1) → \($0.2)"
        }
    }

    /// Lines for a report page.
    public var summaryLines: [String] {
        [
            "Falx \(falxVersion), ruleset \(rulesetVersion), lexicon \(lexiconName) (sha256 \(lexiconSHA256.prefix(16))…)",
            "format \(format)\(excelBOM ? " with BOM" : ""); pseudonymised: "
                + (pseudonymisationKey.map { "yes, key \($0)" } ?? "no")
                + (datePrecision.map { ", dates to \($0)" } ?? ""),
            "inputs: " + inputs.joined(separator: ", ") + (shard.map { " (shard \($0))" } ?? ""),
        ]
    }
}
