import Foundation
import Testing
@testable import WirewatchFetch

@Suite struct HTTPDateTests {
    /// 1994-11-06T08:49:37Z, the RFC's example.
    static let example = Date(timeIntervalSince1970: 784_111_777)
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",  // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT",  // RFC 850
        "Sun Nov  6 08:49:37 1994",  // asctime
        "sun, 06 nov 1994 08:49:37 gmt",  // any case
        "06 Nov 1994 08:49:37 GMT",  // no weekday
        "Sun, 6 Nov 1994 08:49:37 GMT",  // one-digit day
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 06 Nov 1994 08:49:37 +0000",
        "Sun,  06 Nov 1994  08:49:37 GMT",  // extra spaces
    ])
    func parsesEveryForm(_ text: String) {
        #expect(HTTPDate.parse(text, now: Self.now) == Self.example)
    }

    @Test(arguments: [
        "", "0", "-1", "3600", "tomorrow", "Sun, 06 Nov 1994",
        "Sun, 32 Nov 1994 08:49:37 GMT",  // no such day
        "Sun, 29 Feb 1995 08:49:37 GMT",  // not a leap year
        "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:49:37 PST",  // HTTP dates are GMT only
        "Sun, 06 Nov 94 08:49:37 GMT",  // IMF needs four digits
        "Sun, 06 Nov 1994 8:4:37 GMT",
        "Sun, 06 Nov +994 08:49:37 GMT",
    ])
    func rejectsGarbage(_ text: String) {
        #expect(HTTPDate.parse(text, now: Self.now) == nil)
    }

    @Test func leapDayAndLeapSecond() {
        #expect(HTTPDate.parse("Thu, 29 Feb 2024 00:00:00 GMT") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(HTTPDate.parse("Sat, 31 Dec 2016 23:59:60 GMT") == Date(timeIntervalSince1970: 1_483_228_799))
    }

    @Test func rfc850TwoDigitYearsFollowTheFiftyYearRule() {
        // From 2026: "76" is 2076 (50 years ahead), "77" is 1977.
        #expect(HTTPDate.parse("Tuesday, 01-Jan-30 00:00:00 GMT", now: Self.now) == Date(timeIntervalSince1970: 1_893_456_000))
        #expect(HTTPDate.parse("Saturday, 01-Jan-77 00:00:00 GMT", now: Self.now) == Date(timeIntervalSince1970: 220_924_800))
    }

    @Test func civilCalendarRoundTrips() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (year, month, day) = HTTPDate.civil(fromDays: days)
            #expect(HTTPDate.daysFromCivil(year: year, month: month, day: day) == days)
        }
    }
}
