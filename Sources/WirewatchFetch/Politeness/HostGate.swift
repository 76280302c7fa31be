import Foundation

/// Politeness for many feeds on few hosts: at most `limits.perHost` requests to
/// one host at a time, the next one starting no sooner than `limits.minimumDelay`
/// after the previous one started or finished, and at most `limits.global`
/// requests in flight overall.
///
/// Waiters are served first come, first served: per host strictly in arrival
/// order, and across hosts the longest-waiting eligible request goes first, so a
/// busy host cannot starve the others. A cancelled waiter leaves its queue at
/// once and throws `CancellationError`; a slot already granted runs to the end.
///
/// One gate is shared by every poll (one per `Fetcher`). The delay protects the
/// host; per-feed back-off (Retry-After) is the scheduler's business.
public actor HostGate {
    public struct Limits: Sendable, Hashable {
        public var perHost: Int
        public var minimumDelay: Duration
        public var global: Int

        public init(perHost: Int = 1, minimumDelay: Duration = .seconds(1), global: Int = 16) {
            precondition(perHost >= 1 && global >= 1, "limits must allow at least one request")
            self.perHost = perHost
            self.minimumDelay = minimumDelay
            self.global = global
        }
    }

    public nonisolated let limits: Limits
    private let clock = ContinuousClock()
    private var hosts: [String: HostQueue] = [:]
    /// Hosts with at least one waiter: the only ones `pump` needs to look at.
    private var waitingHosts: Set<String> = []
    private var inFlight = 0
    private var arrivals: UInt64 = 0

    public init(limits: Limits = .init()) {
        self.limits = limits
    }

    /// Runs `body` once a slot for `host` is free. Throws `CancellationError` if
    /// the task is cancelled while waiting; otherwise rethrows `body`'s error.
    /// `body` runs in the caller's isolation, not on the gate.
    public func withSlot<T>(
        host: String, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        let key = host.lowercased()
        let ticket = UUID()
        try await withTaskCancellationHandler {
            try await acquire(key, ticket)
        } onCancel: {
            // onCancel is synchronous and may run on any thread: hop onto the gate.
            Task { await self.cancel(key, ticket) }
        }
        do {
            let result = try await body()
            await release(key)
            return result
        } catch {
            await release(key)
            throw error
        }
    }

    /// Requests waiting for `host` (for status output and tests).
    public func waiting(host: String) -> Int { hosts[host.lowercased()]?.waiters.count ?? 0 }

    /// Requests holding a slot now.
    public var active: Int { inFlight }

    private func acquire(_ host: String, _ ticket: UUID) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            // Checked on the actor, in the same step as the enqueue: a cancellation
            // after this point finds the waiter in the queue (see `cancel`).
            if Task.isCancelled {
                continuation.resume(throwing: CancellationError())
                return
            }
            arrivals += 1
            hosts[host, default: HostQueue()].waiters.append(.init(ticket: ticket, arrival: arrivals, continuation: continuation))
            waitingHosts.insert(host)
            pump()
        }
    }

    private func release(_ host: String) {
        inFlight -= 1
        hosts[host]?.active -= 1
        hosts[host]?.notBefore = clock.now + limits.minimumDelay
        pump()
        prune(host)
    }

    private func cancel(_ host: String, _ ticket: UUID) {
        // Not found: the waiter was already granted its slot (or never queued).
        guard let index = hosts[host]?.waiters.firstIndex(where: { $0.ticket == ticket }) else { return }
        let waiter = hosts[host]!.waiters.remove(at: index)
        if hosts[host]!.waiters.isEmpty { waitingHosts.remove(host) }
        waiter.continuation.resume(throwing: CancellationError())
        prune(host)
    }

    /// Grants slots while any are free, oldest eligible waiter first.
    private func pump() {
        let now = clock.now
        while inFlight < limits.global {
            var best: (host: String, arrival: UInt64)?
            for host in waitingHosts {
                guard let queue = hosts[host], let head = queue.waiters.first, queue.active < limits.perHost else { continue }
                if let notBefore = queue.notBefore, notBefore > now {
                    armTimer(host, at: notBefore)
                    continue
                }
                if best == nil || head.arrival < best!.arrival { best = (host, head.arrival) }
            }
            guard let best else { return }
            grant(best.host, now: now)
        }
    }

    private func grant(_ host: String, now: ContinuousClock.Instant) {
        let waiter = hosts[host]!.waiters.removeFirst()
        if hosts[host]!.waiters.isEmpty { waitingHosts.remove(host) }
        hosts[host]!.active += 1
        hosts[host]!.notBefore = now + limits.minimumDelay
        inFlight += 1
        waiter.continuation.resume()
    }

    /// One pending wake-up per host, for a head waiter held back only by the delay.
    private func armTimer(_ host: String, at instant: ContinuousClock.Instant) {
        guard hosts[host]?.timerArmed == false else { return }
        hosts[host]!.timerArmed = true
        Task {
            try? await Task.sleep(until: instant, clock: ContinuousClock())
            self.timerFired(host)
        }
    }

    private func timerFired(_ host: String) {
        hosts[host]?.timerArmed = false
        pump()
    }

    /// Forgets an idle host once its delay has passed, so the table does not grow
    /// with every host ever seen.
    private func prune(_ host: String) {
        guard let queue = hosts[host], queue.active == 0, queue.waiters.isEmpty, !queue.timerArmed else { return }
        if let notBefore = queue.notBefore, notBefore > clock.now { return }
        hosts[host] = nil
    }
}
