import ArgumentParser
import Foundation
import WirewatchArchive
import WirewatchCore
import WirewatchNotify
import WirewatchRules

/// `wirewatch rules test|explain`: tune a rule against the archive before putting it in the config.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Tune rules against the archive.",
        subcommands: [Test.self, Explain.self]
    )

    static func compile(_ source: String) throws -> Query {
        do {
            return try Query(source)
        } catch {
            Terminal.printError("query: \(error.description)")
            Terminal.printError(error.caretDiagram)
            throw ExitCode.validationFailure
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List archived items the query matches, newest first, matched terms highlighted."
        )

        @OptionGroup var configOption: ConfigOption

        @Argument(help: "A query, as in a rule's `match`.")
        var query: String

        @Option(help: "Only items published since: a duration back (30d) or a date.")
        var since: TimeSpec?

        @Option(name: .short, help: "How many items.")
        var n = 20

        @Option(help: "Colour: auto, always or never.")
        var color: ColorChoice = .auto

        func run() throws {
            let compiled = try RulesCommand.compile(query)
            let config = try configOption.load()
            let archive = try Archive(existingAt: config.archivePath)
            var request = SearchRequest(condition: compiled.textCondition)
            request.since = since?.date
            request.limit = n
            if compiled.readsStory {
                // Story fields read the item's story as it stands in the archive now.
                let coverage = StoryCoverage(config: config)
                request.includesStoryFeeds = true
                request.filter = { compiled.matches(coverage.document($0, storyFeeds: $0.storyFeeds)) }
            } else {
                request.filter = { compiled.matches($0.ruleDocument) }
            }
            let hits = try archive.search(request)
            let useColor = color.enabled
            for hit in hits {
                let item = hit.item
                let title = Highlighter.mark(item.title, compiled.matchedRanges(in: item.title, field: .title), color: useColor)
                Terminal.print("\(item.id)  \(ISO8601.string(item.date))  \(TerminalText.sanitize(item.feed))  \(title)")
                let ranges = compiled.matchedRanges(in: item.text, field: .content)
                if let excerpt = Highlighter.excerpt(item.text, around: ranges, color: useColor) {
                    Terminal.print("    " + excerpt)
                }
            }
            Terminal.printError("\(hits.count) matching item\(hits.count == 1 ? "" : "s")\(hits.count == n ? " (more with -n)" : "")")
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show why a query does or does not match an archived item.")

        @OptionGroup var configOption: ConfigOption

        @Argument(help: "A query, as in a rule's `match`.")
        var query: String

        @Argument(help: "The item's id (as `search`, `show` and `rules test` print it).")
        var item: Int64

        func run() throws {
            let compiled = try RulesCommand.compile(query)
            let config = try configOption.load()
            let archive = try Archive(existingAt: config.archivePath)
            guard let detail = try archive.item(id: item) else {
                throw ValidationError("no item \(item) in \(config.archivePath)")
            }
            let storyFeeds = detail.story?.sources.map(\.feed) ?? [detail.item.feed]
            let explanation = compiled.explain(StoryCoverage(config: config).document(detail.item, storyFeeds: storyFeeds))
            Terminal.print("\(explanation.matched ? "MATCHES" : "does not match"): item \(item) — \(TerminalText.sanitize(detail.item.title))")
            for line in explanation.lines { Terminal.print("  " + TerminalText.sanitize(line)) }
            if !explanation.matched { throw ExitCode(1) }
        }
    }
}

/// Marks matched ranges of feed text for the terminal.
enum Highlighter {
    static func mark(_ text: String, _ ranges: [Range<String.Index>], color: Bool) -> String {
        let start = color ? "\u{1B}[1;33m" : "["
        let end = color ? "\u{1B}[0m" : "]"
        var out = ""
        var cursor = text.startIndex
        for range in ranges where range.lowerBound >= cursor {
            out += TerminalText.sanitize(String(text[cursor..<range.lowerBound]))
            out += start + TerminalText.sanitize(String(text[range])) + end
            cursor = range.upperBound
        }
        return out + TerminalText.sanitize(String(text[cursor...]))
    }

    /// About 160 characters around the first match.
    static func excerpt(_ text: String, around ranges: [Range<String.Index>], color: Bool) -> String? {
        guard let first = ranges.first else { return nil }
        let lower = text.index(first.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
        let upper = text.index(first.upperBound, offsetBy: 100, limitedBy: text.endIndex) ?? text.endIndex
        let inside = ranges.filter { $0.lowerBound >= lower && $0.upperBound <= upper }
        let window = String(text[lower..<upper])
        let shifted = inside.map { range -> Range<String.Index> in
            let l = window.index(window.startIndex, offsetBy: text.distance(from: lower, to: range.lowerBound))
            let u = window.index(l, offsetBy: text.distance(from: range.lowerBound, to: range.upperBound))
            return l..<u
        }
        return (lower > text.startIndex ? "…" : "") + mark(window, shifted, color: color) + (upper < text.endIndex ? "…" : "")
    }
}
