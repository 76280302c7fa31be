import Foundation

extension Config {
    /// Reads and validates the config file at `path` (relative paths: against the current
    /// directory). Throws every problem found, each with the file and line.
    public static func load(path: String) throws(ConfigErrors) -> Config {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigErrors([ConfigError(file: path, line: nil, message: readFailure(path: path))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigErrors([ConfigError(file: path, line: nil, message: "not valid UTF-8 text")])
        }
        return try parse(text, file: path)
    }

    /// Validates config `text` as if read from `file`: `file` names it in errors, and its
    /// folder is where relative paths resolve (so it need not exist).
    public static func parse(_ text: String, file: String) throws(ConfigErrors) -> Config {
        let absoluteFile = PathResolver.absolute(file, relativeTo: FileManager.default.currentDirectoryPath)
        var validator = ConfigValidator(text: text, file: file, absoluteFile: absoluteFile)
        return try validator.validate()
    }

    /// Why a file could not be read, in the words of `ls`/`cat` rather than Cocoa's.
    private static func readFailure(path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return "cannot read the config: no such file"
        }
        if isDirectory.boolValue {
            return "cannot read the config: is a directory"
        }
        if !FileManager.default.isReadableFile(atPath: path) {
            return "cannot read the config: permission denied"
        }
        return "cannot read the config: I/O error"
    }
}
