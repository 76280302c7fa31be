import Foundation

extension Config {
    /// Where the config is looked for when none is named:
    ///
    /// 1. `$WIREWATCH_CONFIG`, if set and not empty: an explicit choice is returned as is,
    ///    existing or not, so that a typo in it is reported rather than silently replaced;
    /// 2. `$XDG_CONFIG_HOME/wirewatch/wirewatch.toml` (an absolute `$XDG_CONFIG_HOME` only,
    ///    as the XDG spec asks), else `$HOME/.config/wirewatch/wirewatch.toml`;
    /// 3. `/etc/wirewatch/wirewatch.toml`.
    ///
    /// Of 2 and 3, the first that exists; if neither does, the last, for the error message.
    public static func defaultPath(environment: [String: String]) -> String {
        defaultPath(environment: environment) { FileManager.default.fileExists(atPath: $0) }
    }

    /// ``defaultPath(environment:)`` with the file system abstracted, for tests.
    static func defaultPath(environment: [String: String], exists: (String) -> Bool) -> String {
        if let explicit = environment["WIREWATCH_CONFIG"], !explicit.isEmpty {
            return explicit
        }
        let candidates = defaultCandidates(environment: environment)
        return candidates.first(where: exists) ?? candidates[candidates.count - 1]
    }

    static func defaultCandidates(environment: [String: String]) -> [String] {
        var candidates: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            candidates.append(PathResolver.join(xdg, "wirewatch/wirewatch.toml"))
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            candidates.append(PathResolver.join(home, ".config/wirewatch/wirewatch.toml"))
        }
        candidates.append("/etc/wirewatch/wirewatch.toml")
        return candidates
    }
}
