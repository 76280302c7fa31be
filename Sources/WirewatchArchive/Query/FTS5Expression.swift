import Foundation
import WirewatchCore

/// Translates a `TextCondition` into an FTS5 MATCH expression. Returns nil when
/// the index cannot narrow the search (the caller then scans newest first).
enum FTS5Expression {
    static func make(_ condition: TextCondition) -> String? {
        switch condition {
        case .anything:
            return nil
        case .word(let word, let field):
            return allOf(tokens(word), field)
        case .prefix(let prefix, let field):
            var parts = tokens(prefix)
            guard let last = parts.popLast() else { return nil }
            let head = parts.map { scoped(quote($0), field) }
            return join(head + [scoped(quote(last) + " *", field)])
        case .phrase(let words, let field):
            // The index keeps no word positions (detail=column): a phrase becomes
            // "all its words in that field", and the query's own check keeps the
            // items where they are consecutive.
            return allOf(words.flatMap(tokens), field)
        case .all(let parts):
            // AND can drop parts the index cannot check: the result stays a superset.
            let terms = parts.compactMap(make)
            return terms.isEmpty ? nil : "(" + terms.joined(separator: " AND ") + ")"
        case .any(let parts):
            // OR cannot: one unindexable branch means any item may match.
            var terms: [String] = []
            for part in parts {
                guard let term = make(part) else { return nil }
                terms.append(term)
            }
            return terms.isEmpty ? nil : "(" + terms.joined(separator: " OR ") + ")"
        }
    }

    /// The index's own words in a term: FTS5 splits on everything that is not a
    /// letter or digit, and a quoted string of several of its words would be a
    /// phrase, which detail=column cannot answer.
    static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func allOf(_ words: [String], _ field: TextCondition.IndexedField?) -> String? {
        join(words.map { scoped(quote($0), field) })
    }

    static func join(_ terms: [String]) -> String? {
        terms.isEmpty ? nil : terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " AND ") + ")"
    }

    /// An FTS5 string literal: double quotes doubled.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func scoped(_ term: String, _ field: TextCondition.IndexedField?) -> String {
        guard let field else { return term }
        return "{\(field.rawValue)} : \(term)"
    }
}
