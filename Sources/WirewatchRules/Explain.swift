/// One occurrence of a query term in a document, for highlighting and explanations.
public struct MatchedTerm: Sendable, Equatable {
    /// The text fields terms are found in.
    public enum Field: String, Sendable, CaseIterable {
        case title, summary, content, author
    }

    /// The term as the query matches it: a folded word (`strike`), an acronym (`ICE`),
    /// a prefix (`strik*`), a phrase (`"general strike"`), or a regex (`/…/`).
    public var term: String
    public var field: Field
    /// Where in that field's text (indices of the document's string for that field).
    public var range: Range<String.Index>
    /// The text at `range`, as written in the document ("General Strike").
    public var text: String

    public init(term: String, field: Field, range: Range<String.Index>, text: String) {
        self.term = term
        self.field = field
        self.range = range
        self.text = text
    }
}

/// Why a query did or did not match a document (`Query.explain`).
public struct MatchExplanation: Sendable {
    /// Whether the query matches the document (the same answer as `Query.matches`).
    public var matched: Bool
    /// A readable tree, one node per line, indented two spaces per level: "✓" or "✗",
    /// the operator or term, and for terms where they were found, for example
    /// `✓ "general strike" — title: General strike` or `✗ minneapolis — not found`.
    /// AND/OR operands are listed cheapest first, the order they are evaluated in.
    public var lines: [String]
    /// Every occurrence of a term that counts towards a match: terms not under NOT,
    /// found in a field they are scoped to (phrases and NEAR as their whole span),
    /// in field order, then text order.
    public var matchedTerms: [MatchedTerm]

    public init(matched: Bool, lines: [String], matchedTerms: [MatchedTerm]) {
        self.matched = matched
        self.lines = lines
        self.matchedTerms = matchedTerms
    }

    /// `lines` joined with newlines.
    public var text: String { lines.joined(separator: "\n") }
}

extension Query {
    /// Evaluates the query against `document` node by node (without short-circuits),
    /// recording where each term was found. Slower than `matches`; meant for
    /// `wirewatch rules explain` and tests.
    public func explain(_ document: RuleDocument) -> MatchExplanation {
        var explainer = Explainer(query: self, document: document)
        return explainer.explain()
    }

    /// The ranges of `text` to highlight for this query, treating `text` as the given
    /// field: occurrences of the terms that are not negated and apply to that field
    /// (words, prefixes, whole phrases, NEAR sides, regex matches), sorted, with
    /// overlapping ranges merged. A term counts even if the whole query does not
    /// match this text alone (for snippets of an item the query matched as a whole).
    public func matchedRanges(in text: String, field: MatchedTerm.Field) -> [Range<String.Index>] {
        var document = RuleDocument()
        switch field {
        case .title: document.title = text
        case .summary: document.summary = text
        case .content: document.content = text
        case .author: document.author = text
        }
        var explainer = Explainer(query: self, document: document)
        return explainer.explain().matchedTerms
            .filter { $0.field == field }
            .map(\.range)
            .mergedRanges()
    }
}
