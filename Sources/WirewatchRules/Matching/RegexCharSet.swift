/// The characters one regex atom can match, coarsely: exact for ASCII, by
/// category beyond it (letters, digits, spaces, the rest), plus the exact
/// non-ASCII literals. Enough for `RegexRisk` to tell whether two alternatives
/// can match the same character (`\w|\d`, `.|\s`); when in doubt it says "no",
/// because a false "yes" refuses a good rule.
struct RegexCharSet: Equatable {
    /// Bit n: ASCII character n.
    var low: UInt64 = 0
    var high: UInt64 = 0
    /// Non-ASCII categories (`Category` bits).
    var categories: UInt8 = 0
    /// Non-ASCII scalars named literally.
    var scalars: Set<UInt32> = []

    enum Category: UInt8 {
        case letter = 1, digit = 2, space = 4, other = 8
        static let all: UInt8 = 15

        init(_ scalar: Unicode.Scalar) {
            let properties = scalar.properties
            if properties.isAlphabetic { self = .letter }
            else if properties.numericType == .decimal { self = .digit }
            else if properties.isWhitespace { self = .space }
            else { self = .other }
        }
    }

    static func scalar(_ c: Unicode.Scalar) -> RegexCharSet {
        var set = RegexCharSet()
        set.insert(c)
        return set
    }

    mutating func insert(_ c: Unicode.Scalar) {
        if c.value < 64 { low |= 1 << UInt64(c.value) }
        else if c.value < 128 { high |= 1 << UInt64(c.value - 64) }
        else { scalars.insert(c.value) }
    }

    mutating func insert(_ range: ClosedRange<UInt32>) {
        for v in range.clamped(to: 0...127) { insert(Unicode.Scalar(UInt8(v))) }
        // A range reaching past ASCII: its categories, coarsely.
        if range.upperBound >= 128 { categories = Category.all }
    }

    mutating func formUnion(_ other: RegexCharSet) {
        low |= other.low
        high |= other.high
        categories |= other.categories
        scalars.formUnion(other.scalars)
    }

    func overlaps(_ other: RegexCharSet) -> Bool {
        if low & other.low != 0 || high & other.high != 0 || categories & other.categories != 0 { return true }
        if !scalars.isDisjoint(with: other.scalars) { return true }
        func inCategories(_ scalars: Set<UInt32>, _ categories: UInt8) -> Bool {
            categories != 0 && scalars.contains { Unicode.Scalar($0).map { categories & Category($0).rawValue != 0 } ?? false }
        }
        return inCategories(scalars, other.categories) || inCategories(other.scalars, categories)
    }

    /// The complement within what an atom can match (for `\W`, `[^…]`).
    func inverted() -> RegexCharSet {
        RegexCharSet(low: ~low, high: ~high, categories: Category.all & ~categories, scalars: [])
    }

    /// `.`: anything but a line break.
    static let dot: RegexCharSet = {
        var set = RegexCharSet(low: ~0, high: ~0, categories: Category.all, scalars: [])
        set.low &= ~(1 << 10)
        return set
    }()

    static func ascii(_ ranges: ClosedRange<UInt8>...) -> RegexCharSet {
        var set = RegexCharSet()
        for range in ranges { for v in range { set.insert(Unicode.Scalar(v)) } }
        return set
    }

    /// `\w`, `\d`, `\s`, `\h`, `\v` and their negations (Swift's, Unicode-aware); nil for
    /// other escapes (which are literal characters or not single characters).
    static func escapeClass(_ e: Unicode.Scalar) -> RegexCharSet? {
        switch e {
        case "w":
            var set = ascii(48...57, 65...90, 97...122, 95...95)
            set.categories = Category.letter.rawValue | Category.digit.rawValue
            return set
        case "d":
            var set = ascii(48...57)
            set.categories = Category.digit.rawValue
            return set
        case "s":
            var set = ascii(9...13, 32...32)
            set.categories = Category.space.rawValue
            return set
        case "h":
            var set = ascii(9...9, 32...32)
            set.categories = Category.space.rawValue
            return set
        case "W", "D", "S":
            return escapeClass(Unicode.Scalar(e.value + 32)!)?.inverted()
        default:
            return nil
        }
    }

    /// The character an escape stands for (`\.`, `\-`, `\n`, `\t`); nil for anything else.
    static func escapedScalar(_ e: Unicode.Scalar) -> Unicode.Scalar? {
        switch e {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        default:
            let isWordCharacter = e.properties.isAlphabetic || e.properties.numericType != nil
            return isWordCharacter ? nil : e
        }
    }

    static func escapedLiteral(_ e: Unicode.Scalar) -> RegexCharSet? { escapedScalar(e).map(scalar) }
}

extension RegexCharSet {
    /// The set of a bracket expression from its contents (between `[` and `]`):
    /// characters, ranges, `\w`-style classes and escaped characters, negated
    /// by a leading `^`. Nil for what is not read here (nested classes, POSIX
    /// `[:alpha:]`, `\p{…}`, set operations), which then counts as unknown.
    static func bracket(_ body: ArraySlice<Unicode.Scalar>) -> RegexCharSet? {
        var chars = body
        var negated = false
        if chars.first == "^" { negated = true; chars = chars.dropFirst() }
        var set = RegexCharSet()
        var previous: Unicode.Scalar?
        while let c = chars.first {
            chars = chars.dropFirst()
            switch c {
            case "[":
                return nil
            case "\\":
                guard let e = chars.first else { return nil }
                chars = chars.dropFirst()
                if let cls = escapeClass(e) {
                    set.formUnion(cls)
                    previous = nil
                } else if let literal = escapedScalar(e) {
                    set.insert(literal)
                    previous = literal
                } else {
                    return nil
                }
            case "-" where previous != nil && chars.first != nil && chars.first != "]":
                guard let end = chars.first, end != "\\", end != "[", let start = previous, start.value <= end.value else { return nil }
                chars = chars.dropFirst()
                set.insert(start.value...end.value)
                previous = nil
            case "&" where chars.first == "&", "-" where chars.first == "-", "~" where chars.first == "~":
                return nil  // set operations
            default:
                set.insert(c)
                previous = c
            }
        }
        return negated ? set.inverted() : set
    }
}
