import Foundation

/// Finds a command's file the way a shell would, but with the PATH the command will
/// get (a sink's `environment` may set its own), not the daemon's: `posix_spawnp`
/// would search the daemon's PATH.
enum ExecutableLookup {
    static let defaultPath = "/usr/local/bin:/usr/bin:/bin"

    /// `command` itself if it has a slash, else the first executable regular file named
    /// `command` in `path`'s directories; nil if there is none.
    static func find(_ command: String, path: String?) -> String? {
        if command.isEmpty { return nil }
        if command.contains("/") { return FileManager.default.fileExists(atPath: command) ? command : nil }
        for directory in (path ?? defaultPath).split(separator: ":", omittingEmptySubsequences: false) {
            // An empty PATH entry means the current directory; a daemon has no meaningful one.
            guard !directory.isEmpty else { continue }
            let candidate = directory + "/" + command
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                access(candidate, X_OK) == 0
            {
                return candidate
            }
        }
        return nil
    }
}
