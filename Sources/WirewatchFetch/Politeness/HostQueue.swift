import Foundation

/// One host's state inside `HostGate`.
struct HostQueue {
    struct Waiter {
        let ticket: UUID
        /// Global arrival order, for fairness across hosts.
        let arrival: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    var active = 0
    var waiters: [Waiter] = []
    /// The next request may not start before this instant.
    var notBefore: ContinuousClock.Instant?
    var timerArmed = false
}
