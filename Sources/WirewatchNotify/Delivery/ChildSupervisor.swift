import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Feeds a spawned command its stdin, collects its stderr, enforces the timeout and
/// reaps it. Blocking; runs on the thread `ChildProcess` starts.
struct ChildSupervisor {
    let pid: pid_t
    var stdin: Int32
    var stderr: Int32
    let input: [UInt8]
    let timeout: Duration
    let killGrace: Duration
    let cancel: CancelFlag

    private var written = 0
    /// The end of stderr: only the last line is wanted, so a chatty command costs nothing.
    private var errorTail: [UInt8] = []
    private static let tailLimit = 4096

    #if os(Linux)
        private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
        private static let noSignal: Int32 = 0  // SO_NOSIGPIPE is set on the socket instead
    #endif

    init(
        pid: pid_t, stdin: Int32, stderr: Int32, input: [UInt8], timeout: Duration, killGrace: Duration,
        cancel: CancelFlag
    ) {
        self.pid = pid
        self.stdin = stdin
        self.stderr = stderr
        self.input = input
        self.timeout = timeout
        self.killGrace = killGrace
        self.cancel = cancel
    }

    mutating func wait() -> ChildOutcome {
        _ = fcntl(stdin, F_SETFL, fcntl(stdin, F_GETFL) | O_NONBLOCK)
        _ = fcntl(stderr, F_SETFL, fcntl(stderr, F_GETFL) | O_NONBLOCK)
        if input.isEmpty { closeStdin() }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var stopReason: ChildOutcome.Termination? = nil
        var killAt: ContinuousClock.Instant? = nil
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR {
                // ECHILD: someone else reaped it (SIGCHLD ignored process-wide).
                stopReason = stopReason ?? .statusLost
                break
            }
            let now = clock.now
            if stopReason == nil, cancel.isSet || now >= deadline {
                stopReason = cancel.isSet ? .cancelled : .timedOut
                kill(-pid, SIGTERM)  // the whole group: what the command started, too
                killAt = now + killGrace
            } else if let at = killAt, now >= at {
                kill(-pid, SIGKILL)
                killAt = nil
            }
            pollOnce()
        }
        // Exited: whatever it wrote before is in the pipe. A background grandchild may
        // keep stderr open, so read what is there rather than waiting for end of file.
        readErrors()
        closeStdin()
        closeStderr()
        return ChildOutcome(termination: stopReason ?? Self.termination(status), lastErrorLine: lastErrorLine())
    }

    /// Waits up to 20 ms for stdin to take more input or stderr to have some; the
    /// short wait is what notices the exit, the timeout and cancellation.
    private mutating func pollOnce() {
        var fds: [pollfd] = []
        if stdin >= 0 { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
        if stderr >= 0 { fds.append(pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)) }
        if fds.isEmpty {
            usleep(20_000)
            return
        }
        guard poll(&fds, nfds_t(fds.count), 20) > 0 else { return }
        for entry in fds where entry.revents != 0 {
            if entry.fd == stdin { writeInput() } else if entry.fd == stderr { readErrors() }
        }
    }

    private mutating func writeInput() {
        while stdin >= 0, written < input.count {
            let count = input.withUnsafeBytes { buffer in
                // A command that exited without reading gives EPIPE, not SIGPIPE.
                send(stdin, buffer.baseAddress! + written, buffer.count - written, Self.noSignal)
            }
            if count > 0 {
                written += count
            } else if count < 0, errno == EINTR {
                continue
            } else if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                return
            } else {
                closeStdin()  // the command stopped reading; its exit status will tell
            }
        }
        // All written: closing is the end of file the command may be waiting for.
        if written >= input.count { closeStdin() }
    }

    private mutating func readErrors() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while stderr >= 0 {
            let count = buffer.withUnsafeMutableBytes { read(stderr, $0.baseAddress!, $0.count) }
            if count > 0 {
                errorTail += buffer[0..<count]
                if errorTail.count > Self.tailLimit { errorTail.removeFirst(errorTail.count - Self.tailLimit) }
            } else if count < 0, errno == EINTR {
                continue
            } else if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                return
            } else {
                closeStderr()  // end of file, or an error: nothing more to read either way
            }
        }
    }

    private func lastErrorLine() -> String {
        let text = String(decoding: errorTail, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).last { !$0.allSatisfy(\.isWhitespace) }
        return HeaderText.sanitize(line.map(String.init) ?? "", limit: 200)
    }

    private mutating func closeStdin() {
        if stdin >= 0 { close(stdin) }
        stdin = -1
    }

    private mutating func closeStderr() {
        if stderr >= 0 { close(stderr) }
        stderr = -1
    }

    /// WIFEXITED/WEXITSTATUS/WTERMSIG are C macros Swift does not import.
    static func termination(_ status: Int32) -> ChildOutcome.Termination {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }
}
