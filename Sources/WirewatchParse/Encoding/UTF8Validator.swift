/// UTF-8 validation without allocating (Swift's `String(validating:)` would
/// copy the whole document). ASCII runs are checked 32 bytes at a
/// time, and the scan returns to that pace after each multi-byte
/// character (the standard library's validator goes byte by byte from the
/// first non-ASCII byte to the end, which made one `é` in an article cost
/// a slow pass over all of it).
enum UTF8Validator {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(b).valid
    }

    /// Whether `b` is valid UTF-8, and whether it is all ASCII.
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> (valid: Bool, ascii: Bool) {
        guard let base = b.baseAddress else { return (true, true) }
        let n = b.count
        var i = 0
        var ascii = true
        while i < n {
            // ASCII fast path.
            i = SWAR.skipASCIIBlocks(UnsafeRawPointer(base), from: i, count: n)
            if i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            guard i < n else { break }
            let c = base[i]
            if c < 0x80 { i += 1; continue }
            ascii = false
            var need: Int
            var min: UInt32
            var v: UInt32
            switch c {
            case 0xC2...0xDF: need = 1; min = 0x80; v = UInt32(c & 0x1F)
            case 0xE0...0xEF: need = 2; min = 0x800; v = UInt32(c & 0x0F)
            case 0xF0...0xF4: need = 3; min = 0x10000; v = UInt32(c & 0x07)
            default: return (false, false)
            }
            guard i + need < n else { return (false, false) }
            for k in 1...need {
                let d = base[i + k]
                guard d & 0xC0 == 0x80 else { return (false, false) }
                v = v << 6 | UInt32(d & 0x3F)
            }
            guard v >= min, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return (false, false) }
            i += need + 1
        }
        return (true, ascii)
    }
}
