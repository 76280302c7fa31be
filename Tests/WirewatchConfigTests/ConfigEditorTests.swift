import Foundation
import Testing
@testable import WirewatchConfig

@Suite("ConfigEditor")
struct ConfigEditorTests {
    let original = """
        # My feeds — keep this comment
        [archive]
        path = "a.sqlite"   # trailing comment

        [[feed]]
        name = "one"
        url  = "https://one.example/rss"
        tags = ["left"]

        # Second feed, commented
        [[feed]]
        name = "two"
        url  = "https://two.example/rss"
        [feed.keep]
        max_items = 10

        # Rules below
        [[alert]]
        name = "a"
        match = 'strike'

        """

    @Test func addPutsTheNewFeedAfterTheLastFeedAndKeepsEverythingElse() throws {
        let edited = try ConfigEditor.addingFeeds([NewFeed(name: "three", url: "https://three.example/feed", tags: ["us", "local"])], to: original)
        #expect(edited == original.replacingOccurrences(of: "max_items = 10\n", with: """
            max_items = 10

            [[feed]]
            name = "three"
            url = "https://three.example/feed"
            tags = ["us", "local"]

            """))
        let config = try #require(parsed(edited))
        #expect(config.feeds.map(\.name) == ["one", "two", "three"])
        #expect(config.feeds[2].tags == ["us", "local"])
        #expect(config.alertRules.count == 1)
    }

    @Test func addToAFileWithoutFeedsAppends() throws {
        let text = "[archive]\npath = \"x.sqlite\""
        let edited = try ConfigEditor.addingFeeds([NewFeed(name: "a", url: "/tmp/a.xml"), NewFeed(name: "b", url: "b.xml")], to: text)
        #expect(edited == "[archive]\npath = \"x.sqlite\"\n\n[[feed]]\nname = \"a\"\nurl = \"/tmp/a.xml\"\n\n[[feed]]\nname = \"b\"\nurl = \"b.xml\"\n")
        #expect(parsed(edited)?.feeds.count == 2)
        #expect(try ConfigEditor.addingFeeds([NewFeed(name: "a", url: "a.xml")], to: "") == "[[feed]]\nname = \"a\"\nurl = \"a.xml\"\n")
    }

    @Test func addKeepsCRLFLineBreaks() throws {
        let text = "[[feed]]\r\nname = \"one\"\r\nurl = \"one.xml\"\r\n"
        let edited = try ConfigEditor.addingFeeds([NewFeed(name: "two", url: "two.xml")], to: text)
        #expect(edited == "[[feed]]\r\nname = \"one\"\r\nurl = \"one.xml\"\r\n\r\n[[feed]]\r\nname = \"two\"\r\nurl = \"two.xml\"\r\n")
    }

    @Test func stringsAreEscaped() {
        #expect(ConfigEditor.tomlString(#"a "b" \c"#) == #""a \"b\" \\c""#)
        #expect(ConfigEditor.tomlString("x\u{1}y\n") == #""x\u0001y\n""#)
    }

    @Test func removeCutsExactlyThatBlockWithItsSubtables() throws {
        let edited = try ConfigEditor.removingFeed(named: "two", from: original, file: "w.toml")
        #expect(edited == original.replacingOccurrences(of: """
            [[feed]]
            name = "two"
            url  = "https://two.example/rss"
            [feed.keep]
            max_items = 10


            """, with: ""))
        #expect(parsed(edited)?.feeds.map(\.name) == ["one"])
    }

    @Test func removeFirstFeedKeepsTheCommentsAroundIt() throws {
        let edited = try ConfigEditor.removingFeed(named: "one", from: original, file: "w.toml")
        #expect(edited == original.replacingOccurrences(of: """
            [[feed]]
            name = "one"
            url  = "https://one.example/rss"
            tags = ["left"]


            """, with: ""))
        #expect(edited.contains("# Second feed, commented"))
        #expect(parsed(edited)?.feeds.map(\.name) == ["two"])
    }

    @Test func removeTheOnlyFeedAtTheEnd() throws {
        let text = "[poll]\ninterval = \"1h\"\n\n[[feed]]\nname = \"x\"\nurl = \"x.xml\"\n"
        #expect(try ConfigEditor.removingFeed(named: "x", from: text, file: "w.toml") == "[poll]\ninterval = \"1h\"\n")
    }

    @Test func removeAnUnknownNameSaysSoAndSuggests() {
        #expect(throws: ConfigEditError("w.toml: no feed named 'tow' (did you mean 'two'?)")) {
            try ConfigEditor.removingFeed(named: "tow", from: original, file: "w.toml")
        }
    }

    @Test func inlineFeedsAreRefused() {
        let text = #"feed = [{ name = "a", url = "a.xml" }]"#
        #expect(throws: ConfigEditError.self) { try ConfigEditor.removingFeed(named: "a", from: text, file: "w.toml") }
    }

    @Test func fileEditorRefusesAnInvalidResultAndLeavesTheFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/wirewatch.toml"
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let editor = ConfigFileEditor(path: path)
        // A duplicate name: the loader says where.
        let bad = try ConfigEditor.addingFeeds([NewFeed(name: "one", url: "x.xml")], to: editor.read())
        #expect(throws: ConfigErrors.self) { try editor.write(bad) }
        #expect(try editor.read() == original)

        let good = try ConfigEditor.addingFeeds([NewFeed(name: "new", url: "x.xml")], to: editor.read())
        let config = try editor.write(good)
        #expect(config.feeds.count == 3)
        #expect(try editor.read() == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["wirewatch.toml"])
    }

    @Test func slugs() {
        #expect(FeedNaming.slug("The Guardian — US news") == "the-guardian-us-news")
        #expect(FeedNaming.slug("Québec Solidaire!") == "quebec-solidaire")
        #expect(FeedNaming.slug("—") == nil)
        // A long title is cut after its last whole word.
        let long = FeedNaming.slug("Le Monde.fr - Actualités et Infos en France et dans le monde")
        #expect(long == "le-monde-fr-actualites-et-infos-en-france-et-dans-le")
        #expect(FeedNaming.slug(forURL: "https://www.wsws.org/en/rss.xml") == "wsws")
        #expect(FeedNaming.slug(forURL: "/srv/feeds/local-news.xml") == "local-news")
        #expect(FeedNaming.unique("a", among: ["a", "a-2"]) == "a-3")
        #expect(FeedNaming.unique("b", among: ["a"]) == "b")
    }
}
