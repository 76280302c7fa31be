import ArgumentParser
import WirewatchConfig

/// How the editing commands (`feeds add|remove`, `import-opml`) report: every config
/// error on its own line as `check` prints it, and the exit status `check` uses.
enum ConfigEditing {
    static let reloadHint = "apply it to a running daemon with: systemctl reload wirewatch (or send it SIGHUP)"

    /// Runs `body`; turns config and edit errors into printed lines and an exit status.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let errors as ConfigErrors {
            Terminal.printError("the config would not be valid after this change; the file is unchanged:")
            for error in errors.errors { Terminal.printError(error.description) }
            throw ExitCode(78)  // EX_CONFIG
        } catch let error as ConfigEditError {
            Terminal.printError("error: \(error.message)")
            throw ExitCode(78)
        }
    }

    /// The current file, which must already be a valid config: editing a broken one would
    /// only add to the confusion.
    static func current(_ editor: ConfigFileEditor) throws -> (text: String, config: Config) {
        let text = try reporting { try editor.read() }
        do {
            return (text, try editor.validate(text))
        } catch {
            Terminal.printError("the config has errors; fix them first (the file is unchanged):")
            for problem in error.errors { Terminal.printError(problem.description) }
            throw ExitCode(78)
        }
    }
}
