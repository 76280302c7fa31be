/// A text as lines split at "\n", so that joining them again gives back the same bytes:
/// a "\r" before a "\n" stays at the end of its line, and a final "\n" leaves an empty last line.
struct SourceLines {
    var lines: [String]

    init(_ text: String) {
        // By scalars: to Swift, "\r\n" is one Character, which a split at "\n" would miss.
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
    }

    var text: String { lines.joined(separator: "\n") }

    /// "\r\n" if the file already uses it, so inserted lines match the user's.
    var lineBreak: String { lines.first?.hasSuffix("\r") == true ? "\r\n" : "\n" }

    /// Blank, or only a comment: lines that do not belong to the table above them.
    static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.unicodeScalars.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
        return trimmed.isEmpty || trimmed.first == "#"
    }

    static func isBlank(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}
