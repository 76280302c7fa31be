/// Quoted-printable (RFC 2045) for a mail body: keeps a UTF-8 body 7-bit clean with
/// lines of at most 76 characters, whatever the length of a feed title or link, so
/// no MTA has to rewrite or reject it (SMTP's limit is 998 octets a line).
enum QuotedPrintable {
    /// `text`'s lines (LF-separated) encoded, joined with LF.
    static func encode(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { encodeLine(Array($0.utf8)) }
            .joined(separator: "\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var out = ""
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let token: String
            switch byte {
            case 0x21...0x3C, 0x3E...0x7E:
                token = String(UnicodeScalar(byte))
            case 0x20 where !isLast, 0x09 where !isLast:
                // Whitespace is literal except at the end of a line, where MTAs strip it.
                token = String(UnicodeScalar(byte))
            default:
                token = "=" + hex(byte)
            }
            // 75 + the soft break's "=" stays within 76.
            if lineLength + token.count > 75 {
                out += "=\n"
                lineLength = 0
            }
            out += token
            lineLength += token.count
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
