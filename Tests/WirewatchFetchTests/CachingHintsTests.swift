import Foundation
import Testing
@testable import WirewatchFetch

@Suite struct CachingHintsTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func maxAgeWinsOverExpires() {
        let headers = ["cache-control": "public, max-age=600", "expires": "Thu, 01 Jan 2099 00:00:00 GMT"]
        #expect(CachingHints.freshUntil(headers: headers, now: now) == now + 600)
    }

    @Test(arguments: ["no-cache", "no-store", "max-age=600, no-cache", "No-Store, max-age=60"])
    func noCacheOrNoStoreMeansNoHint(_ value: String) {
        let headers = ["cache-control": value, "expires": "Thu, 01 Jan 2099 00:00:00 GMT"]
        #expect(CachingHints.freshUntil(headers: headers, now: now) == nil)
    }

    @Test func quotedMaxAgeAndOddSpacing() {
        #expect(CachingHints.freshUntil(headers: ["cache-control": " MAX-AGE = \"90\" "], now: now) == now + 90)
        #expect(CachingHints.freshUntil(headers: ["cache-control": "max-age=\"90\""], now: now) == now + 90)
        #expect(CachingHints.freshUntil(headers: ["cache-control": "max-age=abc"], now: now) == nil)
        #expect(CachingHints.freshUntil(headers: ["cache-control": "="], now: now) == nil)
    }

    @Test func expiresMinusDateUsesTheServersClock() {
        // The server's clock is a day behind ours; its 10-minute lifetime still counts from our now.
        let headers = ["date": "Tue, 17 Nov 2026 07:46:40 GMT", "expires": "Tue, 17 Nov 2026 07:56:40 GMT"]
        #expect(CachingHints.freshUntil(headers: headers, now: now) == now + 600)
    }

    @Test func expiresWithoutDateAndInvalidExpires() {
        #expect(CachingHints.freshUntil(headers: ["expires": "Thu, 01 Jan 2099 00:00:00 GMT"], now: now) != nil)
        #expect(CachingHints.freshUntil(headers: ["expires": "0"], now: now) == nil)
        #expect(CachingHints.freshUntil(headers: ["expires": "Thu, 01 Jan 1970 00:00:00 GMT"], now: now) == nil)
        #expect(CachingHints.freshUntil(headers: [:], now: now) == nil)
    }

    @Test func retryAfterSecondsAndDate() {
        #expect(CachingHints.retryAfter(headers: ["retry-after": "120"], now: now) == now + 120)
        #expect(CachingHints.retryAfter(headers: ["retry-after": " 0 "], now: now) == now)
        let date = "Sat, 21 Nov 2026 09:00:00 GMT"
        #expect(CachingHints.retryAfter(headers: ["retry-after": date], now: now) == HTTPDate.parse(date))
        // A date in the past means "now", not "never".
        #expect(CachingHints.retryAfter(headers: ["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"], now: now) == now)
        #expect(CachingHints.retryAfter(headers: ["retry-after": "-5"], now: now) == nil)
        #expect(CachingHints.retryAfter(headers: ["retry-after": "soon"], now: now) == nil)
        #expect(CachingHints.retryAfter(headers: [:], now: now) == nil)
    }
}
