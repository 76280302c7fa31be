/// Lexical path arithmetic for config paths (no file system access, no `~` expansion,
/// no symlink resolution): what is written in the config, made absolute and tidy.
enum PathResolver {
    /// `path` if absolute, else `base/path`; then normalized.
    static func absolute(_ path: String, relativeTo base: String) -> String {
        normalize(path.hasPrefix("/") ? path : join(base, path))
    }

    static func join(_ base: String, _ relative: String) -> String {
        base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    /// The folder of an absolute file path: `/a/b/c.toml` → `/a/b`, `/c.toml` → `/`.
    static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }

    /// Removes `.` segments, empty segments and `x/..` pairs of an absolute path
    /// (`..` at the root stays at the root, as the kernel does).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
