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
            return scoped(quote(word), field)
        case .prefix(let prefix, let field):
            return scoped(quote(prefix) + " *", field)
        case .phrase(let words, let field):
            guard !words.isEmpty else { return nil }
            return scoped(quote(words.joined(separator: " ")), field)
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

    /// An FTS5 string literal: double quotes doubled.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func scoped(_ term: String, _ field: TextCondition.IndexedField?) -> String {
        guard let field else { return term }
        return "{\(field.rawValue)} : \(term)"
    }
}
