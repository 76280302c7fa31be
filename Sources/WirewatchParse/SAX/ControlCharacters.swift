/// C0 control characters in a document, which XML 1.0 does not allow (all but
/// tab, line feed and carriage return), and the noncharacters U+FFFE and
/// U+FFFF, which feeds carry anyway: Word writes a
/// manual line break as a vertical tab, and CMS exports leave form feeds and
/// stray escapes. libxml2 drops such a character, joining the words either
/// side, and its recovery also loses the escaped markup that follows in the
/// same text (`y\u{0B}z&lt;/b&gt;` became "yz/b"). A document that has one is
/// parsed again from a cleaned copy; no other document pays for this.
enum ControlCharacters {
    /// `bytes` with vertical tabs and form feeds as spaces (they separate
    /// words), the other forbidden controls removed, and the noncharacters
    /// U+FFFE and U+FFFF (which libxml2 trips on the same way) removed. UTF-8
    /// and the other ASCII-compatible encodings use these bytes for nothing else.
    static func cleaned(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                i += 3  // U+FFFE, U+FFFF
                continue
            }
            if byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                out.append(byte)
            } else if byte == 0x0B || byte == 0x0C {
                out.append(0x20)
            }
            i += 1
        }
        return out
    }
}
