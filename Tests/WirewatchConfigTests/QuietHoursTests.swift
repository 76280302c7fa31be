import Foundation
import Testing
import WirewatchConfig

@Suite("Quiet hours")
struct QuietHoursTests {
    var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    func at(_ hour: Int, _ minute: Int) -> Date {
        utc.date(from: DateComponents(year: 2026, month: 11, day: 21, hour: hour, minute: minute))!
    }

    @Test func parsesAndRejects() {
        #expect(QuietHours("22:00-07:00") == QuietHours(start: 22 * 60, end: 7 * 60))
        #expect(QuietHours("25:00-07:00") == nil)
        #expect(QuietHours("22:00") == nil)
        #expect(QuietHours("07:00-07:00") == nil)
    }

    @Test func aWindowAcrossMidnightEndsTheNextMorning() {
        let quiet = QuietHours("22:00-07:00")!
        #expect(quiet.end(ofWindowContaining: at(23, 30), calendar: utc) == utc.date(byAdding: .day, value: 1, to: at(7, 0)))
        #expect(quiet.end(ofWindowContaining: at(3, 0), calendar: utc) == at(7, 0))
        #expect(quiet.end(ofWindowContaining: at(12, 0), calendar: utc) == nil)
        #expect(quiet.end(ofWindowContaining: at(7, 0), calendar: utc) == nil)
    }

    @Test func aDaytimeWindow() {
        let quiet = QuietHours("09:00-17:30")!
        #expect(quiet.end(ofWindowContaining: at(9, 0), calendar: utc) == at(17, 30))
        #expect(quiet.end(ofWindowContaining: at(18, 0), calendar: utc) == nil)
    }

    @Test func badValueIsAnErrorAtItsLine() {
        #expect {
            _ = try Config.parse("[[alert]]\nname = \"a\"\nmatch = \"b\"\nquiet_hours = \"late\"\n", file: "w.toml")
        } throws: { error in
            "\(error)".contains("w.toml:4: alert \"a\": quiet_hours: expected \"HH:MM-HH:MM\"")
        }
    }
}
