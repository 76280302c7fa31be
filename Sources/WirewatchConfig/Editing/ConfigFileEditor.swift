import Foundation

/// Applies a text edit to the config file safely: the edited text must load with the real
/// config loader (the same checks as `wirewatch check` and the daemon), and only then
/// replaces the file, atomically (a temporary file beside it, renamed over it), so the
/// daemon or a reload never sees a half-written config. On any error the file is untouched.
public struct ConfigFileEditor {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The file's text as it is now.
    public func read() throws(ConfigEditError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigEditError("\(path): cannot read the config")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigEditError("\(path): not valid UTF-8 text")
        }
        return text
    }

    /// Validates `text` as the config at `path`; throws every problem, as `check` prints them.
    public func validate(_ text: String) throws(ConfigErrors) -> Config {
        try Config.parse(text, file: path)
    }

    /// Validates `text`, then writes it in place of the file. Returns the new config.
    @discardableResult
    public func write(_ text: String) throws -> Config {
        let config = try validate(text)
        try Self.writeAtomically(Data(text.utf8), to: path)
        return config
    }

    /// Writes `data` to a temporary file in the same folder (so the rename cannot cross file
    /// systems), with the original file's permissions, then renames it over `path`.
    static func writeAtomically(_ data: Data, to path: String) throws(ConfigEditError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes?[.posixPermissions] as? NSNumber)?.uint16Value ?? 0o644
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else {
            throw ConfigEditError("\(path): cannot write beside it (\(String(cString: strerror(errno))))")
        }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        // fsync before rename: after a crash the file is the old one or the new one, never empty.
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw ConfigEditError("\(path): cannot write the config (\(failure))")
        }
    }
}
