import ArgumentParser
import Foundation
import WirewatchArchive
import WirewatchCore
import WirewatchNotify

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one archived item with its revisions and its story."
    )

    @OptionGroup var configOption: ConfigOption

    @Argument(help: "The item's id (as `search` and `tail --json` print it).")
    var id: Int64

    @Flag(help: "One JSON object.")
    var json = false

    func run() throws {
        let config = try configOption.load()
        let archive = try Archive(existingAt: config.archivePath)
        guard let detail = try archive.item(id: id) else {
            throw ValidationError("no item \(id) in \(config.archivePath)")
        }
        if json {
            var object = ItemJSON.object(detail.item)
            object["text"] = detail.item.text
            object["revisions"] = detail.revisions.map {
                ["revision": $0.revision, "title": $0.title, "text": $0.text, "seen_until": ISO8601.string($0.seenUntil)] as [String: Any]
            }
            object["story_items"] = detail.storyItems.map(ItemJSON.object)
            Terminal.print(ItemJSON.line(object))
            return
        }
        let clean = TerminalText.sanitize
        let item = detail.item
        Terminal.print(clean(item.title))
        Terminal.print("item \(item.id) · \(clean(item.feed)) · \(ISO8601.string(item.date))" + (item.author.map { " · " + clean($0) } ?? ""))
        if let link = item.link { Terminal.print(clean(link)) }
        if !item.tags.isEmpty { Terminal.print("tags: " + clean(item.tags.joined(separator: ", "))) }
        if !item.categories.isEmpty { Terminal.print("categories: " + clean(item.categories.joined(separator: ", "))) }
        Terminal.print("")
        Terminal.print(clean(item.text))
        if !detail.revisions.isEmpty {
            Terminal.print("")
            Terminal.print("revisions (current is \(item.revision)):")
            for revision in detail.revisions {
                Terminal.print("  \(revision.revision), until \(ISO8601.string(revision.seenUntil)): \(clean(revision.title))")
            }
        }
        if let story = detail.story {
            Terminal.print("")
            Terminal.print("story \(story.id): \(story.itemCount) items from \(story.feedCount) feeds — \(StoryLine.sources(story))")
            for other in detail.storyItems {
                Terminal.print("  \(other.id)  \(ISO8601.string(other.firstSeen))  \(clean(other.feed))  \(clean(other.title))")
            }
        }
    }
}
