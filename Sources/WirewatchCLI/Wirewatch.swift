import ArgumentParser
import WirewatchCore

@main
struct Wirewatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirewatch",
        abstract: "Watch news feeds, archive every item, alert on the stories you follow.",
        version: WirewatchVersion.current,
        subcommands: [
            RunCommand.self, CheckCommand.self, StatusCommand.self, TailCommand.self, SearchCommand.self, ShowCommand.self,
            StoriesCommand.self, PinCommand.self, EnableCommand.self, RulesCommand.self, ParseCommand.self,
            FeedsCommand.self, ImportOPMLCommand.self, ExportOPMLCommand.self,
        ]
    )
}
