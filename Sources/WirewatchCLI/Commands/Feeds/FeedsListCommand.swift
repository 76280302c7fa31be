import ArgumentParser
import Foundation
import WirewatchConfig

struct FeedsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the config's feeds: name, url, tags, interval, enabled."
    )

    @OptionGroup var configOption: ConfigOption

    @Flag(help: "One JSON array of objects with name, url, tags, interval (null: the [poll] default), interval_seconds, enabled.")
    var json = false

    func run() throws {
        let config = try configOption.load()
        if json {
            let objects: [[String: Any]] = config.feeds.map { feed in
                let interval = feed.interval ?? config.poll.interval
                return [
                    "name": feed.name, "url": feed.url, "tags": feed.tags,
                    "interval": feed.interval.map { $0.configDescription as Any } ?? NSNull(),
                    "interval_seconds": interval.components.seconds, "enabled": feed.enabled,
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .withoutEscapingSlashes])
            Terminal.print(String(decoding: data, as: UTF8.self))
            return
        }
        let rows = config.feeds.map { feed in
            [
                feed.name, feed.url, feed.tags.joined(separator: ","),
                feed.interval?.configDescription ?? "\(config.poll.interval.configDescription) (default)",
                feed.enabled ? "yes" : "no",
            ]
        }
        for line in TextTable.render(header: ["NAME", "URL", "TAGS", "INTERVAL", "ENABLED"], rows: rows) {
            Terminal.print(line)
        }
        Terminal.print("\(config.feeds.count) feeds, \(config.feeds.filter(\.enabled).count) enabled")
    }
}
