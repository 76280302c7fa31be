/// Writes an OPML 2.0 subscription list.
public enum OPMLWriter {
    /// One feed to export.
    public struct Entry: Sendable {
        public var name: String
        public var url: String
        public var tags: [String]

        public init(name: String, url: String, tags: [String]) {
            self.name = name
            self.url = url
            self.tags = tags
        }
    }

    /// The document: a flat list of `<outline type="rss">` with `text` and `title` set to
    /// the feed's name and `category` to its tags (`/left,/us`, OPML 2.0's form).
    public static func document(title: String, entries: [Entry], dateCreated: String? = nil) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0">"#,
            "  <head>",
            "    <title>\(escape(title))</title>",
        ]
        if let dateCreated { lines.append("    <dateCreated>\(escape(dateCreated))</dateCreated>") }
        lines += ["  </head>", "  <body>"]
        for entry in entries {
            var attributes = [("type", "rss"), ("text", entry.name), ("title", entry.name), ("xmlUrl", entry.url)]
            if !entry.tags.isEmpty { attributes.append(("category", entry.tags.map { "/" + $0 }.joined(separator: ","))) }
            lines.append("    <outline " + attributes.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: " ") + "/>")
        }
        lines += ["  </body>", "</opml>", ""]
        return lines.joined(separator: "\n")
    }

    /// Text and attribute values: markup characters, and line breaks and tabs kept as
    /// character references (an attribute would normalise them to spaces).
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            // Other control characters are not allowed in XML 1.0 at all.
            case _ where scalar.value < 0x20: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
