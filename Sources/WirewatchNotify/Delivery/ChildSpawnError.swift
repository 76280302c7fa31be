/// A command could not be started at all.
enum ChildSpawnError: Error, Sendable, Equatable {
    /// Not on PATH, or no such file: a setting to fix, not worth retrying.
    case notFound(command: String)
    /// There, but not runnable (permissions, not an executable): also a setting to fix.
    case notExecutable(command: String, reason: String)
    /// The system refused for now (too many processes or open files): may pass.
    case failed(command: String, reason: String)
}
