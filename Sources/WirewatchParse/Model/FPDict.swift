/// An insertion-ordered, mutable dictionary: feedparser's `FeedParserDict`.
final class FPDict {
    @exclusivity(unchecked) private(set) var keys: [String] = []
    @exclusivity(unchecked) private var storage: [String: FPValue] = [:]
    /// Builder state about this dictionary as a context, kept with it (side
    /// tables keyed by identity cost two more hash lookups per property):
    /// the element depth each property was stored from (feedparser keeps
    /// the shallowest), and whether `link` came from an HTML alternate.
    /// Not part of the result.
    @exclusivity(unchecked) var propertyDepths: [String: Int] = [:]
    @exclusivity(unchecked) var linkFromAlternate = false

    init() {}

    /// Room for `capacity` keys from the start: an entry collects a score of
    /// them, and growing there one rehash at a time showed in profiles.
    init(capacity: Int) {
        storage.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
    }

    init(_ pairs: [(String, FPValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    var isEmpty: Bool { keys.isEmpty }

    subscript(key: String) -> FPValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    func contains(_ key: String) -> Bool { storage[key] != nil }

    func string(_ key: String) -> String? { storage[key]?.stringValue }

    /// `setdefault` for a nested dictionary.
    func dict(_ key: String) -> FPDict {
        if let d = storage[key]?.dictValue { return d }
        let d = FPDict()
        self[key] = .dict(d)
        return d
    }

    /// `setdefault` for a nested list.
    func list(_ key: String) -> FPList {
        if let l = storage[key]?.listValue { return l }
        let l = FPList()
        self[key] = .list(l)
        return l
    }

    func setDefault(_ key: String, _ value: FPValue) {
        if storage[key] == nil { self[key] = value }
    }

    func deepCopy() -> FPDict {
        let d = FPDict()
        for k in keys { d[k] = storage[k]!.deepCopy() }
        return d
    }

    var json: JSONValue {
        .object(keys.map { ($0, storage[$0]!.json) })
    }
}

/// A mutable list shared by reference, so nested appends are visible in place.
final class FPList {
    @exclusivity(unchecked) var items: [FPValue]
    init(_ items: [FPValue] = []) { self.items = items }
    func append(_ v: FPValue) { items.append(v) }
    var last: FPValue? { items.last }
}
