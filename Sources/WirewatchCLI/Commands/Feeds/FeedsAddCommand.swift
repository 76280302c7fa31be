import ArgumentParser
import Foundation
import WirewatchConfig
import WirewatchDaemon
import WirewatchFetch
import WirewatchNotify

struct FeedsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a feed to the config: fetch it, check that it parses, append a [[feed]] table.",
        discussion: """
            URL may be the feed itself or a web page that links to it \
            (<link rel="alternate" type="application/rss+xml" …>): the first RSS or Atom feed \
            the page advertises is taken, and the others are listed. file:// URLs and paths work too.
            """
    )

    @OptionGroup var configOption: ConfigOption

    @Argument(help: "The feed's URL, a web page linking to it, or a file path.")
    var url: String

    @Option(help: "The feed's name (default: made from the feed's title).")
    var name: String?

    @Option(name: .customLong("tag"), help: "A tag put on every item of the feed (repeat for more).")
    var tags: [String] = []

    func run() async throws {
        let editor = ConfigFileEditor(path: configOption.path)
        let (text, config) = try ConfigEditing.current(editor)
        for tag in tags {
            if let problem = FeedNaming.problem(with: tag) { throw ValidationError("--tag \(problem)") }
        }
        if let name, let problem = FeedNaming.problem(with: name) { throw ValidationError("--name \(problem)") }
        if let name, config.feeds.contains(where: { $0.name == name }) {
            throw ValidationError("the config already has a feed named '\(name)'")
        }

        let found = try await probe(config: config)
        let source = try? Config.feedSource(found.url, directory: FileManager.default.currentDirectoryPath)
        if let existing = config.feeds.first(where: { $0.url == found.url || $0.source == source }) {
            Terminal.printError("error: \(found.url) is already in the config as feed '\(existing.name)'")
            throw ExitCode(1)
        }
        let existingNames = Set(config.feeds.map(\.name))
        let feedName = name ?? FeedNaming.unique(
            found.title.flatMap { FeedNaming.slug($0) } ?? FeedNaming.slug(forURL: found.url) ?? "feed", among: existingNames
        )
        let feed = NewFeed(name: feedName, url: writtenURL(found.url, configDirectory: config.directory), tags: tags)
        try ConfigEditing.reporting {
            try editor.write(try ConfigEditor.addingFeeds([feed], to: text))
        }

        let title = found.title.map { "\"\(TerminalText.sanitize($0))\", " } ?? ""
        Terminal.print("added feed '\(feedName)' (\(title)\(found.version), \(found.items) items) to \(editor.path)")
        if let page = found.page {
            Terminal.print("found on \(page): \(found.url)")
            for other in found.otherLinks {
                Terminal.print("  also advertised (\(other.kind.rawValue)): \(other.url)\(other.title.map { " — \(TerminalText.sanitize($0))" } ?? "")")
            }
        }
        Terminal.print(ConfigEditing.reloadHint)
    }

    private func probe(config: Config) async throws -> FeedProbe.Found {
        var settings = Fetcher.Settings()
        settings.timeout = config.poll.timeout
        let clients = Fetcher.makeClients(settings: settings)
        let result: Result<FeedProbe.Found, FeedProbeError>
        do {
            result = .success(try await FeedProbe(fetcher: Fetcher(clients: clients, settings: settings))
                .probe(url, directory: FileManager.default.currentDirectoryPath))
        } catch {
            result = .failure(error)
        }
        try? await clients.shutdown()
        switch result {
        case .success(let found): return found
        case .failure(let error):
            Terminal.printError("error: \(error.message)")
            throw ExitCode(1)
        }
    }

    /// A path given on the command line is relative to the current folder, but the config
    /// resolves paths against its own folder: write it absolute unless it is under that folder.
    private func writtenURL(_ url: String, configDirectory: String) -> String {
        guard case .file(let path)? = try? Config.feedSource(url, directory: FileManager.default.currentDirectoryPath),
              !url.lowercased().hasPrefix("file:") else { return url }
        let folder = configDirectory.hasSuffix("/") ? configDirectory : configDirectory + "/"
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }
}
