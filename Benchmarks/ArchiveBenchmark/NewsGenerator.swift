import Foundation
import WirewatchCore

/// Deterministic synthetic news: a Zipf vocabulary of 20,000 pseudo-words (plus
/// real domain words), ~2 KB items, 5% republished across feeds (one added
/// sentence, new guid and link) and 2% edits of earlier items (same guid, a
/// changed title word and an added sentence), spread over ~5,000 feeds.
struct NewsGenerator {
    struct Generated {
        var feed: Int
        var guid: String
        var item: Item
        var kind: Kind
    }

    enum Kind { case original, republished, edited }

    static let domainWords = [
        "minneapolis", "ice", "immigration", "strike", "union", "deportation", "court", "protest", "council",
        "picket", "federal", "agents", "hennepin", "county", "tenants", "nurses", "teachers", "transit", "police",
        "asylum", "raid", "workers", "rally", "march", "judge", "ruling", "contract", "wages", "city", "state",
    ]

    let feeds: Int
    private var rng: SplitMix
    private let vocabulary: [String]
    private let zipf: [UInt32]
    private var recent: [Generated] = []
    private var counter = 0

    init(seed: UInt64, feeds: Int = 5_000) {
        self.feeds = feeds
        rng = SplitMix(seed: seed)
        // Function words lead the Zipf ranking; the news domain words sit in the
        // middle ranks (200–800), as in real text, not at the head of it.
        var words = ["the", "a", "of", "to", "and", "in", "on", "for", "said", "with", "at", "by", "from"]
        let syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "bel", "dor", "vi", "ne", "qua", "ris", "to", "pen", "gal", "mor", "ash", "eth", "ul", "yo"]
        var r = SplitMix(seed: seed ^ 0xABCD)
        while words.count < 20_000 {
            let n = 2 + Int(r.next() % 3)
            words.append((0..<n).map { _ in syllables[Int(r.next() % UInt64(syllables.count))] }.joined())
        }
        for (index, word) in Self.domainWords.enumerated() {
            words.insert(word, at: min(words.count, 200 + index * 20))
        }
        vocabulary = words
        // Zipf (s = 1) sampled through a 1 M-entry table: one array read per word.
        var weights = (1...words.count).map { 1.0 / Double($0) }
        let total = weights.reduce(0, +)
        for i in weights.indices { weights[i] /= total }
        var table = [UInt32](repeating: 0, count: 1 << 20)
        var cumulative = 0.0
        var word = 0
        for slot in table.indices {
            let point = (Double(slot) + 0.5) / Double(table.count)
            while word < weights.count - 1 && cumulative + weights[word] < point {
                cumulative += weights[word]
                word += 1
            }
            table[slot] = UInt32(word)
        }
        zipf = table
    }

    private mutating func word() -> String {
        vocabulary[Int(zipf[Int(rng.next() & 0xFFFFF)])]
    }

    private mutating func sentence() -> String {
        let length = 8 + Int(rng.next() % 17)
        var words: [String] = []
        words.reserveCapacity(length)
        for _ in 0..<length { words.append(word()) }
        if rng.next() % 4 == 0 { words[Int(rng.next() % UInt64(length))] = Self.domainWords[Int(rng.next() % UInt64(Self.domainWords.count))] }
        return words.joined(separator: " ").capitalizedFirst + "."
    }

    private mutating func body() -> String {
        var text = ""
        text.reserveCapacity(2_200)
        while text.utf8.count < 1_700 + Int(rng.next() % 600) {
            text += sentence() + " "
        }
        return text
    }

    /// The next item of the stream, with the publication time `published`.
    mutating func next(published: Date, feed batchFeed: Int) -> Generated {
        counter += 1
        let roll = rng.next() % 100
        let generated: Generated
        if roll < 5, recent.count > 100 {
            var copy = recent[Int(rng.next() % UInt64(recent.count))]
            copy.feed = (copy.feed + 1 + Int(rng.next() % UInt64(feeds - 1))) % feeds
            copy.guid = "r\(counter)"
            copy.item.guid = copy.guid
            copy.item.link = "https://outlet\(copy.feed).example.org/\(copy.guid)"
            copy.item.contentText = "This article first appeared elsewhere. " + copy.item.contentText + " " + sentence()
            copy.item.published = published
            copy.kind = .republished
            generated = copy
        } else if roll < 7, recent.count > 100 {
            var edit = recent[Int(rng.next() % UInt64(recent.count))]
            edit.item.title += " (updated)"
            edit.item.contentText += " Update: " + sentence()
            edit.kind = .edited
            generated = edit
        } else {
            let feed = batchFeed
            let guid = "i\(counter)"
            let titleLength = 6 + Int(rng.next() % 9)
            let title = (0..<titleLength).map { _ in word() }.joined(separator: " ").capitalizedFirst
            let item = Item(
                guid: guid, link: "https://outlet\(feed).example.org/\(guid)", title: title, author: "Staff",
                published: published, contentText: body()
            )
            generated = Generated(feed: feed, guid: guid, item: item, kind: .original)
        }
        if generated.kind == .original {
            if recent.count < 3_000 { recent.append(generated) } else { recent[counter % 3_000] = generated }
        }
        return generated
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
