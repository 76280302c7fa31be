// Parse benchmark (issue 3): the full parse into Wirewatch's model (plain text
// included) against the libxml2 SAX2 floor (counting callbacks, C) on the same
// bytes, over the corpus of ../shared/bench-corpus/make_corpus.py.
//
//   python3 ../shared/bench-corpus/make_corpus.py --out /tmp/wirewatch-corpus
//   swift run -c release wirewatch-bench-parse /tmp/wirewatch-corpus [--rounds 5]
//   swift run -c release wirewatch-bench-parse --big 20      # peak memory parsing one 20 MB feed
//   swift run -c release wirewatch-bench-parse CORPUS_DIR --dump OUT   # the model of every file, to diff
import CSAXFloor
import Foundation
import WirewatchParse

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...index + 1) }
    return arguments[index + 1]
}
let rounds = Int(option("--rounds", in: &arguments) ?? "") ?? 5
// `--only parse` or `--only floor`: one side alone, for a profiler.
let only = option("--only", in: &arguments)
if let index = arguments.firstIndex(of: "--big-one"), index + 2 < arguments.count, let megabytes = Int(arguments[index + 1]) {
    BigFeed.measureOne(megabytes: megabytes, mode: arguments[index + 2])
    exit(0)
}
if let megabytes = option("--big", in: &arguments).flatMap(Int.init) {
    BigFeed.measure(megabytes: megabytes)
    exit(0)
}
guard let folder = arguments.first else {
    print("usage: wirewatch-bench-parse CORPUS_DIR [--rounds N] | --big MB")
    exit(2)
}
let names = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".xml") }.sorted()
let files: [[UInt8]] = names.map { [UInt8](FileManager.default.contents(atPath: folder + "/" + $0) ?? Data()) }
let bytes = files.reduce(0) { $0 + $1.count }
print("corpus: \(files.count) files, \(bytes) bytes (\(String(format: "%.1f", Double(bytes) / 1e6)) MB)")

if let out = option("--dump", in: &arguments) {
    ModelDump.write(files: files, names: names, to: out)
    exit(0)
}

let parser = FeedParser()
var parseTimes: [Double] = []
var floorTimes: [Double] = []
var items = 0
var elements = 0
for round in 0..<rounds {
    // Interleaved, so both see the same machine.
    let floorStart = Clock.cpuSeconds()
    var counted = 0
    for file in files where only != "parse" {
        counted += file.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                sax_floor_parse($0, buffer.count)
            }
        }
    }
    floorTimes.append(Clock.cpuSeconds() - floorStart)
    let parseStart = Clock.cpuSeconds()
    var found = 0
    var textBytes = 0
    for file in files where only != "floor" {
        let feed = parser.parse(file, context: ParseContext())
        found += feed.items.count
        for item in feed.items { textBytes += item.contentText.utf8.count + item.summaryText.utf8.count }
    }
    parseTimes.append(Clock.cpuSeconds() - parseStart)
    if round == 0 {
        items = found
        elements = counted
        print("items: \(found); plain text: \(textBytes) bytes; SAX elements: \(counted)")
    }
}
let parse = parseTimes.sorted()[parseTimes.count / 2]
let floor = floorTimes.sorted()[floorTimes.count / 2]
let mb = Double(bytes) / 1e6
print(String(format: "full parse into the model:  %.1f MB/s, %.0f items/s (median CPU %.3f s of %d rounds)", mb / parse, Double(items) / parse, parse, rounds))
print(String(format: "libxml2 SAX2 floor (C):     %.1f MB/s (median CPU %.3f s)", mb / floor, floor))
print(String(format: "full parse / floor:         %.0f%%", 100 * floor / parse))
print(String(format: "peak RSS: %.1f MiB", Clock.peakRSSMiB()))
