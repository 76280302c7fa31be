import Testing
import WirewatchRules
@testable import WirewatchConfig

@Suite("Config errors: every one, with its line")
struct ConfigErrorTests {
    @Test func unknownKeyInTheSecondFeed() {
        let text = """
            [[feed]]
            name = "first"
            url = "https://example.org/a.xml"

            [[feed]]
            name = "wsws"
            url = "https://www.wsws.org/en/rss.xml"
            tgas = ["left"]
            """
        let found = errors(of: text, file: "Feeds/wirewatch.toml")
        #expect(found.map(\.description) == [
            "Feeds/wirewatch.toml:8: feed \"wsws\": unknown key 'tgas' (did you mean 'tags'?)",
        ])
    }

    @Test func badDurations() {
        let text = """
            [poll]
            interval = "15x"
            timeout = "0s"
            [[feed]]
            name = "a"
            url = "https://example.org/a.xml"
            interval = "30s"
            [[feed]]
            name = "b"
            url = "https://example.org/b.xml"
            interval = 30
            """
        let found = errors(of: text)
        #expect(found.map(\.line) == [2, 3, 7, 11])
        #expect(found[0].message.hasPrefix(#"[poll]: interval: bad duration "15x": unknown unit 'x'"#))
        #expect(found[1].message == #"[poll]: timeout: "0s" is too short (at least 1s)"#)
        #expect(found[2].message == #"feed "a": interval: "30s" is too short (at least 1m)"#)
        #expect(found[3].message == #"feed "b": interval: expected a duration string such as "15m", found an integer"#)
    }

    @Test func duplicateNames() {
        let text = """
            [[feed]]
            name = "wsws"
            url = "https://example.org/a.xml"
            [[feed]]
            name = "wsws"
            url = "https://example.org/b.xml"
            [[tag]]
            name = "wsws"
            match = "x"
            [[alert]]
            name = "x"
            match = "x"
            [[alert]]
            name = "x"
            match = "y"
            """
        let found = errors(of: text)
        #expect(found.map(\.description) == [
            #"/cfg/wirewatch.toml:5: feed "wsws": duplicate name (the first feed "wsws" is at line 2)"#,
            #"/cfg/wirewatch.toml:14: alert "x": duplicate name (the first alert "x" is at line 11)"#,
        ])
    }

    @Test func badQueryKeepsItsColumnAndCaret() throws {
        let query = #""general strike" AND (Minneapolis OR "Twin Cities"#
        let text = """
            [[alert]]
            name = "minneapolis-strike"

            match = '\(query)'
            """
        // The column and wording are WirewatchRules'; the config must pass them through.
        let expected: QuerySyntaxError
        do {
            _ = try Query(query)
            Issue.record("the query was expected to be invalid")
            return
        } catch {
            expected = error
        }
        let found = errors(of: text, file: "Feeds/wirewatch.toml")
        try #require(found.count == 1)
        #expect(found[0].line == 4)
        #expect(found[0].description == """
            Feeds/wirewatch.toml:4: alert "minneapolis-strike": match: column \(expected.column): \(expected.message)
            """)
        #expect(expected.column > 1)
        #expect(found[0].detail == expected.caretDiagram)
    }

    @Test func tomlSyntaxErrorWithLineAndCaret() throws {
        let text = """
            [poll]
            interval = "15m"
            timeout = 
            """
        let found = errors(of: text)
        try #require(found.count == 1)
        #expect(found[0].line == 3)
        #expect(found[0].message.hasPrefix("syntax error: column 11: "))
        #expect(found[0].detail == "timeout = \n          ^")
    }

    @Test func everyErrorIsReportedInLineOrder() {
        let text = """
            [archve]
            path = "x"

            [poll]
            concurrency = 0

            [[feed]]
            url = "ftp://example.org/a.xml"
            tags = "left"

            [[feed]]
            name = "bad name"
            url = "https://example.org/b.xml"
            tags = [
              "ok",
              3,
            ]
            enabled = "yes"

            [[tag]]
            name = "ice"

            [[alert]]
            match = "x"
            extra = 1
            """
        let found = errors(of: text)
        #expect(found.map(\.description) == [
            "/cfg/wirewatch.toml:1: unknown table [archve] (did you mean [archive]?)",
            "/cfg/wirewatch.toml:5: [poll]: concurrency: 0 is out of range (1…256)",
            "/cfg/wirewatch.toml:7: feed #1: missing required key 'name'",
            "/cfg/wirewatch.toml:8: feed #1: url: unsupported URL scheme 'ftp' (use http, https, file, or a path)",
            "/cfg/wirewatch.toml:9: feed #1: tags: expected an array of strings, found a string",
            "/cfg/wirewatch.toml:12: feed #2: name: 'bad name' contains ' ' (use letters, digits, - _ .)",
            "/cfg/wirewatch.toml:16: feed #2: tags[1]: expected a string, found an integer",
            "/cfg/wirewatch.toml:18: feed #2: enabled: expected true or false, found a string",
            #"/cfg/wirewatch.toml:20: tag "ice": missing required key 'match'"#,
            "/cfg/wirewatch.toml:23: alert #1: missing required key 'name'",
            "/cfg/wirewatch.toml:25: alert #1: unknown key 'extra'",
        ])
    }

    @Test func wrongShapesOfSections() {
        let text = """
            archive = "x.sqlite"
            [feed]
            name = "a"
            [[poll]]
            interval = "1m"
            """
        #expect(errors(of: text).map(\.description) == [
            "/cfg/wirewatch.toml:1: 'archive' must be a table, written [archive]; found a string",
            "/cfg/wirewatch.toml:2: 'feed' must be an array of tables, written [[feed]]; found a table",
            "/cfg/wirewatch.toml:4: 'poll' must be a table, written [poll]; found an array",
        ])
    }

    @Test func badURLs() {
        let urls = [
            "": "must not be empty",
            "https://": "'https://' is not a valid https URL (no host)",
            "file://relative/a.xml": "file URLs need an absolute path",
            "feed:https://example.org": "unsupported URL scheme 'feed' (a browser's feed link: write https://example.org)",
            "feed://example.org/rss": "unsupported URL scheme 'feed' (a browser's feed link: write https://example.org/rss)",
            "www.example.org/feed":
                "'www.example.org/feed' reads as a file relative to the config, and there is none; for a web address write https://www.example.org/feed",
            "example.org": "'example.org' reads as a file relative to the config",
            "a b.xml": "must not contain spaces",
        ]
        for (url, reason) in urls {
            let found = errors(of: "[[feed]]\nname = \"a\"\nurl = \"\(url)\"\n")
            #expect(found.count == 1, "\(url)")
            #expect(found.first?.line == 3)
            #expect(found.first?.message.hasPrefix("feed \"a\": url: \(reason)") == true, "\(found)")
        }
    }

    @Test func badNames() {
        for (name, reason) in ["": "must not be empty", "-x": "'-x' must start with a letter or digit"] {
            let found = errors(of: "[[tag]]\nname = \"\(name)\"\nmatch = \"x\"\n")
            #expect(found.map(\.message) == ["tag #1: name: \(reason)"])
            #expect(found.map(\.line) == [2])
        }
    }

    @Test func duplicateAndInvalidFeedTags() {
        let text = "[[feed]]\nname = \"a\"\nurl = \"a.xml\"\ntags = [\"us\",\n \"us\", \"\"]\n"
        #expect(errors(of: text).map(\.description) == [
            #"/cfg/wirewatch.toml:5: feed "a": tags: 'us' is listed twice"#,
            #"/cfg/wirewatch.toml:5: feed "a": tags[2]: must not be empty"#,
        ])
    }

    @Test func emptyQueryAndConcurrencyType() {
        let text = "[poll]\nconcurrency = 8.0\n[[alert]]\nname = \"a\"\nmatch = \"  \"\n"
        #expect(errors(of: text).map(\.description) == [
            "/cfg/wirewatch.toml:2: [poll]: concurrency: expected an integer, found a floating-point number",
            #"/cfg/wirewatch.toml:5: alert "a": match: must not be empty"#,
        ])
    }

    @Test func unreadableFileHasNoLine() {
        #expect(throws: ConfigErrors.self) { try Config.load(path: "/nonexistent/wirewatch.toml") }
        do {
            _ = try Config.load(path: "/nonexistent/wirewatch.toml")
        } catch {
            #expect(error.description == "/nonexistent/wirewatch.toml: cannot read the config: no such file")
        }
    }

    @Test func crlfAndByteOrderMarkKeepLinesRight() {
        let text = "\u{FEFF}# comment\r\n[poll]\r\n\r\ninterval = \"1x\"\r\ntitle = 1\r\n"
        #expect(errors(of: text).map(\.line) == [4, 5])
    }

    @Test func syntaxErrorCaretWithCRLF() {
        let found = errors(of: "[poll]\r\ninterval = \"1m\"\r\n\tx = = 1\r\n")
        #expect(found.map(\.line) == [3])
        #expect(found.first?.detail == "\tx = = 1\n\t    ^")
    }

    @Test func unknownRootKeysAndTables() {
        let text = "title = \"x\"\n[[feeds]]\nname = \"a\"\n[[alerts]]\n"
        #expect(errors(of: text).map(\.description) == [
            "/cfg/wirewatch.toml:1: unknown key 'title'",
            "/cfg/wirewatch.toml:2: unknown table [[feeds]] (did you mean [[feed]]?)",
            "/cfg/wirewatch.toml:4: unknown table [[alerts]] (did you mean [[alert]]?)",
        ])
    }

    @Test func detailedDescriptionIndentsTheCaret() {
        let error = ConfigError(file: "f.toml", line: 3, message: "m", detail: "abc\n ^")
        #expect(error.detailedDescription == "f.toml:3: m\n    abc\n     ^")
    }
}
