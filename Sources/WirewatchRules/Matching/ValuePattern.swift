/// How a value field is compared with the normalized text from the query.
struct ValuePattern: Sendable {
    enum Kind: Sendable, Equatable {
        /// The whole value (feed, tag, category).
        case equals
        /// `tag:left*`: the value starts with the text.
        case prefix
        /// `lang:en`: "en" or any "en-…" subtag.
        case language
        /// `link:`: anywhere in the URL.
        case substring
        /// `sources>=3`: a count compared with a number.
        case count(Comparison, Int)
    }

    enum Comparison: String, Sendable, CaseIterable {
        // Longest first, so the lexer tries ">=" before ">".
        case atLeast = ">=", atMost = "<=", more = ">", less = "<", equal = "="
    }

    /// Whether `value` satisfies a `count` pattern (false for the other kinds).
    func matches(count value: Int) -> Bool {
        guard case .count(let comparison, let number) = kind else { return false }
        switch comparison {
        case .atLeast: return value >= number
        case .atMost: return value <= number
        case .more: return value > number
        case .less: return value < number
        case .equal: return value == number
        }
    }

    var kind: Kind
    /// Normalized with `ValueText.normalize`, like the document's values.
    var text: [UInt8]

    func matches(_ value: [UInt8]) -> Bool {
        switch kind {
        case .equals:
            return value == text
        case .prefix:
            return value.starts(with: text)
        case .language:
            // Subtags follow a hyphen ("en-US"; underscores are normalized to hyphens).
            return value.starts(with: text)
                && (value.count == text.count || value[text.count] == UInt8(ascii: "-"))
        case .substring:
            guard text.count <= value.count else { return false }
            for start in 0...(value.count - text.count)
            where value[start] == text[0] && value[start..<start + text.count].elementsEqual(text) {
                return true
            }
            return false
        case .count:
            return false
        }
    }
}
