/// Lenient Base64 (feedparser's `base64.decodebytes`): whitespace ignored.
enum Base64 {
    static func decodeUTF8(_ s: String) -> String? {
        var vals: [UInt8] = []
        var pad = 0
        for c in s.utf8 {
            switch c {
            case 65...90: vals.append(c - 65)
            case 97...122: vals.append(c - 71)
            case 48...57: vals.append(c + 4)
            case 43: vals.append(62)
            case 47: vals.append(63)
            case 61: pad += 1
            case 9, 10, 13, 32: continue
            default: return nil
            }
        }
        guard (vals.count + pad) % 4 == 0 || (vals.count % 4 != 1) else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i + 1 < vals.count {
            let a = vals[i], b = vals[i + 1]
            out.append(a << 2 | b >> 4)
            if i + 2 < vals.count {
                let c = vals[i + 2]
                out.append((b & 0xF) << 4 | c >> 2)
                if i + 3 < vals.count { out.append((c & 0x3) << 6 | vals[i + 3]) }
            }
            i += 4
        }
        // (String(validating:) would need macOS 15; the package supports 14.)
        return out.withUnsafeBufferPointer { UTF8Validator.isValid($0) } ? String(decoding: out, as: UTF8.self) : nil
    }
}
