import ArgumentParser
import Foundation
import WirewatchArchive
import WirewatchCore
import WirewatchNotify
import WirewatchRules

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive with the query language of rules (newest first; --rank for relevance)."
    )

    @OptionGroup var configOption: ConfigOption

    @Argument(help: "A query, as in a rule's `match`: 'ICE AND title:Minneapolis'.")
    var query: String

    @Option(help: "Only items of this feed (repeatable).")
    var feed: [String] = []

    @Option(help: "Only items with this tag (repeatable).")
    var tag: [String] = []

    @Option(help: "Only items published since: a duration back (7d, 12h) or a date (2026-11-01).")
    var since: TimeSpec?

    @Option(help: "Only items published until this date (or duration back).")
    var until: TimeSpec?

    @Flag(help: "Most relevant first (BM25) instead of newest first.")
    var rank = false

    @Option(name: .short, help: "How many results.")
    var n = 20

    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        let compiled: Query
        do {
            compiled = try Query(query)
        } catch {
            Terminal.printError("query: \(error.description)")
            Terminal.printError(error.caretDiagram)
            throw ExitCode.validationFailure
        }
        let config = try configOption.load()
        let archive = try Archive(existingAt: config.archivePath)
        var request = SearchRequest(condition: compiled.textCondition)
        request.feeds = feed
        request.tags = tag
        request.since = since?.date
        request.until = until?.date
        request.ranked = rank
        request.limit = n
        request.filter = { compiled.matches($0.ruleDocument) }
        let hits = try archive.search(request)
        for hit in hits {
            if json {
                Terminal.print(ItemJSON.line(hit.item, extra: ["snippet": Highlight.html(hit.snippet)]))
            } else {
                let item = hit.item
                let clean = TerminalText.sanitize
                Terminal.print("\(item.id)  \(ISO8601.string(item.date))  \(clean(item.feed))  \(clean(item.title))")
                if let link = item.link { Terminal.print("    \(clean(link))") }
                Terminal.print("    " + Highlight.render(hit.snippet))
            }
        }
        if hits.isEmpty && !json { Terminal.printError("no match") }
    }
}

extension ArchivedItem {
    /// What rules read of an archived item (its body stands for summary and content).
    var ruleDocument: RuleDocument {
        RuleDocument(
            title: title, summary: text, content: text, author: author ?? "", feed: feed,
            link: link ?? "", language: language ?? "", tags: tags, categories: categories
        )
    }
}
