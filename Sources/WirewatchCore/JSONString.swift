/// A JSON string literal, written straight into a `String`: quotes, backslashes
/// and control characters escaped, everything else as it is (UTF-8, `/` not
/// escaped). Used where a JSON encoder would cost more than the text: the
/// parser's `--json` output and the archive's category lists.
public enum JSONString {
    public static func write(_ s: String, into out: inout String) {
        out += "\""
        var needs = false
        for b in s.utf8 where b < 0x20 || b == 34 || b == 92 { needs = true; break }
        if !needs {
            out += s
        } else {
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 {
                        let h = String(u.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
        }
        out += "\""
    }
}
