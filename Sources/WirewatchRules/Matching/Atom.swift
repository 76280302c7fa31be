/// The unit of literal matching: one folded word of a query, exact or as a prefix,
/// case-insensitive or (for acronyms like `ICE`) requiring capitals in the text.
/// Phrases and NEAR are sequences of atoms checked on word positions.
struct Atom: Sendable, Hashable {
    var folded: [UInt8]
    var isPrefix: Bool
    var caseSensitive: Bool
}
