import Testing
import WirewatchParse

@Suite("OPML")
struct OPMLTests {
    @Test func readsNestedFoldersAndCategories() throws {
        let opml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0">
              <head><title>subs</title></head>
              <body>
                <outline text="News">
                  <outline text="Local">
                    <outline type="rss" text="Star Tribune" xmlUrl="https://www.startribune.com/rss" htmlUrl="https://www.startribune.com/"/>
                  </outline>
                  <outline type="rss" title="Only a title" xmlUrl=" https://b.example/feed " category="/left,/us/labor"/>
                </outline>
                <outline type="rss" text="Top" xmlurl="https://c.example/atom.xml"/>
                <outline type="link" text="a web page" url="https://d.example/"/>
              </body>
            </opml>
            """
        let feeds = try OPMLReader.read(Array(opml.utf8), file: "subs.opml")
        #expect(feeds == [
            OPMLFeed(title: "Star Tribune", xmlURL: "https://www.startribune.com/rss", htmlURL: "https://www.startribune.com/",
                     folders: ["News", "Local"], line: 7),
            OPMLFeed(title: "Only a title", xmlURL: "https://b.example/feed", folders: ["News"],
                     categories: ["left", "us", "labor"], line: 9),
            OPMLFeed(title: "Top", xmlURL: "https://c.example/atom.xml", line: 11),
        ])
    }

    @Test func malformedFileIsOneLineWithFileAndLine() {
        let opml = "<opml version=\"2.0\">\n<body>\n<outline text=\"a\" xmlUrl=\"x\">\n</body>\n</opml>\n"
        do {
            _ = try OPMLReader.read(Array(opml.utf8), file: "bad.opml")
            Issue.record("no error")
        } catch {
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("bad.opml:4: not well-formed XML: "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func notOPMLSaysWhatItIs() {
        #expect(throws: OPMLError(file: "f.xml", line: 1, message: "not an OPML document (the root element is <rss>, not <opml>)")) {
            try OPMLReader.read(Array("<rss version=\"2.0\"><channel/></rss>".utf8), file: "f.xml")
        }
        #expect(throws: OPMLError.self) { try OPMLReader.read([], file: "empty.opml") }
    }

    @Test func writerEscapesAndReadsBack() throws {
        let document = OPMLWriter.document(title: "T & co", entries: [
            .init(name: "a<b", url: "https://x.example/?a=1&b=\"2\"", tags: ["left", "us"]),
            .init(name: "plain", url: "file:///srv/f.xml", tags: []),
        ])
        #expect(document.contains(#"<outline type="rss" text="a&lt;b" title="a&lt;b" xmlUrl="https://x.example/?a=1&amp;b=&quot;2&quot;" category="/left,/us"/>"#))
        let feeds = try OPMLReader.read(Array(document.utf8), file: "out.opml")
        #expect(feeds.map(\.xmlURL) == ["https://x.example/?a=1&b=\"2\"", "file:///srv/f.xml"])
        #expect(feeds.map(\.title) == ["a<b", "plain"])
        #expect(feeds[0].categories == ["left", "us"])
    }
}
