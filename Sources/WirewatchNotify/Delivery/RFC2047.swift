import Foundation

/// RFC 2047 "encoded words" for header values that are not plain ASCII (a mail
/// Subject, an ntfy Title): `=?UTF-8?B?…?=`.
enum RFC2047 {
    /// The value unchanged if it is printable ASCII, else a run of encoded words
    /// separated by `separator` (a folding `"\n "` in mail, a space in HTTP).
    /// Each word is at most 75 characters and never splits a UTF-8 sequence.
    static func encode(_ text: String, separator: String = " ") -> String {
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) { return text }
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters → 45 bytes.
        let maxBytes = 45
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maxBytes {
                words.append(word(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: separator)
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
