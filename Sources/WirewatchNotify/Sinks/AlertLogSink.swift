import Foundation
import WirewatchCore

/// Appends each alert as one line to the alert log file.
public struct AlertLogSink: AlertSink {
    public var isLocal: Bool { true }
    public let name = "log"
    public let path: String

    public init(path: String) { self.path = path }

    public func deliver(_ alert: Alert) async throws {
        let line = AlertLine.text(alert) + "\n"
        try Self.append(Data(line.utf8), to: path)
    }

    static func append(_ data: Data, to path: String) throws {
        // O_APPEND: concurrent writers (two daemons by mistake, logrotate) never interleave a line.
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw AlertLogError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw AlertLogError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}

/// The alert log could not be written.
public struct AlertLogError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "alert log \(path): \(reason)" }
}
