import Testing

@testable import WirewatchNotify

@Suite struct RetryPolicyTests {
    @Test func withoutJitterTheDelaysDoubleUpToTheCap() {
        let policy = RetryPolicy(jitter: 0)
        let delays = (1...12).map { policy.delay(afterAttempt: $0) }
        #expect(delays[0] == .seconds(5))
        #expect(delays[1] == .seconds(10))
        #expect(delays[2] == .seconds(20))
        #expect(delays[8] == .seconds(1280))
        #expect(delays[9] == .seconds(1800))
        #expect(delays[11] == .seconds(1800))
        #expect(policy.delay(afterAttempt: 10_000) == .seconds(1800))
        #expect(policy.delay(afterAttempt: 0) == .seconds(5))
    }

    @Test func theDefaultAttemptsSpanAboutADay() {
        let policy = RetryPolicy(jitter: 0)
        let total = (1..<policy.maxAttempts).reduce(0.0) { $0 + RetryPolicy.seconds(policy.delay(afterAttempt: $1)) }
        #expect(total > 20 * 3600 && total < 28 * 3600)
    }

    @Test func seededJitterIsRepeatableAndWithinBounds() {
        let policy = RetryPolicy(seed: 1234)
        let again = RetryPolicy(seed: 1234)
        let other = RetryPolicy(seed: 99)
        var differs = false
        for attempt in 1...30 {
            let delay = policy.delay(afterAttempt: attempt)
            #expect(delay == again.delay(afterAttempt: attempt))
            let nominal = RetryPolicy(jitter: 0).delay(afterAttempt: attempt)
            #expect(delay <= nominal)
            #expect(delay >= nominal * 0.8 - .milliseconds(1))
            if delay != other.delay(afterAttempt: attempt) { differs = true }
        }
        #expect(differs)
    }

    @Test func retryAfterIsHonouredUpToTheCap() {
        let policy = RetryPolicy(jitter: 0)
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(120)) == .seconds(120))
        #expect(policy.delay(afterAttempt: 5, retryAfter: .seconds(1)) == .seconds(80))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(86_400)) == .seconds(1800))
    }

    @Test func nextDelayStopsOnPermanentErrorsAndAfterTheLastAttempt() {
        let policy = RetryPolicy(maxAttempts: 3, jitter: 0)
        let temporary = DeliveryError.retryable(sink: "hook", reason: "HTTP 500")
        #expect(policy.nextDelay(afterAttempt: 1, error: temporary) == .seconds(5))
        #expect(policy.nextDelay(afterAttempt: 2, error: temporary) == .seconds(10))
        #expect(policy.nextDelay(afterAttempt: 3, error: temporary) == nil)
        #expect(policy.nextDelay(afterAttempt: 1, error: .permanent(sink: "hook", reason: "HTTP 404")) == nil)
        let limited = DeliveryError.retryable(sink: "hook", reason: "HTTP 429", retryAfter: .seconds(60))
        #expect(policy.nextDelay(afterAttempt: 1, error: limited) == .seconds(60))
    }
}
