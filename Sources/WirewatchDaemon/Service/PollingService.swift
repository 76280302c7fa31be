import ServiceLifecycle

/// The daemon as a swift-service-lifecycle service: SIGTERM/SIGINT trigger a
/// graceful shutdown, which cancels the polling loop; a poll in flight stops at
/// its next suspension point and every committed transaction stays committed.
/// Under systemd (`Type=notify`) it reports READY=1, STOPPING=1 and, when a
/// watchdog is set, WATCHDOG=1 at half its interval.
public struct PollingService: Service {
    let daemon: Daemon
    let once: Bool
    let notifier: SystemdNotifier

    public init(daemon: Daemon, once: Bool, notifier: SystemdNotifier = SystemdNotifier()) {
        self.daemon = daemon
        self.once = once
        self.notifier = notifier
    }

    public func run() async throws {
        let notifier = self.notifier
        let daemon = self.daemon
        if once {
            _ = await cancelWhenGracefulShutdown { await daemon.runOnce() }
            return
        }
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    await cancelWhenGracefulShutdown { await daemon.runForever() }
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
