// Rules benchmark (issue 5): compile 1,000 and 10,000 rules of realistic shape and
// run `RuleSet.matches` (whole rules, not only their literals) over 100,000 synthetic
// news items of 2–10 KB. Single-threaded, like the anchors it is compared with
// (`../shared/research/archive-rules-anchors.md` §2: pyahocorasick 56 MB/s with
// 1,000 terms and 27.5 MB/s with 10,000; target ≥ 2× that).
//
//   swift run -c release wirewatch-bench-rules [--items 100000] [--rules 1000,10000]
//       [--no-literal] [--repeat 1] [--regex-percent 3]
//
// The items are generated once, in memory, before anything is timed. "literal
// baseline" is the anchor's workload: one single-term rule per term (domain terms,
// phrases that occur in text, words of vocabulary ranks 300–20,000), so that every
// rule is a bare literal and `matches` returns the set of terms found.
//
// Both wall and thread CPU time are printed: the machine is shared, and CPU time is the
// steadier figure. The checksum (over item index and matched rule names) lets two
// engines be compared on the same rules and items. Results of 2026-11-21 are in
// docs/queries.md, "How matching works".
import Foundation
import WirewatchRules

var itemCount = 100_000
var sizes = [1_000, 10_000]
var literal = true
var repeats = 1
var regexPercent = 3
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--items": itemCount = Int(arguments.next() ?? "") ?? itemCount
    case "--rules": sizes = (arguments.next() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--no-literal": literal = false
    case "--regex-percent": regexPercent = Int(arguments.next() ?? "") ?? regexPercent
    case "--repeat": repeats = max(1, Int(arguments.next() ?? "") ?? 1)
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

let seed: UInt64 = 20_261_121
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
func fmt(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
/// CPU time of this thread: the machine is shared, so wall time alone overstates the cost
/// when other processes compete for the cores.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

let generationStart = ContinuousClock.now
let corpus = Corpus(seed: seed)
var items: [RuleDocument] = []
items.reserveCapacity(itemCount)
var textBytes = 0
for index in 0..<itemCount {
    let item = corpus.item(index, seed: seed)
    textBytes += item.title.utf8.count + item.summary.utf8.count + item.content.utf8.count
    items.append(item)
}
let megabytes = Double(textBytes) / 1e6
print("rules benchmark: \(itemCount) items, \(fmt(megabytes)) MB of title+summary+content "
    + "(\(textBytes / max(1, itemCount)) B/item), generated in \(fmt(seconds(ContinuousClock.now - generationStart), 1)) s (not timed)")

/// Runs `matches` over every item; returns (wall seconds, CPU seconds, total matches,
/// items with a match, checksum).
@MainActor func run(_ set: RuleSet) -> (Double, Double, Int, Int, UInt64) {
    var total = 0
    var matchedItems = 0
    var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
    let start = ContinuousClock.now
    let cpuStart = threadCPUSeconds()
    for (index, item) in items.enumerated() {
        let names = set.matches(item)
        total += names.count
        if !names.isEmpty { matchedItems += 1 }
        for name in names {
            checksum = (checksum ^ UInt64(index)) &* 0x100_0000_01b3
            for byte in name.utf8 { checksum = (checksum ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
    }
    let cpu = threadCPUSeconds() - cpuStart
    return (seconds(ContinuousClock.now - start), cpu, total, matchedItems, checksum)
}

@MainActor func measure(_ label: String, _ sources: [String]) {
    let compileStart = ContinuousClock.now
    var rules: [RuleSet.Rule] = []
    rules.reserveCapacity(sources.count)
    for (index, source) in sources.enumerated() {
        do {
            rules.append(.init(name: "r\(index)", query: try Query(source)))
        } catch {
            print("  rule \(index) does not compile: \(error): \(source)")
        }
    }
    let parsed = ContinuousClock.now
    let set = RuleSet(rules)
    let compiled = ContinuousClock.now
    let parse = seconds(parsed - compileStart), build = seconds(compiled - parsed)
    print("\(label): \(rules.count) rules compiled in \(fmt((parse + build) * 1000, 0)) ms "
        + "(queries \(fmt(parse * 1000, 0)) ms, rule set \(fmt(build * 1000, 0)) ms)")
    for attempt in 1...repeats {
        let (elapsed, cpu, total, matchedItems, checksum) = run(set)
        print("  run \(attempt): \(fmt(elapsed, 2)) s  \(fmt(megabytes / elapsed)) MB/s  "
            + "\(fmt(Double(itemCount) / elapsed, 0)) items/s  (CPU \(fmt(cpu, 2)) s: "
            + "\(fmt(megabytes / cpu)) MB/s, \(fmt(Double(itemCount) / cpu, 0)) items/s)  \(total) matches "
            + "(\(fmt(Double(total) / Double(max(1, itemCount)), 2))/item, \(matchedItems) items matched)  "
            + "checksum \(String(checksum, radix: 16))")
    }
}

for size in sizes {
    var generator = RuleGenerator(corpus: corpus, seed: seed ^ UInt64(size))
    generator.regexPercent = regexPercent
    let sources = (0..<size).map { _ in generator.rule() }
    if size == sizes.first {
        print("sample rules:")
        for source in sources.prefix(8) { print("  \(source)") }
    }
    measure("\(size) rules", sources)
    if literal {
        // The anchor's term mix: domain terms, then a third phrases, the rest words.
        var terms = Corpus.domain.map { $0.contains(" ") || $0.contains(".") || $0.contains("-") ? "\"\($0)\"" : $0 }
        var seen = Set(terms)
        var rng = SplitMix(seed: seed ^ 0x7E57 ^ UInt64(size))
        while terms.count < size {
            let term = rng.chance(33)
                ? "\"\(rng.pick(generator.phrases))\""
                : corpus.vocabulary[300 + rng.below(corpus.vocabulary.count - 300)]
            if seen.insert(term).inserted { terms.append(term) }
        }
        measure("\(size) literal terms (baseline)", terms)
    }
}
