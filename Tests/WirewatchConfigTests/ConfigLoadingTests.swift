import Foundation
import Testing
import WirewatchCore
@testable import WirewatchConfig

@Suite("Loading valid configs")
struct ConfigLoadingTests {
    static let full = """
        # every key, set
        [archive]
        path = "data/archive.sqlite"

        [notify]
        log = "/var/log/wirewatch/alerts.log"

        [poll]
        interval = "1h30m"
        timeout = "45s"
        concurrency = 16

        [[feed]]
        name = "wsws"
        url  = "https://www.wsws.org/en/rss.xml"
        tags = ["left", "us"]
        interval = "30m"
        enabled = false

        [[feed]]
        name = "local.sample_1"
        url = "samples/local.xml"
        tags = [
            "local",   # a comment inside a multi-line array
            "us",
        ]

        [[feed]]
        name = "abs"
        url = "file:///srv/feeds/a%20b.xml"

        [[tag]]
        name  = "ice"
        match = 'ICE OR "Immigration and Customs Enforcement"'

        [[alert]]
        name  = "minneapolis-strike"
        match = '"general strike" AND (Minneapolis OR "Twin Cities")'
        """

    @Test func fullConfigLoadsEveryField() throws {
        let config = try #require(parsed(Self.full, file: "/etc/wirewatch/wirewatch.toml"))
        #expect(config.file == "/etc/wirewatch/wirewatch.toml")
        #expect(config.directory == "/etc/wirewatch")
        #expect(config.archivePath == "/etc/wirewatch/data/archive.sqlite")
        #expect(config.alertLogPath == "/var/log/wirewatch/alerts.log")
        #expect(config.poll == PollSettings(interval: .seconds(5400), timeout: .seconds(45), concurrency: 16))

        #expect(config.feeds.count == 3)
        let wsws = config.feeds[0]
        #expect(wsws.name == "wsws")
        #expect(wsws.url == "https://www.wsws.org/en/rss.xml")
        #expect(wsws.source == .http("https://www.wsws.org/en/rss.xml"))
        #expect(wsws.tags == ["left", "us"])
        #expect(wsws.interval == .seconds(1800))
        #expect(wsws.enabled == false)
        #expect(wsws.line == 13)

        let local = config.feeds[1]
        #expect(local.name == "local.sample_1")
        #expect(local.url == "samples/local.xml")
        #expect(local.source == .file("/etc/wirewatch/samples/local.xml"))
        #expect(local.tags == ["local", "us"])
        #expect(local.interval == nil)
        #expect(local.enabled == true)
        #expect(local.line == 20)

        #expect(config.feeds[2].source == .file("/srv/feeds/a b.xml"))
        #expect(config.feeds[2].tags == [])

        #expect(config.tagRules.map(\.name) == ["ice"])
        #expect(config.tagRules[0].query.source == #"ICE OR "Immigration and Customs Enforcement""#)
        #expect(config.tagRules[0].line == 32)
        #expect(config.alertRules.map(\.name) == ["minneapolis-strike"])
        #expect(config.alertRules[0].query.source == #""general strike" AND (Minneapolis OR "Twin Cities")"#)
        #expect(config.alertRules[0].line == 36)
    }

    @Test func emptyConfigGetsDefaults() throws {
        let config = try #require(parsed("", file: "/home/me/.config/wirewatch/wirewatch.toml"))
        #expect(config.archivePath == "/home/me/.config/wirewatch/wirewatch.sqlite")
        #expect(config.alertLogPath == "/home/me/.config/wirewatch/alerts.log")
        #expect(config.poll == PollSettings(interval: .seconds(900), timeout: .seconds(30), concurrency: 8))
        #expect(config.feeds.isEmpty && config.tagRules.isEmpty && config.alertRules.isEmpty)
    }

    @Test func relativePathsResolveAgainstTheConfigFolder() throws {
        let text = """
            [archive]
            path = "../state/./a.sqlite"
            [notify]
            log = "logs/alerts.log"
            [[feed]]
            name = "a"
            url = "samples/a.xml"
            [[feed]]
            name = "b"
            url = "/srv/b.xml"
            [[feed]]
            name = "c"
            url = "~/c.xml"
            [[feed]]
            name = "d"
            url = "./../d.xml"
            """
        let config = try #require(parsed(text, file: "/opt/demo/conf/w.toml"))
        #expect(config.archivePath == "/opt/demo/state/a.sqlite")
        #expect(config.alertLogPath == "/opt/demo/conf/logs/alerts.log")
        #expect(config.feeds.map(\.source) == [
            .file("/opt/demo/conf/samples/a.xml"),
            .file("/srv/b.xml"),
            .file("/opt/demo/conf/~/c.xml"),  // `~` is not expanded
            .file("/opt/demo/d.xml"),
        ])
        #expect(config.feeds.map(\.url) == ["samples/a.xml", "/srv/b.xml", "~/c.xml", "./../d.xml"])
    }

    @Test func relativeConfigFileResolvesAgainstTheCurrentDirectory() throws {
        let config = try #require(parsed("[[feed]]\nname = \"x\"\nurl = \"x.xml\"\n", file: "conf/w.toml"))
        let cwd = FileManager.default.currentDirectoryPath
        #expect(config.file == PathResolver.normalize(cwd + "/conf/w.toml"))
        #expect(config.feeds[0].source == .file(PathResolver.normalize(cwd + "/conf/x.xml")))
    }

    @Test func loadReadsTheFileAndACopiedFolderKeepsWorking() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/wirewatch.toml"
        try "[archive]\npath = \"a.sqlite\"\n[[feed]]\nname = \"s\"\nurl = \"samples/s.xml\"\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let config = try Config.load(path: file)
        #expect(config.file == file)
        #expect(config.directory == directory)
        #expect(config.archivePath == directory + "/a.sqlite")
        #expect(config.feeds[0].source == .file(directory + "/samples/s.xml"))
    }

    @Test func inlineTablesAreAccepted() throws {
        let text = """
            poll = { interval = "5m", concurrency = 2 }
            feed = [
              { name = "a", url = "http://127.0.0.1:8080/a.xml", tags = ["x"] },
              { name = "b", url = "HTTPS://example.org/b" },
            ]
            """
        let config = try #require(parsed(text))
        #expect(config.poll.interval == .seconds(300))
        #expect(config.poll.concurrency == 2)
        #expect(config.feeds.map(\.name) == ["a", "b"])
        #expect(config.feeds.map(\.line) == [3, 4])
        #expect(config.feeds[1].source == .http("HTTPS://example.org/b"))
    }

    @Test func fileURLForms() throws {
        let text = """
            [[feed]]
            name = "a"
            url = "file://localhost/srv/a.xml"
            [[feed]]
            name = "b"
            url = "FILE:///srv/../b.xml"
            """
        let config = try #require(parsed(text))
        #expect(config.feeds.map(\.source) == [.file("/srv/a.xml"), .file("/b.xml")])
    }
}
