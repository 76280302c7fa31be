#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import WirewatchArchive

/// One `wirewatch run` per archive. The writer keeps state in memory that a
/// second writer would not see (story keys waiting for their batch, the Bloom
/// filter over them): two daemons on one archive, or the service and a
/// `run --once` by hand, would each miss the other's new stories and alert on
/// them again. An advisory `flock` on `ARCHIVE.lock`, which the kernel drops
/// when the process ends however it ends, so a crash leaves no stale lock.
/// Readers (`tail`, `search`, `status`) never take it.
final class ArchiveLock: Sendable {
    private let descriptor: Mutex<Int32?>

    /// Takes the lock or says who holds it.
    init(archivePath: String) throws(ArchiveError) {
        let path = archivePath + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ArchiveError(path: archivePath, reason: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readPID(descriptor)
            close(descriptor)
            throw ArchiveError(
                path: archivePath,
                reason: "another `wirewatch run` is using it\(holder.map { " (pid \($0))" } ?? ""); "
                    + "stop it first (systemctl stop wirewatch), or give this run an archive of its own"
            )
        }
        // The holder's pid, for the message above.
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        self.descriptor = Mutex(descriptor)
    }

    /// Lets the next `run` in (the daemon's shutdown, once its last write is done).
    func release() {
        descriptor.withLock { descriptor in
            if let open = descriptor { close(open) }
            descriptor = nil
        }
    }

    deinit {
        release()
    }

    private static func readPID(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[0..<count].filter { (48...57).contains($0) }, as: UTF8.self))
    }
}
