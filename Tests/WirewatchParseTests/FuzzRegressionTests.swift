import Testing
@testable import WirewatchParse

/// Inputs found by scripts/fuzz-parser that once crashed the parser.
@Suite("Fuzzer finds")
struct FuzzRegressionTests {
    /// crash-b0267316: seconds with 70 digits trapped converting Double to Int. Now the
    /// date is read no further than it makes sense (or not at all), never past that day.
    @Test(arguments: [
        "2026-11-19T16:00:15555555555555555555555555555555555555555555555555555555555555555555500Z",
        "2026-11-19T16:00:00.1e400Z",
    ])
    func overlongSecondsDoNotTrap(_ text: String) {
        if let date = FeedDate.parse(text) {
            #expect(FeedDate.iso(date).hasPrefix("2026-11-19T16:00:"))
        }
    }

    @Test(arguments: [
        "2026-11-19T99999999999999999999:00:00Z",
        "2026-11-19T16:00:00+00:99999999999999999",
        "2026-11-19T16:00:00+00:1000000000000000000",
        "Sat, 21 Nov 2026 06:00:00 +999999999999999999",
    ])
    func hostileDatesAreNilNotACrash(_ text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    @Test func theWholeFoundDocumentParses() {
        let document = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><id>tag:x,2026:1</id><title>One</title>
            <updated>2026-11-19T16:00:15555555555555555555555555555555555555555555555555555555555555555555500Z</updated>
            <published>2026-11-20T10:55:00Z</published></entry>
            </feed>
            """
        let feed = FeedParser().parse(Array(document.utf8))
        #expect(feed.items.count == 1)
        #expect(feed.items[0].published.map(FeedDate.iso) == "2026-11-20T10:55:00Z")
    }
}
