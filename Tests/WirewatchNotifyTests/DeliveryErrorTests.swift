import Foundation
import Testing

@testable import WirewatchNotify

@Suite struct DeliveryErrorTests {
    @Test func printsOneLineNamingTheSink() {
        let retry = DeliveryError.retryable(sink: "ops-hook", reason: "HTTP 503 Service Unavailable", retryAfter: .seconds(120))
        #expect(retry.description == "sink \"ops-hook\": HTTP 503 Service Unavailable (will retry, server asked for 120s)")
        let fatal = DeliveryError.permanent(sink: "mail", reason: "command not found: sendmail")
        #expect(fatal.description == "sink \"mail\": command not found: sendmail (permanent, not retried)")
        #expect(!fatal.description.contains("\n"))
    }

    @Test func classifiesForeignErrorsAsRetryable() {
        struct DiskFull: Error {}
        let error = DeliveryError.classify(DiskFull(), sink: "log")
        #expect(error.isRetryable && error.sink == "log")
        let kept = DeliveryError.permanent(sink: "x", reason: "y")
        #expect(DeliveryError.classify(kept, sink: "other") == kept)
    }

    @Test(arguments: [
        (200, nil), (204, nil), (500, true), (502, true), (503, true), (408, true), (429, true),
        (400, false), (401, false), (403, false), (404, false), (410, false), (301, false),
    ] as [(Int, Bool?)])
    func httpStatusClasses(status: Int, retryable: Bool?) {
        let error = HTTPStatusOutcome.error(status: status, reasonPhrase: "", retryAfterHeader: nil, detail: "", sink: "s")
        #expect(error?.isRetryable == retryable)
    }

    @Test func retryAfterAsSecondsOrDate() {
        let now = Date(timeIntervalSince1970: 1_795_242_612)  // Sat, 21 Nov 2026 06:30:12 GMT
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse("Sat, 21 Nov 2026 06:31:12 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.parse("soon", now: now) == nil)
        let limited = HTTPStatusOutcome.error(
            status: 429, reasonPhrase: "Too Many Requests", retryAfterHeader: "30", detail: "", sink: "s", now: now
        )
        #expect(limited?.retryAfter == .seconds(30))
        // Retry-After means something only on 429 and 503.
        let failed = HTTPStatusOutcome.error(status: 500, reasonPhrase: "", retryAfterHeader: "30", detail: "", sink: "s")
        #expect(failed?.retryAfter == nil)
    }

    @Test func idempotencyKeyIsTheArchiveID() {
        #expect(IdempotencyKey.make(for: sampleAlert(id: 42)) == "wirewatch-alert-42")
    }
}
