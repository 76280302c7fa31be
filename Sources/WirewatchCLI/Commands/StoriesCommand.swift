import ArgumentParser
import Foundation
import WirewatchArchive
import WirewatchCore
import WirewatchNotify

struct StoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "List stories newest first, with the outlets that carried them."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(help: "Stories seen since: a duration back (1d, 12h) or a date.")
    var since: TimeSpec?

    @Option(help: "Only stories with an item carrying this tag.")
    var tag: String?

    @Option(name: .short, help: "How many stories.")
    var n = 30

    @Flag(help: "One JSON object per line.")
    var json = false

    func run() throws {
        let config = try configOption.load()
        let archive = try Archive(existingAt: config.archivePath)
        let coverage = StoryCoverage(config: config)
        for story in try archive.stories(since: since?.date, tag: tag, limit: n) {
            let counts = coverage.counts(story)
            if json {
                let object: [String: Any] = [
                    "id": story.id, "title": story.title, "first_seen": ISO8601.string(story.firstSeen),
                    "last_seen": ISO8601.string(story.lastSeen), "items": story.itemCount, "feeds": story.feedCount,
                    "sources": story.sources.map {
                        ["feed": $0.feed, "first_seen": ISO8601.string($0.firstSeen), "count": $0.count] as [String: Any]
                    },
                    "coverage": Dictionary(counts.map { ($0.tag, $0.feeds) }, uniquingKeysWith: { first, _ in first }),
                ]
                Terminal.print(ItemJSON.line(object))
            } else {
                Terminal.print("\(story.id)  \(ISO8601.string(story.lastSeen))  \(TerminalText.sanitize(story.title))")
                Terminal.print("    \(story.itemCount) items, \(story.feedCount) feeds: \(StoryLine.sources(story))")
                if !counts.isEmpty { Terminal.print("    coverage: " + StoryCoverage.line(counts)) }
            }
        }
    }
}

enum StoryLine {
    /// "wsws (first, 06:12Z), startribune ×2 (07:30Z)"
    static func sources(_ story: StorySummary) -> String {
        story.sources.map { source in
            let time = ISO8601.string(source.firstSeen)
            let count = source.count > 1 ? " ×\(source.count)" : ""
            return TerminalText.sanitize(source.feed) + count + " (" + time + ")"
        }.joined(separator: ", ")
    }
}
