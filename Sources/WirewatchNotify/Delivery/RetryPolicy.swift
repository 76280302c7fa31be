import Foundation

/// When to try a failed delivery again: exponential backoff with jitter.
///
/// Attempt 1 failing waits `initialDelay`, each further failure `multiplier` times
/// longer, never more than `maxDelay`. With the defaults (5 s, ×2, 30 min) the waits
/// are 5 s, 10 s, 20 s … 21 min 20 s, then 30 min each: the 56 default attempts
/// (55 waits) span about 23.7 hours, so an alert is given up after about a day.
///
/// Jitter takes up to `jitter` (a fraction) off each wait, so alerts that failed
/// together (a receiver was down) do not all come back at the same instant, and a
/// wait never exceeds its nominal value or `maxDelay`. With a `seed` the jitter is a
/// pure function of (seed, attempt): tests get exact, repeatable delays.
public struct RetryPolicy: Sendable, Hashable {
    public var initialDelay: Duration
    public var multiplier: Double
    public var maxDelay: Duration
    /// Attempts in all, the first one included; after the last, the alert is given up.
    public var maxAttempts: Int
    /// 0 … 1: the largest fraction taken off a wait.
    public var jitter: Double
    /// Makes the jitter deterministic (tests); nil draws from the system generator.
    public var seed: UInt64?

    public init(
        initialDelay: Duration = .seconds(5), multiplier: Double = 2, maxDelay: Duration = .seconds(30 * 60),
        maxAttempts: Int = 56, jitter: Double = 0.2, seed: UInt64? = nil
    ) {
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maxDelay = maxDelay
        self.maxAttempts = maxAttempts
        self.jitter = jitter
        self.seed = seed
    }

    /// The wait after attempt `n` (1-based) failed. A receiver's `retryAfter` is
    /// honoured when it asks for longer than the backoff, up to `maxDelay`, so a
    /// hostile or broken server cannot park an alert for days.
    public func delay(afterAttempt n: Int, retryAfter: Duration? = nil) -> Duration {
        let attempt = max(n, 1)
        let initial = Self.seconds(initialDelay), cap = Self.seconds(maxDelay)
        // pow can overflow to +inf for large n; min() brings it back to the cap.
        let nominal = min(initial * pow(max(multiplier, 1), Double(attempt - 1)), cap)
        let fraction = min(max(jitter, 0), 1) * unitRandom(attempt)
        var wait = nominal * (1 - fraction)
        if let retryAfter { wait = max(wait, min(Self.seconds(retryAfter), cap)) }
        return .milliseconds(Int64((wait * 1000).rounded()))
    }

    /// The wait before the next attempt, or nil when the alert should not be retried:
    /// the failure is permanent, or attempt `n` was the last.
    public func nextDelay(afterAttempt n: Int, error: DeliveryError) -> Duration? {
        guard error.isRetryable, n < maxAttempts else { return nil }
        return delay(afterAttempt: n, retryAfter: error.retryAfter)
    }

    /// A number in [0, 1).
    private func unitRandom(_ attempt: Int) -> Double {
        let bits: UInt64
        if let seed {
            bits = Self.splitMix(seed &+ UInt64(truncatingIfNeeded: attempt) &* 0x9E37_79B9_7F4A_7C15)
        } else {
            var generator = SystemRandomNumberGenerator()
            bits = generator.next()
        }
        return Double(bits >> 11) / Double(UInt64(1) << 53)
    }

    /// SplitMix64's finalizer: a well-mixed 64-bit value from any input.
    private static func splitMix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// `2.5s`, `120s`: for error messages.
    static func describe(_ duration: Duration) -> String {
        let seconds = seconds(duration)
        if seconds == seconds.rounded() { return "\(Int64(seconds))s" }
        return "\((seconds * 10).rounded() / 10)s"
    }
}
