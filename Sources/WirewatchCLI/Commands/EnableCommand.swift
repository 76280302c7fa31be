import ArgumentParser
import WirewatchArchive

/// Undoes what the scheduler decided about a feed (gone, failing, moved, a
/// Retry-After): it starts over at its config URL.
struct EnableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Poll a gone, failing or moved feed again from its config URL (then reload or restart the daemon)."
    )

    @OptionGroup var configOption: ConfigOption

    @Argument(help: "The feed's name.")
    var feed: String

    func run() throws {
        let config = try configOption.load()
        let archive = try Archive(existingAt: config.archivePath)
        guard try archive.resetPollState(feed: feed) else {
            throw ValidationError("no feed named '\(feed)' in \(config.archivePath)")
        }
        Terminal.print("feed \(feed) re-enabled: polled from its config URL at the daemon's next reload or start")
    }
}
