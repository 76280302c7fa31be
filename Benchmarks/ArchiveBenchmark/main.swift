// Archive benchmark (issue 4): ingest synthetic news into an empty archive with
// identity, stories and full-text indexing; then typical searches; then the same
// items through a naive plain FTS5 insert for comparison.
//
//   swift run -c release wirewatch-bench-archive [--items 1000000] [--dir DIR] [--skip-naive] [--pipelined]
//     (--pipelined: items are built and prepared on a second thread beside the writer, as the
//     daemon's poll tasks do; the default runs everything on one thread)
//   wirewatch-bench-archive --search-only DIR [--rounds 5] [--filter] [--skip-rank-all] [--dump FILE]
//     (searches an archive built earlier with --dir DIR; --filter adds each query's exact check, as the CLI does)
import Foundation
import WirewatchArchive
import WirewatchCore
import WirewatchDedup
import GRDB

/// Lines appear as they are measured, also when stdout is a file.
func print(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

var items = 1_000_000
var directory: String?
var skipNaive = false
var groupCommit = 50
var skipSearch = false
var searchOnly: String?
var searchRounds = 5
var dumpPath: String?
var exactFilters = false
var skipRankAll = false
var pipelined = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--items": items = Int(arguments.next() ?? "") ?? items
    case "--dir": directory = arguments.next()
    case "--skip-naive": skipNaive = true
    case "--skip-search": skipSearch = true
    case "--group": groupCommit = Int(arguments.next() ?? "") ?? groupCommit
    case "--search-only": searchOnly = arguments.next()
    case "--rounds": searchRounds = Int(arguments.next() ?? "") ?? searchRounds
    case "--dump": dumpPath = arguments.next()
    case "--filter": exactFilters = true
    case "--skip-rank-all": skipRankAll = true
    case "--pipelined": pipelined = true
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(2)
    }
}
if let searchOnly {
    // An archive built earlier (--dir): no ingest, only the searches, timed per query.
    let path = searchOnly + "/archive.sqlite"
    let reader = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
    let newest = try reader.read { try Double.fetchOne($0, sql: "SELECT max(first_seen_at) FROM item") } ?? Date().timeIntervalSince1970
    let count = try reader.read { try Int.fetchOne($0, sql: "SELECT max(id) FROM item") } ?? 0
    try reader.close()
    print("search only: \(path), \(count) items, newest \(Date(timeIntervalSince1970: newest)), \(searchRounds) timed rounds per query")
    try runSearches(archive: Archive(existingAt: path), end: Date(timeIntervalSince1970: newest), perQuery: true, rounds: searchRounds, dump: dumpPath, filters: exactFilters, rankAll: !skipRankAll)
    print("peak RSS: \(Measure.format(Measure.peakRSSMiB())) MiB")
    exit(0)
}
let folder = directory ?? FileManager.default.temporaryDirectory.path + "/wirewatch-bench-\(getpid())"
try? FileManager.default.removeItem(atPath: folder)
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
let seed: UInt64 = 20_261_121
let feedCount = 5_000
let batchSize = 20
let end = Date()
let start = end.addingTimeInterval(-Double(items) * 60)
func feedOfBatch(_ index: Int) -> Int { PollSource.feed(ofPoll: index, feedCount: feedCount) }
print("archive benchmark: \(items) items, \(feedCount) feeds, polls of \(batchSize) items, \(groupCommit) polls per commit, folder \(folder)")

// MARK: ingest
let path = folder + "/archive.sqlite"
let archive = try Archive(path: path)
let feedIDs = try archive.registerFeeds((0..<feedCount).map { ("feed\($0)", "https://outlet\($0).example.org/rss") })
var generator = NewsGenerator(seed: seed, feeds: feedCount)
var ingestSeconds = 0.0
var intervalSeconds = 0.0
var lookupsFirst: [Double] = []
var lookupsLast: [Double] = []
var newItems = 0, updated = 0
var prepareSeconds = 0.0
var ingestCPU = 0.0
let cpuBefore = Measure.cpuSeconds()
var pending: [IngestBatch] = []
let pipeline = PollSource(seed: seed, feedCount: feedCount, batchSize: batchSize, items: items, start: start, feedIDs: feedIDs)
@MainActor func record(_ results: [IngestResult], produced: Int) {
    for result in results {
        newItems += result.newItems
        updated += result.updatedItems
        if produced <= 10_000 { lookupsFirst += result.storyLookupNanoseconds.map { Double($0) / 1e3 } }
        if produced > items - 10_000 { lookupsLast += result.storyLookupNanoseconds.map { Double($0) / 1e3 } }
    }
}
if pipelined {
    // As the daemon runs it: identity, signatures and the read of stored hashes
    // (`Archive.prepare`) in the poll tasks, beside the single writer.
    let figures = try PipelinedIngest.run(pipeline, archive: archive, groupCommit: groupCommit) { results, produced in
        record(results, produced: produced)
    }
    ingestSeconds = figures.elapsed
    ingestCPU = figures.writerCPU + figures.prepareCPU
    prepareSeconds = figures.prepareCPU
    print("  pipelined: \(Measure.format(figures.elapsed)) s from the first poll to the last commit; the writer \(Measure.format(figures.writerCPU)) s CPU in \(Measure.format(figures.writerSeconds)) s; beside it, items and Archive.prepare \(Measure.format(figures.prepareCPU)) s CPU")
} else {
    var source = pipeline
    while let poll = source.next() {
        let clock = ContinuousClock.now
        let cpuStart = Measure.cpuSeconds()
        let prepareStart = ContinuousClock.now
        pending += poll.batches()
        prepareSeconds += (ContinuousClock.now - prepareStart).seconds
        // Group commit: the polls that finish while one commit runs go in the next.
        if pending.count >= groupCommit || poll.produced == items {
            record(try archive.ingest(pending, at: poll.at), produced: poll.produced)
            pending.removeAll(keepingCapacity: true)
        }
        ingestCPU += Measure.cpuSeconds() - cpuStart
        let seconds = (ContinuousClock.now - clock).seconds
        ingestSeconds += seconds
        intervalSeconds += seconds
        if poll.produced % 100_000 == 0 {
            print("  \(poll.produced) items: \(Measure.format(100_000 / intervalSeconds, 0)) items/s in this interval")
            intervalSeconds = 0
        }
    }
}
let cpuIngest = ingestCPU  // the ingest alone, not the text generator
let storyCount = try archive.storyCount()
try archive.checkpoint()
let bytes = Measure.fileSize(path) + Measure.fileSize(path + "-wal")
print("ingest: \(items) items (\(newItems) new, \(updated) edits) in \(Measure.format(ingestSeconds)) s = \(Measure.format(Double(items) / ingestSeconds, 0)) items/s (CPU \(Measure.format(cpuIngest)) s = \(Measure.format(Double(items) / cpuIngest, 0)) items per CPU-second)")
print(pipelined
    ? "  of which beside the writer (IngestItem, Archive.prepare): \(Measure.format(prepareSeconds)) s CPU; items/s over the whole pipelined run"
    : "  of which identity + signatures (IngestItem, before the transaction): \(Measure.format(prepareSeconds)) s")
print("stories: \(storyCount) for \(newItems) items")
print("story lookup µs, first 10k items: p50 \(Measure.format(Measure.percentile(lookupsFirst, 0.5))) p99 \(Measure.format(Measure.percentile(lookupsFirst, 0.99)))")
print("story lookup µs, last 10k items:  p50 \(Measure.format(Measure.percentile(lookupsLast, 0.5))) p99 \(Measure.format(Measure.percentile(lookupsLast, 0.99)))")
print("archive: \(bytes) bytes = \(bytes / Int64(max(1, newItems))) bytes per item")
print("peak RSS after ingest: \(Measure.format(Measure.peakRSSMiB())) MiB")
// After the RSS line: counting the items reads every key.
let storyMemory = try archive.storyKeyMemory()
print("story-key filters: \(storyMemory.filterBytes) bytes for the \(storyMemory.items) items whose keys are in the tables = \(storyMemory.filterBytes / max(1, storyMemory.items)) bytes per item")

// MARK: searches
if !skipSearch {
    try runSearches(archive: archive, end: end, perQuery: false)
}

// MARK: naive plain FTS5 insert of the same items
if !skipNaive {
    let naive = try NaiveFTS(path: folder + "/naive.sqlite")
    var naiveCPU = 0.0
    var generator = NewsGenerator(seed: seed, feeds: feedCount)
    var produced = 0
    var batchIndex = 0
    var seconds = 0.0
    var rows: [NaiveFTS.Row] = []
    while produced < items {
        let batchFeed = feedOfBatch(batchIndex)
        batchIndex += 1
        for _ in 0..<min(batchSize, items - produced) {
            let generated = generator.next(published: start.addingTimeInterval(Double(produced) * 60), feed: batchFeed)
            rows.append(NaiveFTS.Row(feed: generated.feed, published: generated.item.published?.timeIntervalSince1970 ?? 0,
                                     url: generated.item.link ?? "", title: generated.item.title, text: generated.item.contentText))
            produced += 1
        }
        if rows.count >= 1_000 || produced == items {
            let cpu = Measure.cpuSeconds()
            seconds += try naive.insert(rows)
            naiveCPU += Measure.cpuSeconds() - cpu
            rows.removeAll(keepingCapacity: true)
        }
    }
    try naive.checkpoint()
    let naiveBytes = Measure.fileSize(folder + "/naive.sqlite") + Measure.fileSize(folder + "/naive.sqlite-wal")
    print("naive plain FTS5 insert (4 KB pages, default tokenizer, explicit FTS rows, 1,000 per transaction): \(Measure.format(Double(items) / seconds, 0)) items/s, \(naiveBytes / Int64(items)) bytes per item")
    print("naive insert CPU: \(Measure.format(naiveCPU)) s = \(Measure.format(Double(items) / naiveCPU, 0)) items per CPU-second")
    print("wirewatch ingest / naive insert: \(Measure.format((Double(items) / ingestSeconds) / (Double(items) / seconds), 2))x wall, \(Measure.format(naiveCPU / cpuIngest, 2))x CPU")
}
print("peak RSS: \(Measure.format(Measure.peakRSSMiB())) MiB")
if directory == nil { try? FileManager.default.removeItem(atPath: folder) }

/// What the CLI's compiled query checks on each candidate, for the benchmark's
/// conditions: words as the index splits them (lower case; ASCII letters and
/// digits, and any non-ASCII byte, make words), phrases as consecutive words in
/// one field. Bytes, not Characters: the check should cost what a rule engine's
/// does, not dominate the archive's own work.
enum ExactCheck {
    static func words(_ text: String) -> [ArraySlice<UInt8>] {
        let bytes = text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var out: [ArraySlice<UInt8>] = []
        var start: Int?
        for (index, byte) in bytes.enumerated() {
            let inWord = byte >= 0x80 || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
            if inWord, start == nil { start = index }
            if !inWord, let first = start { out.append(bytes[first..<index]); start = nil }
        }
        if let first = start { out.append(bytes[first...]) }
        return out
    }

    static func fields(_ item: ArchivedItem, _ field: TextCondition.IndexedField?) -> [[ArraySlice<UInt8>]] {
        switch field {
        case .title: [words(item.title)]
        case .text: [words(item.text)]
        case .author: [words(item.author ?? "")]
        case nil: [words(item.title), words(item.text), words(item.author ?? "")]
        }
    }

    static func holds(_ condition: TextCondition, _ item: ArchivedItem) -> Bool {
        switch condition {
        case .anything: true
        case .all(let parts): parts.allSatisfy { holds($0, item) }
        case .any(let parts): parts.contains { holds($0, item) }
        case .word(let word, let field): fields(item, field).contains { $0.contains { $0.elementsEqual(word.utf8) } }
        case .prefix(let prefix, let field): fields(item, field).contains { $0.contains { $0.starts(with: prefix.utf8) } }
        case .phrase(let phrase, let field):
            fields(item, field).contains { words in
                guard words.count >= phrase.count, !phrase.isEmpty else { return phrase.isEmpty }
                return (0...(words.count - phrase.count)).contains { start in
                    phrase.indices.allSatisfy { words[start + $0].elementsEqual(phrase[$0].utf8) }
                }
            }
        }
    }

    static func make(_ condition: TextCondition) -> @Sendable (ArchivedItem) -> Bool {
        { holds(condition, $0) }
    }

    static func not(_ condition: TextCondition, _ word: String) -> @Sendable (ArchivedItem) -> Bool {
        { holds(condition, $0) && !holds(.word(word, field: nil), $0) }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// The 20 typical searches: newest first over --since 30d, ranked over 30d, ranked all time.
/// `perQuery` also prints each query's hits and p50/p99.
/// `dump` writes every hit (id, score, snippet) to a file, to compare two builds' results.
/// `filters` gives each search the exact check the CLI would (`ExactCheck`):
/// phrases must be consecutive words, `raid NOT police` must not say police.
func runSearches(archive: Archive, end: Date, perQuery: Bool, rounds: Int = 5, dump: String? = nil, filters: Bool = false, rankAll: Bool = true) throws {
    var dumped = ""
    let searches: [(String, TextCondition)] = [
        ("minneapolis", .word("minneapolis", field: nil)),
        ("ice", .word("ice", field: nil)),
        ("strike", .word("strike", field: nil)),
        ("police", .word("police", field: nil)),
        ("rare word", .word("kalomi", field: nil)),
        ("\"general strike\"", .phrase(["union", "strike"], field: nil)),
        ("\"hennepin county\"", .phrase(["hennepin", "county"], field: nil)),
        ("ice AND deportation", .all([.word("ice", field: nil), .word("deportation", field: nil)])),
        ("minneapolis AND protest", .all([.word("minneapolis", field: nil), .word("protest", field: nil)])),
        ("protest OR rally OR march", .any([.word("protest", field: nil), .word("rally", field: nil), .word("march", field: nil)])),
        ("deport*", .prefix("deport", field: nil)),
        ("immigra*", .prefix("immigra", field: nil)),
        ("title:strike", .word("strike", field: .title)),
        ("title:(court OR judge)", .any([.word("court", field: .title), .word("judge", field: .title)])),
        ("nurses strike", .all([.word("nurses", field: nil), .word("strike", field: nil)])),
        ("union AND (wages OR contract)", .all([.word("union", field: nil), .any([.word("wages", field: nil), .word("contract", field: nil)])])),
        ("asylum court", .all([.word("asylum", field: nil), .word("court", field: nil)])),
        ("\"federal agents\"", .phrase(["federal", "agents"], field: nil)),
        ("transit OR teachers", .any([.word("transit", field: nil), .word("teachers", field: nil)])),
        ("raid NOT police (index: raid)", .word("raid", field: nil)),
    ]
    let since = end.addingTimeInterval(-30 * 86_400)
    func timeSearches(_ label: String, ranked: Bool, since: Date?) throws -> [Double] {
        var samples: [Double] = []
        if perQuery { print("\(label):") }
        for (name, condition) in searches {
            var request = SearchRequest(condition: condition)
            request.ranked = ranked
            request.since = since
            request.limit = 20
            if filters {
                request.filter = name.hasPrefix("raid NOT police") ? ExactCheck.not(condition, "police") : ExactCheck.make(condition)
            }
            let results = try archive.search(request)
            let hits = results.count
            if dump != nil {
                dumped += "\(label) | \(name)\n"
                for hit in results {
                    dumped += "  \(hit.item.id) \(hit.score.map { String(format: "%.6f", $0) } ?? "nil") \(hit.item.title) | \(hit.snippet)\n"
                }
            }
            var mine: [Double] = []
            for _ in 0..<rounds {
                let clock = ContinuousClock.now
                _ = try archive.search(request)
                let elapsed = ContinuousClock.now - clock
                mine.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
            }
            if perQuery {
                let padded = name.padding(toLength: 34, withPad: " ", startingAt: 0)
                print("  \(padded) hits \(hits)  p50 \(Measure.format(Measure.percentile(mine, 0.5), 2))  p99 \(Measure.format(Measure.percentile(mine, 0.99), 2)) ms")
            }
            samples += mine
        }
        return samples
    }
    if filters { print("with each query's exact check (--filter)") }
    let newest = try timeSearches("newest first, --since 30d", ranked: false, since: since)
    let rankedWindow = try timeSearches("--rank, --since 30d", ranked: true, since: since)
    let rankedAll = rankAll ? try timeSearches("--rank, all time", ranked: true, since: nil) : []
    if let dump { try dumped.write(toFile: dump, atomically: true, encoding: .utf8) }
    print("search ms, 20 typical, newest first, --since 30d: p50 \(Measure.format(Measure.percentile(newest, 0.5), 2)) p99 \(Measure.format(Measure.percentile(newest, 0.99), 2))")
    print("search ms, 20 typical, --rank, --since 30d:     p50 \(Measure.format(Measure.percentile(rankedWindow, 0.5), 2)) p99 \(Measure.format(Measure.percentile(rankedWindow, 0.99), 2))")
    if rankAll { print("search ms, 20 typical, --rank, all time:        p50 \(Measure.format(Measure.percentile(rankedAll, 0.5), 2)) p99 \(Measure.format(Measure.percentile(rankedAll, 0.99), 2))") }
}
