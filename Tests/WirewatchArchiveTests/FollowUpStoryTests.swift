import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

/// A wire service's next-day follow-up reuses the first article's background
/// paragraphs under a new lede. It is a new article: its own story and alert,
/// even though an outlet's lightly edited copy of the first day's article sits
/// between them in the archive.
@Suite("Follow-up articles")
struct FollowUpStoryTests {
    static let background = [
        "The Minnesota Nurses Association said 93% of members who cast ballots supported the walkout, which is scheduled to begin at 7 a.m. Monday and last three days unless an agreement is reached before then.",
        "“We have been at the table since March and the hospitals have refused to take our staffing concerns seriously,” said Mary Turner, a nurse at North Memorial and the union's president. “Our patients deserve better.”",
        "The nurses' last contract expired in June. The union has said that chronic understaffing has led to burnout and turnover, and that nurses are routinely assigned more patients than they can safely care for.",
        "A strike in 2022 by about 15,000 nurses in the Twin Cities and Duluth lasted three days and was one of the largest private-sector nurse strikes in U.S. history.",
    ]
    static let dayOne = [
        "MINNEAPOLIS (AP) — Nurses at three Minneapolis hospitals voted Tuesday to go on strike next week after contract negotiations collapsed over staffing levels, wages and the use of traveling nurses, union leaders said.",
        background[0],
        "Hospital executives said in a joint statement that they were disappointed by the vote and had contracted with an agency to bring in replacement nurses so that emergency departments and intensive care units could remain open.",
        background[1], background[2], background[3],
    ]
    /// An outlet's copy: its own first sentence, an ad slot, a "Read more" line and a credit.
    static let outletCopy = [
        "Nurses at three Minneapolis hospitals voted Tuesday to strike next week after contract negotiations collapsed over staffing levels, wages and the use of traveling nurses, union leaders said.",
        "ADVERTISEMENT", dayOne[1], dayOne[2], dayOne[3], "Read more: How the 2022 nurse strike unfolded", dayOne[4], dayOne[5],
        "___ Associated Press writer Steve Karnowski contributed to this report.",
    ]
    static let dayTwo = [
        "MINNEAPOLIS (AP) — Talks between striking nurses and three Minneapolis hospitals resumed Thursday with a federal mediator present, as hundreds of nurses marched outside North Memorial on the second day of the walkout.",
        "Neither side reported progress after eight hours of negotiations. A spokesperson for the hospitals said replacement nurses had been working without incident and that elective surgeries had been postponed.",
        "Several state legislators joined the picket line on Thursday afternoon, and Gov. Tim Walz urged both sides to return to the table and reach a fair agreement quickly.",
        "The Minnesota Nurses Association said 93% of members who cast ballots supported the walkout, which began at 7 a.m. Monday.",
        background[1], background[2], background[3],
    ]

    @Test func aFollowUpReusingBackgroundIsAStoryOfItsOwn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("wire", "u1"), ("paper", "u2")])
        let text = { (paragraphs: [String]) in paragraphs.joined(separator: "\n\n") }
        var alerts = try archive.ingest(feedID: ids["wire"]!, feedName: "wire", items: [
            entry("ap-1", title: "Minneapolis nurses vote to strike at 3 hospitals", text: text(Self.dayOne), alerts: ["nurses"]),
        ]).alerts.count
        alerts += try archive.ingest(feedID: ids["paper"]!, feedName: "paper", items: [
            entry("p-1", title: "Nurses at 3 Minneapolis hospitals vote to walk off the job", text: text(Self.outletCopy), alerts: ["nurses"]),
        ]).alerts.count
        #expect(alerts == 1)
        #expect(try archive.stories().count == 1)

        let followUp = try archive.ingest(feedID: ids["wire"]!, feedName: "wire", items: [
            entry("ap-2", title: "Talks resume as Minneapolis nurses strike for second day", text: text(Self.dayTwo), alerts: ["nurses"]),
        ])
        #expect(followUp.alerts.count == 1)
        let stories = try archive.stories()
        #expect(stories.count == 2)
        #expect(stories.map(\.itemCount).sorted() == [1, 2])
    }
}
