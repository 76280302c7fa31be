import Testing
@testable import WirewatchConfig

@Suite("Durations")
struct DurationParsingTests {
    @Test(arguments: [
        ("90s", 90), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("1d", 86_400),
        ("1d2h3m4s", 93_784), ("0s", 0), ("120m", 7200),
    ] as [(String, Int64)])
    func valid(text: String, seconds: Int64) throws {
        #expect(try Duration(configString: text) == .seconds(seconds))
    }

    @Test(arguments: [
        ("", "empty duration"),
        ("15", "missing unit after 15"),
        ("15x", "unknown unit 'x'"),
        ("m", "expected a number at 'm'"),
        ("30m1h", "units must go from largest to smallest, each once (d, h, m, s)"),
        ("1m1m", "units must go from largest to smallest, each once (d, h, m, s)"),
        ("1 h", "unknown unit ' '"),
        ("-5m", "expected a number at '-5m'"),
        ("99999999999999999999s", "number too large"),
        ("999999999999999d", "number too large"),
    ])
    func invalid(text: String, reason: String) {
        #expect(throws: DurationSyntaxError(reason)) { try Duration(configString: text) }
    }

    @Test func configDescription() {
        #expect(Duration.seconds(5400).configDescription == "1h30m")
        #expect(Duration.seconds(60).configDescription == "1m")
        #expect(Duration.seconds(0).configDescription == "0s")
        #expect(Duration.seconds(90_061).configDescription == "1d1h1m1s")
    }
}
