/// What a query needs to find in an item's indexed text, in a form any search
/// index can translate: the rules engine produces it from a query, the archive
/// turns it into its index's syntax and then checks every hit with the query
/// itself (so a condition may be looser than the query, never stricter).
public indirect enum TextCondition: Sendable, Hashable {
    /// Every condition must hold.
    case all([TextCondition])
    /// At least one condition must hold.
    case any([TextCondition])
    /// A whole word (already folded: lower case, no diacritics).
    case word(String, field: IndexedField?)
    /// Consecutive words.
    case phrase([String], field: IndexedField?)
    /// A word starting with this prefix.
    case prefix(String, field: IndexedField?)
    /// Nothing the index can check (NOT, regular expressions, tags, feeds…):
    /// every item is a candidate.
    case anything

    /// The fields a text index holds.
    public enum IndexedField: String, Sendable, Hashable {
        case title, text, author
    }
}
