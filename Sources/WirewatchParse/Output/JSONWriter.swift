/// Compact JSON text for a `JSONValue` (UTF-8, keys in insertion order).
enum JSONWriter {
    static func write(_ v: JSONValue, into out: inout String) {
        switch v {
        case .string(let s): writeString(s, into: &out)
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .null: out += "null"
        case .array(let a):
            out += "["
            for (i, x) in a.enumerated() {
                if i > 0 { out += ", " }
                write(x, into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, (k, x)) in o.enumerated() {
                if i > 0 { out += ", " }
                writeString(k, into: &out)
                out += ": "
                write(x, into: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
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
