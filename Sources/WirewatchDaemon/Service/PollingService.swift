import Foundation
import ServiceLifecycle
import UnixSignals
import WirewatchConfig

/// The daemon as a swift-service-lifecycle service: SIGTERM/SIGINT trigger a
/// graceful shutdown, which cancels the polling loop; a poll in flight stops at
/// its next suspension point and every committed transaction stays committed.
/// Under systemd (`Type=notify`) it reports READY=1, STOPPING=1 and, when a
/// watchdog is set, WATCHDOG=1 at half its interval.
public struct PollingService: Service {
    let daemon: Daemon
    let once: Bool
    let notifier: SystemdNotifier
    /// Reads and validates the config again, for SIGHUP.
    let loadConfig: (@Sendable () throws(ConfigErrors) -> Config)?

    public init(
        daemon: Daemon, once: Bool, notifier: SystemdNotifier = SystemdNotifier(),
        loadConfig: (@Sendable () throws(ConfigErrors) -> Config)? = nil
    ) {
        self.daemon = daemon
        self.once = once
        self.notifier = notifier
        self.loadConfig = loadConfig
    }

    /// SIGHUP: validate the config first; on any error keep the running one and say why.
    func reload() {
        guard let loadConfig else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        notifier.notify("RELOADING=1\nMONOTONIC_USEC=\(Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000)")
        do {
            try daemon.reload(try loadConfig())
        } catch let errors as ConfigErrors {
            for error in errors.errors { daemon.logger.error("config not reloaded, keeping the running one: \(error)") }
        } catch {
            daemon.logger.error("config not reloaded, keeping the running one: \(error)")
        }
        notifier.notify("READY=1\nSTATUS=polling \(daemon.enabledFeeds.count) feeds")
    }

    public func run() async throws {
        let notifier = self.notifier
        let daemon = self.daemon
        let service = self
        if once {
            _ = await cancelWhenGracefulShutdown { await daemon.runOnce() }
            return
        }
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    await cancelWhenGracefulShutdown { await daemon.runForever() }
                }
                let hangups = await UnixSignalsSequence(trapping: .sighup)
                group.addTask {
                    for await _ in hangups { service.reload() }
                }
                if let interval = notifier.watchdogInterval {
                    group.addTask {
                        while !Task.isCancelled {
                            notifier.notify("WATCHDOG=1")
                            try? await Task.sleep(for: interval)
                        }
                    }
                }
                notifier.notify("READY=1\nSTATUS=polling \(daemon.enabledFeeds.count) feeds")
                // The polling loop ends on shutdown; the watchdog ends with it.
                await group.next()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            notifier.notify("STOPPING=1\nSTATUS=stopping: no new polls, finishing writes")
        }
    }
}
