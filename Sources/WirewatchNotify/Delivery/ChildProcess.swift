import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one command for a sink: argv (never a shell), `input` on stdin, a timeout.
///
/// Why not Foundation's `Process`: it gives stdin a pipe, and writing to a pipe whose
/// reader has exited raises SIGPIPE, which kills the daemon unless it ignores SIGPIPE
/// process-wide. Here stdin is one end of a socket pair written with MSG_NOSIGNAL,
/// so a command that ignores its input is harmless. The command also gets its own
/// process group, so the timeout kills what it started too (a script's `sleep` or
/// `curl`) — otherwise a grandchild would keep stderr open and the wait would hang.
///
/// The command is spawned and supervised on a thread of its own (spawning, polling
/// and `waitpid` block), never on the cooperative pool; it is always reaped, so no
/// zombie is left, including after a timeout or cancellation.
struct ChildProcess: Sendable {
    var arguments: [String]
    /// The complete environment of the command.
    var environment: [String: String]
    var input: [UInt8]
    var timeout: Duration
    /// Between SIGTERM (a chance to clean up) and SIGKILL.
    var killGrace: Duration = .seconds(1)

    func run() async throws(ChildSpawnError) -> ChildOutcome {
        let cancel = CancelFlag()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<ChildOutcome, ChildSpawnError>, Never>) in
                let job = self
                Thread.detachNewThread {
                    continuation.resume(returning: Result { () throws(ChildSpawnError) in try job.runBlocking(cancel) })
                }
            }
        } onCancel: {
            cancel.set()
        }
        return try result.get()
    }

    private func runBlocking(_ cancel: CancelFlag) throws(ChildSpawnError) -> ChildOutcome {
        let command = arguments.first ?? ""
        guard let executable = ExecutableLookup.find(command, path: environment["PATH"]) else {
            throw .notFound(command: command)
        }
        var stdinPair: [Int32] = [-1, -1]
        var stderrPair: [Int32] = [-1, -1]
        guard Self.makeSocketPair(&stdinPair) else {
            throw .failed(command: command, reason: "socketpair: \(Self.errorText(errno))")
        }
        guard Self.makeSocketPair(&stderrPair) else {
            let reason = Self.errorText(errno)
            close(stdinPair[0]); close(stdinPair[1])
            throw .failed(command: command, reason: "socketpair: \(reason)")
        }
        var spawned = spawn(executable, stdin: stdinPair[1], stderr: stderrPair[1])
        // ETXTBSY: the file is open for writing somewhere, typically because another
        // thread's fork inherited the descriptor for a moment; it passes at once.
        for _ in 0..<5 where spawned.error == ETXTBSY {
            usleep(10_000)
            spawned = spawn(executable, stdin: stdinPair[1], stderr: stderrPair[1])
        }
        // The child has its own copies; the parent keeps only its ends.
        close(stdinPair[1])
        close(stderrPair[1])
        let pid: pid_t
        switch spawned {
        case (let child, 0): pid = child
        case (_, let code):
            close(stdinPair[0]); close(stderrPair[0])
            switch code {
            case ENOENT: throw .notFound(command: command)
            case EACCES, ENOEXEC, EISDIR, EPERM, E2BIG:
                throw .notExecutable(command: command, reason: Self.errorText(code))
            default: throw .failed(command: command, reason: Self.errorText(code))
            }
        }
        var supervisor = ChildSupervisor(
            pid: pid, stdin: stdinPair[0], stderr: stderrPair[0], input: input,
            timeout: timeout, killGrace: killGrace, cancel: cancel
        )
        return supervisor.wait()
    }

    /// posix_spawn with stdin and stderr redirected, stdout to /dev/null (a command's
    /// chatter must not mix with `run`'s alert lines), default signal handling and
    /// an empty signal mask (whatever the daemon ignores or blocks), a new process group.
    /// The child's pid and 0, or an errno.
    private func spawn(_ executable: String, stdin: Int32, stderr: Int32) -> (pid: pid_t, error: Int32) {
        #if os(Linux)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        return (pid, code)
    }

    /// A socket pair, close-on-exec from the start (a command spawned meanwhile by
    /// another sink must not inherit it). Used for stderr too: glibc's pipe2 is not
    /// visible to Swift, and pipe + fcntl would leave a window for that leak.
    private static func makeSocketPair(_ fds: inout [Int32]) -> Bool {
        #if os(Linux)
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &fds) == 0 else { return false }
        #if !os(Linux)
            // No SOCK_CLOEXEC or MSG_NOSIGNAL on Darwin: set both per socket.
            var on: Int32 = 1
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
            }
        #endif
        return true
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
