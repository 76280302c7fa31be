/// What a feed, tag or rule name may be. Names end up in log lines, query scopes
/// (`feed:wsws`, `tag:ice`) and command lines, so they are kept to a safe alphabet.
enum NameRules {
    static let maximumLength = 64

    /// Why `name` is not a valid name, or nil if it is.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.count > maximumLength { return "is longer than \(maximumLength) characters" }
        guard let first = name.unicodeScalars.first, isLetterOrDigit(first) else {
            return "'\(name)' must start with a letter or digit"
        }
        if let bad = name.unicodeScalars.first(where: { !isLetterOrDigit($0) && !"-_.".unicodeScalars.contains($0) }) {
            return "'\(name)' contains '\(bad.escaped(asASCII: false))' (use letters, digits, - _ .)"
        }
        return nil
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        default: false
        }
    }
}
