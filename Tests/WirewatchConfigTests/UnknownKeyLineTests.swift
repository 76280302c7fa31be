import Testing
@testable import WirewatchConfig

/// Whatever the layout, an unknown key is reported on the line where it is written.
/// Each document below has exactly one unknown key, `zzz`; the expected line is found
/// by looking for it in the text.
@Suite("Unknown keys are found on their own line, in every layout")
struct UnknownKeyLineTests {
    static let documents: [String] = [
        // after strings that look like headers
        """
        [[feed]]
        name = "a"
        url = "a[[feed]].xml"
        tags = ["x"] # ]
        [[feed]]
        name = "b" # [[feed]] in a comment
        url = \"\"\"b.xml\"\"\"
        zzz = 1
        """,
        // multi-line basic and literal strings holding brackets and quotes
        """
        [[alert]]
        name = "a"
        match = '''
        "general strike"
        OR "[[alert]] x"'''
        [[alert]]
        name = "b"
        match = \"\"\"
        x OR \\"y z\\" \\
          OR w\"\"\"
        zzz = true
        """,
        // inline tables, one line and nested
        """
        [[feed]]
        name = "a"
        url = "a.xml"
        feed2 = 1
        """.replacingOccurrences(of: "feed2", with: "zzz"),
        """
        feed = [ { name = "a", url = "a.xml" },
                 # inline tables stay on one line (TOML 1.0), arrays need not
                 { name = "b", url = "b.xml", zzz = [1, 2] } ]
        """,
        // dotted keys and a sub-table of the latest element
        """
        [[feed]]
        name = "a"
        url = "a.xml"
        [[feed]]
        name = "b"
        url = "b.xml"
        [feed.zzz]
        x = 1
        """,
        """
        [poll]
        interval = "1m"
        zzz.y = 1
        """,
        // quoted keys and whitespace around dots and brackets
        """
        [ poll ]
        "interval" = "1m"
        'zzz' = 1
        """,
        // CRLF line endings and tabs
        "[archive]\r\n\tpath = \"a\"\r\n\r\n\tzzz = 1\r\n",
    ]

    @Test(arguments: documents.indices)
    func unknownKeyLine(index: Int) throws {
        let text = Self.documents[index]
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        let expected = try #require(lines.firstIndex { $0.contains("zzz") }) + 1
        let found = errors(of: text)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.line == expected, "\(found)")
        #expect(found.first?.message.contains("'zzz'") == true, "\(found)")
    }
}
