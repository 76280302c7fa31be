import ArgumentParser
import Foundation
import WirewatchConfig

/// `--config F`, defaulting to $WIREWATCH_CONFIG, then the XDG path, then /etc/wirewatch.
struct ConfigOption: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp(
        "The config file.",
        discussion: "Default: $WIREWATCH_CONFIG, else $XDG_CONFIG_HOME/wirewatch/wirewatch.toml, else /etc/wirewatch/wirewatch.toml.",
        valueName: "file"
    ))
    var config: String?

    var path: String {
        config ?? Config.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// Loads the config or prints every error (one line each) and exits non-zero.
    func load() throws -> Config {
        do {
            return try Config.load(path: path)
        } catch {
            for problem in error.errors {
                Terminal.printError(problem.description)
                if let detail = problem.detail { Terminal.printError(detail) }
            }
            throw ExitCode(78)  // EX_CONFIG
        }
    }
}
