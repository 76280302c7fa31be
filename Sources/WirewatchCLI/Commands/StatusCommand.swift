import ArgumentParser
import Foundation
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchNotify

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each feed's last poll, status, items and next poll, with totals."
    )

    @OptionGroup var configOption: ConfigOption

    @Flag(help: "One JSON object per feed, then one with the totals.")
    var json = false

    func run() throws {
        let config = try configOption.load()
        let archive = try Archive(existingAt: config.archivePath)
        let statuses = Dictionary(try archive.feedStatuses().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var failing = 0
        var items = 0
        var newItems = 0
        for feed in config.feeds {
            let status = statuses[feed.name]
            let interval = Double((feed.interval ?? config.poll.interval).components.seconds)
            let next = feed.enabled ? status?.lastFetch.map { $0.addingTimeInterval(interval) } ?? Date() : nil
            if (status?.consecutiveErrors ?? 0) > 0 { failing += 1 }
            items += status?.items ?? 0
            newItems += status?.newLastDay ?? 0
            if json {
                var object: [String: Any] = [
                    "feed": feed.name, "url": feed.url, "enabled": feed.enabled,
                    "items": status?.items ?? 0, "new_last_day": status?.newLastDay ?? 0,
                    "consecutive_errors": status?.consecutiveErrors ?? 0, "conditional_get": status?.conditional ?? false,
                ]
                object["last_fetch"] = status?.lastFetch.map(ISO8601.string)
                object["http_status"] = status?.lastStatus
                object["last_error"] = status?.lastError
                object["next_due"] = next.map(ISO8601.string)
                Terminal.print(ItemJSON.line(object))
            } else {
                let clean = TerminalText.sanitize
                let last = status?.lastFetch.map(ISO8601.string) ?? "never polled"
                let http = status?.lastStatus.map { "HTTP \($0)" } ?? "-"
                let errors = (status?.consecutiveErrors ?? 0) > 0 ? "  FAILING ×\(status!.consecutiveErrors): \(clean(status?.lastError ?? ""))" : ""
                let due = next.map { "next \(ISO8601.string($0))" } ?? "disabled"
                Terminal.print("\(clean(feed.name))  \(last)  \(http)\(status?.conditional == true ? " (conditional)" : "")  \(status?.items ?? 0) items, \(status?.newLastDay ?? 0) new today  \(due)\(errors)")
            }
        }
        if json {
            Terminal.print(ItemJSON.line(["feeds": config.feeds.count, "failing": failing, "items": items, "new_last_day": newItems]))
        } else {
            Terminal.print("\(config.feeds.count) feeds, \(failing) failing, \(items) items, \(newItems) new in the last day")
        }
    }
}
