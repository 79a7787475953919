import Foundation

/// Encodes audit rows as RFC 4180 CSV: comma separator, LF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, quotes doubled; UTF-8 without BOM.
///
/// A cell a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or CR) gets
/// a leading single quote, so "-1" from a report is shown, never evaluated.
public enum CSV {
    /// One cell as it stands in a line.
    public static func field(_ s: String) -> String {
        String(decoding: lineBytes([s]).dropLast(), as: UTF8.self)
    }

    public static func line(_ values: [String]) -> String {
        String(decoding: lineBytes(values), as: UTF8.self)
    }

    /// The CSV line of `values` as UTF-8, built in one buffer (the same bytes as `line`).
    public static func lineBytes(_ values: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(0x2C) }
            var value = value
            value.withUTF8 { u in
                var needsQuotes = false
                for b in u where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                    needsQuotes = true
                    break
                }
                let formula =
                    u.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 || $0 == 0x09 || $0 == 0x0D } ?? false
                if needsQuotes { out.append(0x22) }
                if formula { out.append(0x27) }
                if needsQuotes {
                    // Runs between quotes are copied whole (evidence sentences are long and often quoted).
                    var start = 0
                    for i in u.indices where u[i] == 0x22 {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start...i]))
                        out.append(0x22)
                        start = i + 1
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start...]))
                    out.append(0x22)
                } else {
                    out.append(contentsOf: u)
                }
            }
        }
        out.append(0x0A)
        return out
    }

    public static var header: String { AuditRow.columns.joined(separator: ",") + "\n" }
}

/// Encodes audit rows as JSON Lines with the same keys as the CSV columns, typed by the schema
/// (``AuditSchema/jsonTypes``): an empty value is `null`, an integer column a number, a list column
/// an array of strings (the CSV cell split at its separator), everything else a string. Values are
/// written as they are: no formula guard (docs/audit-schema.md, "One output policy").
public enum JSONLines {
    public static func line(_ values: [String]) -> String {
        String(decoding: lineBytes(values), as: UTF8.self)
    }

    /// The JSON line of `values` as UTF-8, built in one buffer (the same bytes as `line`).
    public static func lineBytes(_ values: [String]) -> [UInt8] {
        var out: [UInt8] = [0x7B]
        out.reserveCapacity(2048)
        let types = AuditSchema.jsonTypes
        for (i, (k, v)) in zip(AuditRow.columns, values).enumerated() {
            if i > 0 { out.append(0x2C) }
            append(k, to: &out)
            out.append(0x3A)
            append(v, as: types[i], to: &out)
        }
        out.append(contentsOf: [0x7D, 0x0A])
        return out
    }

    /// Appends one value as its column's JSON type.
    static func append(_ v: String, as type: AuditColumn.Values.JSONType, to out: inout [UInt8]) {
        if v.isEmpty {
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
            return
        }
        switch type {
        case .string:
            append(v, to: &out)
        case .integer:
            // A value that is not a plain whole number stays a string: nothing is lost.
            if let n = Int(v), String(n) == v { out.append(contentsOf: Array(v.utf8)) } else { append(v, to: &out) }
        case .list(let separator):
            out.append(0x5B)
            for (k, item) in v.components(separatedBy: separator).enumerated() {
                if k > 0 { out.append(0x2C) }
                append(item, to: &out)
            }
            out.append(0x5D)
        }
    }

    /// A row's cells (the CSV text of each column, in column order) from a JSON Lines object
    /// decoded by `JSONSerialization`: the typed values of this schema version, or the all-string
    /// values of older audits. Nil when a value has a type no audit writes.
    public static func cells(from object: [String: Any]) -> [String]? {
        var out: [String] = []
        out.reserveCapacity(AuditRow.columns.count)
        for (i, name) in AuditRow.columns.enumerated() {
            switch object[name] {
            case nil, is NSNull: out.append("")
            case let s as String: out.append(s)
            case let n as NSNumber: out.append(n.stringValue)
            case let list as [Any]:
                let items = list.compactMap { $0 as? String }
                guard items.count == list.count else { return nil }
                out.append(items.joined(separator: AuditSchema.listSeparators[i] ?? ";"))
            default: return nil
            }
        }
        return out
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string: quote, backslash and control characters escaped.
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(0x22)
        s.withUTF8 { u in
            for b in u {
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]])
                default: out.append(b)
                }
            }
        }
        out.append(0x22)
    }
}
