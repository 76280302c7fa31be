/// A value of the feedparser-shaped result tree built while parsing.
///
/// The builder mirrors feedparser's `FeedParserDict` semantics (ordered keys,
/// in-place mutation of nested dictionaries and lists), so the tree uses
/// reference types while the parse runs. It is converted to the immutable,
/// `Sendable` `JSONValue` before leaving the parser.
enum FPValue {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case null
    case dict(FPDict)
    case list(FPList)

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
    var dictValue: FPDict? {
        if case .dict(let d) = self { return d }
        return nil
    }
    var listValue: FPList? {
        if case .list(let l) = self { return l }
        return nil
    }

    /// Deep, immutable snapshot.
    var json: JSONValue {
        switch self {
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .null: return .null
        case .dict(let d): return d.json
        case .list(let l): return .array(l.items.map(\.json))
        }
    }

    /// Deep copy (feedparser's `copy.deepcopy` of `sourcedata`).
    func deepCopy() -> FPValue {
        switch self {
        case .dict(let d): return .dict(d.deepCopy())
        case .list(let l): return .list(FPList(l.items.map { $0.deepCopy() }))
        default: return self
        }
    }

    /// Structural equality, used for tag de-duplication.
    func isEqual(_ other: FPValue) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.null, .null): return true
        case (.dict(let a), .dict(let b)):
            guard a.keys.count == b.keys.count else { return false }
            for k in a.keys {
                guard let x = a[k], let y = b[k], x.isEqual(y) else { return false }
            }
            return true
        case (.list(let a), .list(let b)):
            guard a.items.count == b.items.count else { return false }
            return zip(a.items, b.items).allSatisfy { $0.isEqual($1) }
        default: return false
        }
    }
}
