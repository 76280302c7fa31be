/// An insertion-ordered, mutable dictionary: feedparser's `FeedParserDict`.
final class FPDict {
    /// Entries in insertion order, found by a linear scan. A dictionary paid a
    /// SipHash per lookup (14 % of parsing in a daemon profile, hashing and
    /// comparing short keys); an entry holds a score of keys at most, mostly
    /// literals of up to 15 bytes that compare as two machine words.
    @exclusivity(unchecked) private var entries: [(key: String, value: FPValue)] = []
    /// Builder state about this dictionary as a context, kept with it (side
    /// tables keyed by identity cost two more hash lookups per property):
    /// the element depth each property was stored from (feedparser keeps
    /// the shallowest), and whether `link` came from an HTML alternate.
    /// Not part of the result.
    @exclusivity(unchecked) var propertyDepths: [(key: String, depth: Int)] = []
    @exclusivity(unchecked) var linkFromAlternate = false

    init() {}

    /// Room for `capacity` keys from the start: an entry collects a score of
    /// them, and growing there one copy at a time showed in profiles.
    init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    init(_ pairs: [(String, FPValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The keys in insertion order.
    var keys: [String] { entries.map(\.key) }

    private func index(of key: String) -> Int? {
        var i = 0
        while i < entries.count {
            if entries[i].key == key { return i }
            i += 1
        }
        return nil
    }

    subscript(key: String) -> FPValue? {
        get { index(of: key).map { entries[$0].value } }
        set {
            let i = index(of: key)
            if let newValue {
                if let i { entries[i].value = newValue } else { entries.append((key, newValue)) }
            } else if let i {
                entries.remove(at: i)
            }
        }
    }

    /// The depth `key` was stored from, if recorded.
    func depth(of key: String) -> Int? {
        propertyDepths.first { $0.key == key }?.depth
    }

    func setDepth(_ depth: Int, of key: String) {
        if let i = propertyDepths.firstIndex(where: { $0.key == key }) {
            propertyDepths[i].depth = depth
        } else {
            propertyDepths.append((key, depth))
        }
    }

    func contains(_ key: String) -> Bool { index(of: key) != nil }

    func string(_ key: String) -> String? { self[key]?.stringValue }

    /// `setdefault` for a nested dictionary.
    func dict(_ key: String) -> FPDict {
        if let d = self[key]?.dictValue { return d }
        let d = FPDict()
        self[key] = .dict(d)
        return d
    }

    /// `setdefault` for a nested list.
    func list(_ key: String) -> FPList {
        if let l = self[key]?.listValue { return l }
        let l = FPList()
        self[key] = .list(l)
        return l
    }

    func setDefault(_ key: String, _ value: FPValue) {
        if index(of: key) == nil { entries.append((key, value)) }
    }

    func deepCopy() -> FPDict {
        let d = FPDict()
        d.entries = entries.map { ($0.key, $0.value.deepCopy()) }
        return d
    }

    var json: JSONValue {
        .object(entries.map { ($0.key, $0.value.json) })
    }
}

/// A mutable list shared by reference, so nested appends are visible in place.
final class FPList {
    @exclusivity(unchecked) var items: [FPValue]
    init(_ items: [FPValue] = []) { self.items = items }
    func append(_ v: FPValue) { items.append(v) }
    var last: FPValue? { items.last }
}
