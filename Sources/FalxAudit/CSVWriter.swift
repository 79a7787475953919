import Foundation

/// Encodes audit rows as RFC 4180 CSV: comma separator, LF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, quotes doubled; UTF-8 without BOM.
///
/// A cell a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or CR) gets
/// a leading single quote, so "-1" from a report is shown, never evaluated.
public enum CSV {
    public static func field(_ s: String) -> String {
        var v = s
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    public static func line(_ values: [String]) -> String {
        values.map(field).joined(separator: ",") + "\n"
    }

    public static var header: String { AuditRow.columns.joined(separator: ",") + "\n" }
}

/// Encodes audit rows as JSON Lines with the same keys as the CSV columns.
public enum JSONLines {
    public static func line(_ values: [String]) -> String {
        var out = "{"
        for (i, (k, v)) in zip(AuditRow.columns, values).enumerated() {
            if i > 0 { out += "," }
            out += quote(k) + ":" + quote(v)
        }
        return out + "}\n"
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
