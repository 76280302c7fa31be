import ArgumentParser
import Foundation
import WirewatchArchive
import WirewatchCore
import WirewatchNotify

struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print the latest alerts from the archive, oldest first; follow new ones with --follow."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .short, help: "How many of the latest alerts to print.")
    var n = 10

    @Flag(name: [.short, .long], help: "Keep running and print new alerts as the daemon commits them.")
    var follow = false

    @Flag(help: "One JSON object per line: id, time, rule, feed, title, link, item_id, story_id, sources, kind, detail.")
    var json = false

    @Option(help: "Only alerts of this rule (repeatable).")
    var rule: [String] = []

    @Option(help: "Only alerts whose item carries this tag.")
    var tag: String?

    @Option(help: "Only alerts raised since: a duration back (2h, 1d) or a date.")
    var since: TimeSpec?

    @Flag(help: "Also the alerts a rule's throttle held back (each went out in a digest).")
    var folded = false

    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    var filter: AlertFilter { AlertFilter(rules: rule, tag: tag, since: since?.date, includesFolded: folded) }

    func run() async throws {
        let config = try configOption.load()
        var archive = try? Archive(existingAt: config.archivePath)
        if archive == nil && !follow {
            throw ValidationError("no archive yet at \(config.archivePath) (run `wirewatch run` first)")
        }
        var lastID: Int64 = 0
        if let archive {
            for alert in try archive.latestAlerts(limit: n, filter: filter) {
                emit(alert)
                lastID = alert.id
            }
        }
        guard follow else { return }
        // Poll the archive: alerts are committed there before any delivery, so this
        // sees exactly what the daemon raised, and survives daemon restarts.
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(500))
            if archive == nil { archive = try? Archive(existingAt: config.archivePath) }
            guard let archive else { continue }
            for alert in (try? archive.alerts(after: lastID, filter: filter)) ?? [] {
                emit(alert)
                lastID = alert.id
            }
        }
    }

    func emit(_ alert: Alert) {
        if json {
            Terminal.print(AlertLine.json(alert))
        } else {
            Terminal.print(AlertLine.block(alert, colored: color.enabled))
        }
    }
}
