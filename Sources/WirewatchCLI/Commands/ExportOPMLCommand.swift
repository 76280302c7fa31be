import ArgumentParser
import Foundation
import WirewatchDaemon

struct ExportOPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-opml",
        abstract: "Print the config's feeds as an OPML 2.0 subscription list.",
        discussion: "Each feed is an <outline type=\"rss\"> with text and title set to its name and category to its tags (\"/left,/us\")."
    )

    @OptionGroup var configOption: ConfigOption

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let config = try configOption.load()
        let document = OPMLExport.document(for: config)
        guard let output else {
            FileHandle.standardOutput.write(Data(document.utf8))
            return
        }
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.printError("\(output): cannot write (\(error.localizedDescription))")
            throw ExitCode(73)  // EX_CANTCREAT
        }
        Terminal.printError("wrote \(config.feeds.count) feeds to \(output)")
    }
}
