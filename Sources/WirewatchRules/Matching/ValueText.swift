/// Normalizes whole values (feed names, tags, categories, languages, links) so they
/// compare case- and diacritics-insensitively: letters are folded like words,
/// whitespace runs become one space and are trimmed, other characters stay as they are.
enum ValueText {
    static func normalize(_ text: String, field: ValueField) -> [UInt8] {
        let table = FoldTable.shared
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ASCII (links, most names) without the Unicode property lookup, which
            // showed in profiles of a first cycle at 1.2 %.
            if scalar.value < 0x80 ? Self.isASCIIWhitespace(scalar.value) : scalar.properties.isWhitespace {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            if case .separator = table.fold(scalar.value, into: &bytes) {
                // Punctuation is part of a value ("far-left" is not "far left"), except
                // that languages are written both "en_US" and "en-US".
                if field == .lang, scalar == "_" {
                    bytes.append(UInt8(ascii: "-"))
                } else if scalar.value < 0x80 {
                    bytes.append(UInt8(scalar.value))
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        return bytes
    }

    /// The ASCII characters with Unicode's White_Space property: tab to carriage return, and space.
    private static func isASCIIWhitespace(_ value: UInt32) -> Bool {
        value == 0x20 || (0x09...0x0D).contains(value)
    }
}
