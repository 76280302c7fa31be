import Foundation
import Testing
import WirewatchConfig
import WirewatchCore
import WirewatchTesting
@testable import WirewatchDaemon

/// `[[alert]] scope = "story"`: rules that read the story, fired once, when the
/// story first satisfies them, as outlets pick it up one after another.
@Suite("Story rules")
struct StoryRuleTests {
    static let story = ("s1", "General strike called in Minneapolis", "Unions across the Twin Cities vote to strike on Monday.")

    func config(in dir: TemporaryDirectory, feeds: [(String, String)]) throws -> Config {
        var text = """
            [archive]
            path = "archive.sqlite"
            [notify]
            log = "alerts.log"

            """
        for (name, tag) in feeds {
            try dir.write("\(name).xml", rss([Self.story]))
            text += "[[feed]]\nname = \"\(name)\"\nurl = \"\(name).xml\"\ntags = [\"\(tag)\"]\n"
        }
        text += """
            [[alert]]
            name = "crossover"
            scope = "story"
            match = 'strike AND covered:left AND covered:right'
            [[alert]]
            name = "wide"
            scope = "story"
            match = 'sources>=3 AND NOT covered:local'
            [[alert]]
            name = "strike"
            match = 'strike'
            """
        return try Config.load(path: try dir.write("wirewatch.toml", text))
    }

    @Test func storyRulesFireOnceWhenTheStoryFirstQualifies() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let sink = RecordingSink()
        let daemon = try Daemon(config: try config(in: dir, feeds: [("left-1", "left")]), sinks: [sink], logger: quietLogger)

        _ = await daemon.runOnce()
        // One outlet, left only: the item rule fires, no story rule does.
        #expect(await sink.alerts.map(\.rule) == ["strike"])

        try daemon.reload(try config(in: dir, feeds: [("left-1", "left"), ("right-1", "right")]))
        _ = await daemon.runOnce()
        // The right picks the story up: the crossover fires, on the right's item.
        var alerts = await sink.alerts
        #expect(alerts.map(\.rule) == ["strike", "crossover"])
        #expect(alerts.last?.feed == "right-1")
        #expect(alerts.last?.storyID == alerts.first?.storyID)

        try daemon.reload(try config(in: dir, feeds: [("left-1", "left"), ("right-1", "right"), ("left-2", "left")]))
        _ = await daemon.runOnce()
        // A third outlet: "wide" fires; the crossover has fired for this story already.
        alerts = await sink.alerts
        #expect(alerts.map(\.rule) == ["strike", "crossover", "wide"])

        _ = await daemon.runOnce()
        #expect(await sink.alerts.count == 3)
        await daemon.shutdown()
    }

    @Test func coverageTurnsOffAStoryRule() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let sink = RecordingSink()
        let feeds = [("left-1", "left"), ("local-1", "local"), ("right-1", "right")]
        let daemon = try Daemon(config: try config(in: dir, feeds: feeds), sinks: [sink], logger: quietLogger)
        _ = await daemon.runOnce()
        // Three outlets, but one is local: "wide" stays quiet.
        let rules = await sink.alerts.map(\.rule)
        #expect(rules.filter { $0 == "crossover" }.count == 1)
        #expect(!rules.contains("wide"))
        await daemon.shutdown()
    }

    @Test func storyFieldsOutsideStoryRulesAreConfigErrors() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("wirewatch.toml", """
            [[alert]]
            name = "wide"
            match = 'sources>=3'
            [[alert]]
            name = "odd"
            scope = "outlet"
            match = 'x'
            [[tag]]
            name = "t"
            match = 'covered:left'
            """)
        #expect {
            _ = try Config.load(path: file)
        } throws: { error in
            let text = "\(error)"
            return text.contains("wirewatch.toml:3") && text.contains("scope = \"story\"")
                && text.contains("wirewatch.toml:6") && text.contains("\"item\" or \"story\"")
                && text.contains("wirewatch.toml:10")
        }
    }
}
