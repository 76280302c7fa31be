import Foundation
import WirewatchCore
import WirewatchParse

/// `--dump OUT`: a digest of everything the parse produces for each corpus
/// file, one line per feed, item and feedparser result, through every entry
/// point (collecting, streaming, with and without an HTTP context). A speed
/// change must leave it byte for byte the same: diff a dump made before the
/// change with one made after (a line names the file and item that differ).
enum ModelDump {
    static func write(files: [[UInt8]], names: [String], to path: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var out = ""
        func line(_ tag: String, _ bytes: some Sequence<UInt8>) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a
            var count = 0
            for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3; count += 1 }
            out += "\(tag)\t\(String(hash, radix: 16))\t\(count)\n"
        }
        let contexts = [
            ParseContext(),
            ParseContext(url: "http://example.org/feeds/a.xml", headers: ["Content-Type": "application/xml"]),
        ]
        var keep = ParseOptions()
        keep.buildsFeedparserResult = true
        for (name, file) in zip(names, files) {
            for (c, context) in contexts.enumerated() {
                let tag = "\(name)#\(c)"
                let feed = FeedParser().parse(file, context: context)
                line(tag + " feed", (try? encoder.encode(feed.feed)) ?? Data())
                line(tag + " meta", "\(feed.version) \(feed.encoding) \(feed.isMalformed) \(feed.problem ?? "-")".utf8)
                for (i, item) in feed.items.enumerated() { line(tag + " item \(i)", (try? encoder.encode(item)) ?? Data()) }
                var streamed = 0
                _ = FeedParser().parse(file, context: context) { item in
                    line(tag + " streamed \(streamed)", (try? encoder.encode(item)) ?? Data())
                    streamed += 1
                }
                line(tag + " result", FeedParser(options: keep).parse(file, context: context).feedparserJSON().utf8)
            }
        }
        _ = FileManager.default.createFile(atPath: path, contents: Data(out.utf8))
        print("wrote \(out.utf8.count) bytes to \(path)")
    }
}
