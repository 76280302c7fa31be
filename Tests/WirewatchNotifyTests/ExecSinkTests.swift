import Foundation
import Testing
import WirewatchTesting

@testable import WirewatchNotify

@Suite struct ExecSinkTests {
    @Test func runsTheCommandWithTheAlertOnStdinAndInTheEnvironment() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try writeScript(directory, "record", #"cat > "$OUT/stdin"; env > "$OUT/env"; printf '%s\n' "$@" > "$OUT/args""#)
        let alert = sampleAlert(title: "$(touch pwned) `id` ; rm -rf ~\u{1B}[31m")
        let options = ExecOptions(command: [script, "first arg", "$HOME"], environment: ["OUT": directory.path])
        try await ExecSink(name: "hook-script", options: options).deliver(alert)

        #expect(try readText(directory.file("stdin")) == AlertLine.json(alert) + "\n")
        #expect(try readText(directory.file("args")) == "first arg\n$HOME\n")
        let environment = parseEnvironment(try readText(directory.file("env")))
        #expect(environment["WIREWATCH_ALERT_ID"] == "wirewatch-alert-42")
        #expect(environment["WIREWATCH_RULE"] == "disasters")
        #expect(environment["WIREWATCH_FEED"] == "Example News")
        #expect(environment["WIREWATCH_TITLE"] == "$(touch pwned) `id` ; rm -rf ~")
        #expect(environment["WIREWATCH_LINK"] == "https://news.example.org/quake")
        #expect(environment["WIREWATCH_TIME"] == "2026-11-21T06:30:12Z")
        #expect(environment["PATH"] != nil)  // inherited
    }

    @Test func exit75IsRetryableWithStderrsLastLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try writeScript(directory, "busy", "cat >/dev/null; echo 'warming up' >&2; echo 'queue full' >&2; exit 75")
        let error = await deliveryError(ExecSink(name: "x", options: ExecOptions(command: [script])))
        #expect(error?.isRetryable == true)
        #expect(error?.reason == "\(script) exited with status 75 (EX_TEMPFAIL): queue full")
    }

    @Test func otherExitStatusesArePermanent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try writeScript(directory, "fail", "echo 'bad config' >&2; exit 3")
        let error = await deliveryError(ExecSink(name: "x", options: ExecOptions(command: [script])))
        #expect(error == .permanent(sink: "x", reason: "\(script) exited with status 3: bad config"))
    }

    @Test func aMissingCommandIsPermanent() async throws {
        let options = ExecOptions(command: ["wirewatch-test-no-such-command"], environment: ["PATH": "/nonexistent"])
        let error = await deliveryError(ExecSink(name: "x", options: options))
        #expect(error == .permanent(sink: "x", reason: "command not found: wirewatch-test-no-such-command"))
        let absolute = await deliveryError(ExecSink(name: "x", options: ExecOptions(command: ["/nonexistent/cmd"])))
        #expect(absolute?.isRetryable == false)
    }

    @Test func aFileThatIsNotExecutableIsPermanent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("plain", "not a program")
        let error = await deliveryError(ExecSink(name: "x", options: ExecOptions(command: [path])))
        #expect(error?.isRetryable == false)
        #expect(error?.reason.hasPrefix("cannot run") == true)
    }

    @Test func aCommandThatIgnoresStdinIsFine() async throws {
        // A big input (and title) the command never reads: no SIGPIPE, no hang, and
        // WIREWATCH_TITLE is cut short enough for execve.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try writeScript(directory, "ignore", "exit 0")
        let alert = sampleAlert(title: String(repeating: "long title ", count: 50_000))
        #expect(await deliveryError(ExecSink(name: "x", options: ExecOptions(command: [script])), alert) == nil)
    }

    @Test func theTimeoutKillsTheCommandAndWhatItStarted() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try writeScript(
            directory, "stuck", #"sleep 30 & echo "$$ $!" > "$OUT/pids"; echo 'still going' >&2; wait"#
        )
        let options = ExecOptions(command: [script], timeout: .milliseconds(300), environment: ["OUT": directory.path])
        let started = ContinuousClock.now
        let error = await deliveryError(ExecSink(name: "x", options: options))
        // Not a speed figure: only that the delivery did not wait for the script's
        // 30-second `sleep`. (The margin is wide because, in the full parallel run on
        // two cores, CPU-bound tests can hold the cooperative pool for seconds.)
        #expect(ContinuousClock.now - started < .seconds(25))
        #expect(error?.isRetryable == true)
        #expect(error?.reason == "\(script) timed out and was killed: still going")

        let pids = try readText(directory.file("pids")).split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(pids.count == 2)
        // The shell was reaped (no zombie): its /proc entry is gone.
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pids[0])"))
        // Its `sleep` got the signal too: gone, or a zombie waiting for init.
        #expect(await processEnded(pids[1]))
    }
}

extension ExecSinkTests {
    @Test func cancellingTheDeliveryStopsTheCommand() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try writeScript(directory, "slow", #"echo "$$" > "$OUT/pid.tmp"; mv "$OUT/pid.tmp" "$OUT/pid"; exec sleep 30"#)
        let options = ExecOptions(command: [script], environment: ["OUT": directory.path])
        let delivery = Task { await deliveryError(ExecSink(name: "x", options: options)) }
        // Cancel once the command is surely running.
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: directory.file("pid")) {
            try await Task.sleep(for: .milliseconds(10))
        }
        delivery.cancel()
        let error = await delivery.value
        #expect(error?.isRetryable == true)
        #expect(error?.reason.hasSuffix("was stopped: delivery cancelled") == true)
        let pid = try #require(Int32(try readText(directory.file("pid")).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"))  // killed and reaped
    }
}

/// Whether `pid` is gone or a zombie, waiting up to 5 s (the kernel delivers
/// signals asynchronously).
func processEnded(_ pid: Int32) async -> Bool {
    for _ in 0..<100 {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // state is the field after the parenthesised command name
        if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return false
}
