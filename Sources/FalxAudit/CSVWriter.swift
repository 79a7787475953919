import Foundation

/// Encodes audit rows as RFC 4180 CSV: comma separator, LF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, quotes doubled; UTF-8 without BOM.
///
/// A cell a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or CR) gets
/// a leading single quote, so "-1" from a report is shown, never evaluated.
public enum CSV {
    public static func field(_ s: String) -> String {
        // One pass over the UTF-8 bytes decides; most cells need neither quote nor prefix.
        var needsQuotes = false
        for b in s.utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        let formula =
            s.utf8.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 || $0 == 0x09 || $0 == 0x0D } ?? false
        if !needsQuotes { return formula ? "'" + s : s }
        let v = formula ? "'" + s : s
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
