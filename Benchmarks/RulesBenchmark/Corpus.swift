import WirewatchRules

/// SplitMix64: small, fast, deterministic.
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
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}

/// Deterministic news-like prose in the shape of the research anchors' generator
/// (`archive-rules-anchors.md`, "Synthetic data"): a Zipf (s = 1) vocabulary of
/// 20,000 words (common English words first, then pseudo-words from syllables), 500
/// topics with 40 topic words each (10 % of a topic item's words), 200 of them with
/// 4–10 domain terms (2.5 %), others with one random domain term 30 % of the time.
/// Items are title + summary + content, 2–10 KB, in sentences with capitals, commas,
/// numbers, apostrophes and a few accented names.
struct Corpus {
    static let common = """
        the of and to a in that is was for on it with as he said at by his from be \
        have has are but not an they this had were which or their been will who one \
        would new after more first also two year people its up about out than there \
        when over last into other time city state police government could some she \
        her we them only most years can all officials back just like told report \
        three while before public under according week say percent since between \
        during these may many say workers where those because against called million \
        made through our day president federal county news program local since still \
        including several four second group members any area part each former both \
        what plan law then five national office us you did did school house show \
        being him health children court now based family home led long did around \
        without well even much help own support department next early way should \
        high change however says set service end made left own told place right days \
        another business take among number meeting work found million recent later \
        told make campaign month least community early case life board water power
        """.split(separator: " ").map(String.init)

    /// Domain terms in their usual spelling (acronyms in capitals, names capitalized).
    static let domain = [
        "ICE", "immigration", "Minneapolis", "Twin Cities", "general strike", "union",
        "deportation", "court", "protest", "council", "St. Paul", "Hennepin County",
        "federal agents", "picket line", "DHS", "Border Patrol", "asylum", "raid", "detention",
        "sanctuary city", "tenants", "rent strike", "nurses", "teachers union", "walkout",
        "Teamsters", "SEIU", "AFL-CIO", "collective bargaining", "Lake Street", "Powderhorn",
        "Frey", "Walz", "Ellison", "Omar", "CBP", "FBI", "ACLU", "deportations", "detainees",
        "immigrants", "undocumented", "courthouse", "Whipple Building", "Fort Snelling",
        "Sahán", "Zürich", "São Paulo", "café workers", "Łódź", "mutual aid", "rapid response",
        "observers", "tear gas", "National Guard", "curfew", "vigil", "march", "rally",
        "solidarity", "labor federation", "minimum wage", "transit workers", "bus drivers",
        "school closures", "lockout", "injunction", "Renee Good", "Operation Metro Surge",
        "federal judge", "restraining order", "Somali community", "Cedar-Riverside", "Bloomington",
        "Richfield", "Saint Paul", "MPD", "BCA", "NLRB", "strikers", "picketers",
    ]

    static let syllables = [
        "ka", "lo", "mi", "ren", "tu", "sa", "bel", "dor", "vi", "ne", "qua", "ris", "to", "pen",
        "gal", "mor", "ash", "eth", "ul", "yo", "chun", "grer", "bra", "sti", "mon", "lee", "par",
    ]

    let vocabulary: [String]
    /// Zipf table: 2^20 slots of vocabulary ranks.
    private let zipf: [UInt32]
    /// Topic words (ranks) and domain terms per topic.
    private let topicWords: [[Int]]
    private let topicDomain: [[Int]]
    private let topicZipf: [UInt16]
    static let feeds = (0..<200).map { "outlet \($0)" }
    static let tags = ["left", "labor", "local", "national", "immigration", "courts", "world", "wire"]

    init(seed: UInt64) {
        var words = Self.common
        var seen = Set(words)
        var r = SplitMix(seed: seed ^ 0xABCD)
        while words.count < 20_000 {
            let n = 2 + r.below(2 + min(3, words.count / 4_000))
            let word = (0..<n).map { _ in r.pick(Self.syllables) }.joined()
            if seen.insert(word).inserted { words.append(word) }
        }
        vocabulary = words
        zipf = Self.zipfTable(count: words.count, exponent: 1.0, slots: 1 << 20)
        var topics: [[Int]] = []
        var domains: [[Int]] = []
        for topic in 0..<500 {
            topics.append((0..<40).map { _ in 200 + r.below(words.count - 200) })
            if topic < 200 {
                domains.append((0..<(4 + r.below(7))).map { _ in r.below(Self.domain.count) })
            } else {
                domains.append([])
            }
        }
        topicWords = topics
        topicDomain = domains
        topicZipf = Self.zipfTable(count: 500, exponent: 0.8, slots: 1 << 16).map { UInt16($0) }
    }

    static func zipfTable(count: Int, exponent: Double, slots: Int) -> [UInt32] {
        var weights = (1...count).map { 1.0 / pow($0, exponent) }
        let total = weights.reduce(0, +)
        for i in weights.indices { weights[i] /= total }
        var table = [UInt32](repeating: 0, count: slots)
        var cumulative = 0.0
        var word = 0
        for slot in table.indices {
            let point = (Double(slot) + 0.5) / Double(slots)
            while word < count - 1 && cumulative + weights[word] < point {
                cumulative += weights[word]
                word += 1
            }
            table[slot] = UInt32(word)
        }
        return table
    }

    static func pow(_ x: Int, _ e: Double) -> Double {
        e == 1.0 ? Double(x) : exp(Double(x).logarithm * e)
    }

    func zipfWord(_ rng: inout SplitMix) -> String {
        vocabulary[Int(zipf[Int(rng.next() & 0xFFFFF)])]
    }

    /// A rank drawn like text words, but at least `minimum`.
    func zipfRank(_ rng: inout SplitMix, minimum: Int) -> Int {
        while true {
            let rank = Int(zipf[Int(rng.next() & 0xFFFFF)])
            if rank >= minimum { return rank }
        }
    }

    /// Item `index`, from its own generator (seed, index).
    func item(_ index: Int, seed: UInt64) -> RuleDocument {
        var rng = SplitMix(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        _ = rng.next()
        let topic = Int(topicZipf[rng.below(topicZipf.count)])
        let words = topicWords[topic]
        let domain = topicDomain[topic]
        let stray = domain.isEmpty && rng.chance(30) ? rng.below(Self.domain.count) : -1
        var out: [UInt8] = []

        func appendWord(capitalized: Bool) {
            let roll = rng.below(1000)
            var text: String
            if roll < 100 {
                text = vocabulary[rng.pick(words)]
            } else if roll < 125, !domain.isEmpty {
                text = Self.domain[rng.pick(domain)]
            } else if roll < 128, stray >= 0 {
                text = Self.domain[stray]
            } else {
                text = zipfWord(&rng)
            }
            if capitalized || rng.below(50) == 0 {
                let bytes = Array(text.utf8)
                if let first = bytes.first, first >= 0x61, first <= 0x7A {
                    out.append(first - 0x20)
                    out.append(contentsOf: bytes.dropFirst())
                    return
                }
            }
            out.append(contentsOf: text.utf8)
            if rng.below(200) == 0 { out.append(contentsOf: "’s".utf8) }
        }

        func sentence() {
            let length = 8 + rng.below(17)
            for position in 0..<length {
                if position > 0 {
                    if rng.below(12) == 0 { out.append(UInt8(ascii: ",")) }
                    out.append(UInt8(ascii: " "))
                    if rng.below(40) == 0 {
                        out.append(contentsOf: String(rng.below(2_000)).utf8)
                        out.append(UInt8(ascii: " "))
                    }
                }
                appendWord(capitalized: position == 0)
            }
            out.append(contentsOf: (rng.below(20) == 0 ? "?" : ".").utf8)
        }

        let titleLength = 6 + rng.below(9)
        for position in 0..<titleLength {
            if position > 0 { out.append(UInt8(ascii: " ")) }
            appendWord(capitalized: position == 0 || rng.chance(30))
        }
        let title = String(decoding: out, as: UTF8.self)
        out.removeAll(keepingCapacity: true)
        for i in 0..<(1 + rng.below(2)) {
            if i > 0 { out.append(UInt8(ascii: " ")) }
            sentence()
        }
        let summary = String(decoding: out, as: UTF8.self)
        let target = 2_000 + rng.below(8_001) - title.utf8.count - summary.utf8.count
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(target + 200)
        while out.count < target {
            if !out.isEmpty { out.append(contentsOf: rng.below(6) == 0 ? "\n\n".utf8 : " ".utf8) }
            sentence()
        }
        let content = String(decoding: out, as: UTF8.self)
        let feed = rng.below(Self.feeds.count)
        var tags: [String] = []
        if feed % 3 == 0 { tags.append(Self.tags[feed % Self.tags.count]) }
        if feed % 7 == 0 { tags.append(Self.tags[(feed / 7) % Self.tags.count]) }
        return RuleDocument(
            title: title, summary: summary, content: content, author: "Staff Writer",
            feed: Self.feeds[feed], link: "https://outlet\(feed).example.org/\(index)",
            language: "en", tags: tags)
    }
}

extension Double {
    var logarithm: Double { log(self) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
