import ArgumentParser
import WirewatchConfig

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config file; print every error with its file and line."
    )

    @OptionGroup var configOption: ConfigOption

    func run() throws {
        let config = try configOption.load()
        Terminal.print(
            "\(config.file): ok — \(config.feeds.count) feeds, \(config.tagRules.count) tag rules, \(config.alertRules.count) alert rules"
        )
    }
}
