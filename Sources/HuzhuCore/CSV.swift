import Foundation

/// Comma-separated values as spreadsheets write them (RFC 4180): quoted fields may hold commas, quotes
/// (doubled) and line breaks; lines end in CRLF or LF.
public enum CSV {
    /// The rows of a text, each a list of fields. Blank lines are skipped.
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endRow() {
            row.append(field)
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
            field = ""
        }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\r": if pending == "\n" { pending = iterator.next() }; endRow()
            case "\n": endRow()
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }

    /// One line of CSV, CRLF-terminated. A field a spreadsheet would run as a formula (starting with
    /// `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with an apostrophe so it shows as text.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            var value = field
            if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }

    /// The text of a file as people save it from Excel in China: UTF-8 with or without a byte-order
    /// mark, else GB18030 (which includes GBK and GB2312). Nil when it is neither.
    public static func decode(_ data: Data) -> String? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        return String(data: data, encoding: gb18030)
    }

    /// GB 18030-2000, by its Core Foundation encoding number.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// UTF-8 with a byte-order mark, so that Excel opens Chinese correctly.
    public static let byteOrderMark = "\u{FEFF}"
}
