import ArgumentParser
import Foundation
import WirewatchCore
import WirewatchNotify
import WirewatchParse

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one feed file and print it (--json: the conformance JSON shape)."
    )

    @Argument(help: "The feed file ('-' for standard input).")
    var file: String

    @Flag(help: "Print feedparser-shaped JSON (see docs/parse-json.md).")
    var json = false

    @Option(help: "The URL the document was fetched from ('' for none): base for relative links.")
    var url: String?

    @Option(help: ArgumentHelp("A JSON object of HTTP response headers the document came with.", valueName: "file"))
    var headers: String?

    func run() throws {
        guard let data = Self.readAll(file) else {
            throw ValidationError("cannot read \(file)")
        }
        let context = ParseContext(url: url.flatMap { $0.isEmpty ? nil : $0 }, headers: try loadHeaders())
        var options = ParseOptions()
        // One pass that keeps the feedparser-shaped result, instead of a second parse for the JSON.
        options.buildsFeedparserResult = json
        let parsed = FeedParser(options: options).parse([UInt8](data), context: context)
        if json {
            Terminal.print(parsed.feedparserJSON())
            return
        }
        printHuman(parsed)
    }

    func loadHeaders() throws -> [String: String] {
        guard let headers, !headers.isEmpty else { return [:] }
        guard let data = Self.readAll(headers) else {
            throw ValidationError("cannot read headers file \(headers)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("\(headers): not a JSON object of headers")
        }
        var result: [String: String] = [:]
        for (name, value) in object { result[name] = "\(value)" }
        return result
    }

    /// The bytes of a file, of a pipe (`<(curl …)`, `/dev/stdin`) or, for `-`, of
    /// standard input: `curl -s URL | wirewatch parse -`.
    static func readAll(_ path: String) -> Data? {
        guard let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path) else { return nil }
        guard let data = try? handle.readToEnd() else { return nil }
        return data ?? Data()
    }

    func printHuman(_ parsed: ParsedFeed) {
        let clean = TerminalText.sanitize
        Terminal.print("\(clean(parsed.feed.title ?? "(untitled feed)"))  [\(parsed.version.isEmpty ? "unknown format" : parsed.version), \(parsed.encoding)]")
        if let link = parsed.feed.link { Terminal.print(clean(link)) }
        if parsed.isMalformed { Terminal.print("malformed: \(clean(parsed.problem ?? "not well-formed"))") }
        Terminal.print("\(parsed.items.count) items")
        for item in parsed.items {
            Terminal.print("")
            Terminal.print("- \(clean(item.title.isEmpty ? "(untitled)" : item.title))")
            if let date = item.published ?? item.updated { Terminal.print("  date: \(ISO8601.string(date))") }
            if let link = item.link { Terminal.print("  link: \(clean(link))") }
            if let guid = item.guid { Terminal.print("  id: \(clean(guid))") }
            if let author = item.author { Terminal.print("  author: \(clean(author))") }
            if !item.categories.isEmpty { Terminal.print("  categories: \(clean(item.categories.joined(separator: ", ")))") }
            for enclosure in item.enclosures { Terminal.print("  enclosure: \(clean(enclosure.url)) \(enclosure.type ?? "")") }
            let text = item.bodyText
            if !text.isEmpty { Terminal.print("  " + clean(text.count > 200 ? String(text.prefix(200)) + "…" : text)) }
        }
    }
}
