import ArgumentParser
import Foundation
import WirewatchConfig
import WirewatchDaemon
import WirewatchParse

struct ImportOPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-opml",
        abstract: "Add the feeds of an OPML subscription list to the config.",
        discussion: """
            Every <outline> with an xmlUrl becomes a [[feed]] table, named after its text or \
            title; the folders it is nested in and its category attribute ("/left,/local") \
            become its tags. Feeds already in the config are skipped. The feeds are not \
            fetched: `wirewatch run --once` or the daemon's next poll will tell which work.
            """
    )

    @OptionGroup var configOption: ConfigOption

    @Argument(help: "The OPML file (1.0 or 2.0).")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Terminal.printError("\(file): cannot read the file")
            throw ExitCode(66)  // EX_NOINPUT
        }
        let opml: [OPMLFeed]
        do {
            opml = try OPMLReader.read([UInt8](data), file: file)
        } catch {
            Terminal.printError(error.description)
            throw ExitCode(65)  // EX_DATAERR
        }
        let editor = ConfigFileEditor(path: configOption.path)
        let (text, config) = try ConfigEditing.current(editor)
        let plan = OPMLImportPlan(opml, config: config)
        for (feed, reason) in plan.invalid {
            Terminal.printError("\(file):\(feed.line): skipped: \(reason)")
        }
        if !plan.feeds.isEmpty {
            try ConfigEditing.reporting {
                try editor.write(try ConfigEditor.addingFeeds(plan.feeds, to: text))
            }
        }
        for feed in plan.feeds {
            let tags = feed.tags.isEmpty ? "" : "  [\(feed.tags.joined(separator: ", "))]"
            Terminal.print("+ \(feed.name)  \(feed.url)\(tags)")
        }
        Terminal.print(
            "\(opml.count) feeds in \(file): \(plan.feeds.count) added to \(editor.path), "
                + "\(plan.duplicates.count) already in the config or listed twice, \(plan.invalid.count) skipped as invalid"
        )
        if !plan.feeds.isEmpty { Terminal.print(ConfigEditing.reloadHint) }
    }
}
