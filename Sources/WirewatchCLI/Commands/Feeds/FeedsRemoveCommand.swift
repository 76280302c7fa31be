import ArgumentParser
import WirewatchConfig

struct FeedsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a feed's [[feed]] table from the config (its archived items stay in the archive)."
    )

    @OptionGroup var configOption: ConfigOption

    @Argument(help: "The feed's name.")
    var name: String

    func run() throws {
        let editor = ConfigFileEditor(path: configOption.path)
        let (text, before) = try ConfigEditing.current(editor)
        let config = try ConfigEditing.reporting {
            let edited = try ConfigEditor.removingFeed(named: name, from: text, file: editor.path)
            // Belt and braces: exactly that one feed gone, every other one still there.
            let after = try editor.validate(edited)
            guard after.feeds.map(\.name) == before.feeds.map(\.name).filter({ $0 != name }) else {
                throw ConfigEditError("\(editor.path): could not cut feed '\(name)' out cleanly; edit the file by hand")
            }
            return try editor.write(edited)
        }
        Terminal.print("removed feed '\(name)' from \(editor.path); \(config.feeds.count) feeds left")
        Terminal.print(ConfigEditing.reloadHint)
    }
}
