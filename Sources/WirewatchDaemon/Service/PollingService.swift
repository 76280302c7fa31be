import ServiceLifecycle

/// The daemon as a swift-service-lifecycle service: SIGTERM/SIGINT trigger a
/// graceful shutdown, which cancels the polling loop; a poll in flight stops at
/// its next suspension point and every committed transaction stays committed.
public struct PollingService: Service {
    let daemon: Daemon
    let once: Bool

    public init(daemon: Daemon, once: Bool) {
        self.daemon = daemon
        self.once = once
    }

    public func run() async throws {
        if once {
            _ = await cancelWhenGracefulShutdown { await daemon.runOnce() }
        } else {
            await cancelWhenGracefulShutdown { await daemon.runForever() }
        }
    }
}
