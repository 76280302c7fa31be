import WirewatchCore

/// Compact JSON text for a `JSONValue` (UTF-8, keys in insertion order).
enum JSONWriter {
    static func write(_ v: JSONValue, into out: inout String) {
        switch v {
        case .string(let s): JSONString.write(s, into: &out)
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
                JSONString.write(k, into: &out)
                out += ": "
                write(x, into: &out)
            }
            out += "}"
        }
    }

}
