import Testing
@testable import WirewatchConfig

@Suite("KeyLocator: the line of every node")
struct KeyLocatorTests {
    static let document = """
        title = "x"                     # 1
        [archive]                       # 2
        path = "a"                      # 3
        [[feed]]                        # 4
        name = "one"                    # 5
        [[feed]]                        # 6
        name = "two"                    # 7
        tags = [                        # 8
          "a",                          # 9
          [1, 2], "b",                  # 10
        ]                               # 11
        [feed.extra]                    # 12
        deep.er."quoted.key" = 1        # 13
        [ "spaced" . 'lit' ]            # 14
        text = \"\"\"                       # 15
        [[feed]] is not a header here   # 16
        \"\"\"                              # 17
        after = '''it's'''               # 18
        inline = { a = 1, b = { c = [   # 19
          2 ] }, d = "}" }              # 20
        [[feed]]                        # 21
        name = "three"                  # 22
        escaped = "quote \\" [x] #"      # 23
        last = 1979-05-27 07:32:00Z     # 24
        """

    let locator = KeyLocator(source: Self.document)

    func line(_ path: TOMLPathComponent...) -> Int? { locator.line(of: path) }

    @Test func theDocumentIsValidTOML() {
        // Unknown keys, yes; but no syntax error, so the walk above is over real TOML.
        #expect(!errors(of: Self.document).contains { $0.message.hasPrefix("syntax error") })
    }

    @Test func tablesAndArraysOfTables() {
        #expect(line(.key("title")) == 1)
        #expect(line(.key("archive")) == 2)
        #expect(line(.key("archive"), .key("path")) == 3)
        #expect(line(.key("feed")) == 4)
        #expect(line(.key("feed"), .index(0)) == 4)
        #expect(line(.key("feed"), .index(0), .key("name")) == 5)
        #expect(line(.key("feed"), .index(1)) == 6)
        #expect(line(.key("feed"), .index(1), .key("name")) == 7)
        #expect(line(.key("feed"), .index(2)) == 21)
        #expect(line(.key("feed"), .index(2), .key("name")) == 22)
    }

    @Test func multiLineArrays() {
        #expect(line(.key("feed"), .index(1), .key("tags")) == 8)
        #expect(line(.key("feed"), .index(1), .key("tags"), .index(0)) == 9)
        #expect(line(.key("feed"), .index(1), .key("tags"), .index(1)) == 10)
        #expect(line(.key("feed"), .index(1), .key("tags"), .index(1), .index(1)) == 10)
        #expect(line(.key("feed"), .index(1), .key("tags"), .index(2)) == 10)
    }

    @Test func subtablesOfTheLatestElementAndDottedKeys() {
        #expect(line(.key("feed"), .index(1), .key("extra")) == 12)
        #expect(line(.key("feed"), .index(1), .key("extra"), .key("deep")) == 13)
        #expect(line(.key("feed"), .index(1), .key("extra"), .key("deep"), .key("er"), .key("quoted.key")) == 13)
        #expect(line(.key("spaced"), .key("lit")) == 14)
    }

    @Test func stringsDoNotConfuseTheWalk() {
        #expect(line(.key("spaced"), .key("lit"), .key("text")) == 15)
        #expect(line(.key("spaced"), .key("lit"), .key("after")) == 18)
        #expect(line(.key("feed"), .index(2), .key("escaped")) == 23)
        #expect(line(.key("feed"), .index(2), .key("last")) == 24)
        #expect(line(.key("feed"), .index(3)) == nil)
    }

    @Test func inlineTables() {
        let inline: [TOMLPathComponent] = [.key("spaced"), .key("lit"), .key("inline")]
        #expect(locator.line(of: inline) == 19)
        #expect(locator.line(of: inline + [.key("a")]) == 19)
        #expect(locator.line(of: inline + [.key("b"), .key("c"), .index(0)]) == 20)
        #expect(locator.line(of: inline + [.key("d")]) == 20)
    }

    @Test func nearestLineFallsBackToTheTable() {
        #expect(locator.nearestLine(of: [.key("feed"), .index(2), .key("url")]) == 21)
        #expect(locator.nearestLine(of: [.key("nothing")]) == nil)
    }

    @Test func crlfLineEndings() {
        let locator = KeyLocator(source: "a = 1\r\n[t]\r\nb = [\r\n 1,\r\n 2]\r\n")
        #expect(locator.line(of: [.key("t"), .key("b"), .index(1)]) == 5)
    }
}
