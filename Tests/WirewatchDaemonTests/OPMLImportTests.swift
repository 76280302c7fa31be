import Foundation
import Testing
import WirewatchConfig
import WirewatchParse
import WirewatchTesting
@testable import WirewatchDaemon

@Suite("OPML import and export")
struct OPMLImportTests {
    let configText = """
        # my config
        [[feed]]
        name = "wsws"
        url = "https://www.wsws.org/en/rss.xml"
        tags = ["left"]
        """

    @Test func planNamesTagsAndSkipsDuplicates() throws {
        let config = try Config.parse(configText, file: "/cfg/wirewatch.toml")
        let opml = """
            <opml version="2.0"><head/><body>
              <outline text="Left press">
                <outline type="rss" text="WSWS again" xmlUrl="HTTPS://WWW.WSWS.ORG/en/rss.xml"/>
                <outline type="rss" text="Jacobin" xmlUrl="https://jacobin.com/feed/" category="/magazines,/us"/>
                <outline text="Local news">
                  <outline type="rss" text="Jacobin" xmlUrl="https://jacobin.com/feed/"/>
                  <outline type="rss" text="Sahan Journal" xmlUrl="https://sahanjournal.com/feed/"/>
                </outline>
              </outline>
              <outline type="rss" text="Bad scheme" xmlUrl="feed://x.example/rss"/>
              <outline type="rss" xmlUrl="https://www.wsws.org/de/rss.xml"/>
            </body></opml>
            """
        let plan = OPMLImportPlan(try OPMLReader.read(Array(opml.utf8), file: "s.opml"), config: config)
        #expect(plan.feeds == [
            // Filed again under "Local news": one feed, with that folder's tag too.
            NewFeed(name: "jacobin", url: "https://jacobin.com/feed/", tags: ["left-press", "magazines", "us", "local-news"]),
            NewFeed(name: "sahan-journal", url: "https://sahanjournal.com/feed/", tags: ["left-press", "local-news"]),
            NewFeed(name: "wsws-2", url: "https://www.wsws.org/de/rss.xml", tags: []),
        ])
        #expect(plan.duplicates.map(\.line) == [3, 6])
        #expect(plan.invalid.map(\.reason) == ["feed://x.example/rss: unsupported URL scheme 'feed' (a browser's feed link: write https://x.example/rss)"])

        // Appended with the config editor, the result is a valid config with every feed.
        let edited = try ConfigEditor.addingFeeds(plan.feeds, to: configText)
        #expect(edited.hasPrefix(configText + "\n\n[[feed]]\nname = \"jacobin\""))
        let after = try Config.parse(edited, file: "/cfg/wirewatch.toml")
        #expect(after.feeds.map(\.name) == ["wsws", "jacobin", "sahan-journal", "wsws-2"])
    }

    @Test func exportThenImportRoundTrips() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let source = try Config.parse("""
            [[feed]]
            name = "a"
            url = "https://a.example/rss?x=1&y=2"
            tags = ["left", "us"]
            [[feed]]
            name = "local"
            url = "samples/local.xml"
            enabled = false
            """, file: dir.path + "/wirewatch.toml")
        let document = OPMLExport.document(for: source)
        #expect(document.contains(#"<outline type="rss" text="a" title="a" xmlUrl="https://a.example/rss?x=1&amp;y=2" category="/left,/us"/>"#))
        #expect(document.contains(#"xmlUrl="file://\#(dir.path)/samples/local.xml""#))

        let empty = try Config.parse("", file: dir.path + "/other.toml")
        let plan = OPMLImportPlan(try OPMLReader.read(Array(document.utf8), file: "export.opml"), config: empty)
        #expect(plan.feeds == [
            NewFeed(name: "a", url: "https://a.example/rss?x=1&y=2", tags: ["left", "us"]),
            NewFeed(name: "local", url: "file://\(dir.path)/samples/local.xml", tags: []),
        ])
        let imported = try Config.parse(try ConfigEditor.addingFeeds(plan.feeds, to: ""), file: dir.path + "/other.toml")
        #expect(imported.feeds.map(\.source) == source.feeds.map(\.source))

        // Importing the same list again adds nothing.
        #expect(OPMLImportPlan(try OPMLReader.read(Array(document.utf8), file: "export.opml"), config: source).feeds.isEmpty)
    }
}
