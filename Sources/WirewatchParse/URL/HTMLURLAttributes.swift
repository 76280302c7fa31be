/// The URL-bearing attributes of embedded HTML that are resolved against
/// the base (feedparser's `_RelativeURIResolver` list), and byte classes
/// shared by the HTML scanners.
enum HTMLURLAttributes {
    static let attributes: [String: Set<String>] = [
        "a": ["href"], "applet": ["codebase"], "area": ["href"], "audio": ["src"], "blockquote": ["cite"],
        "body": ["background"], "del": ["cite"], "form": ["action"], "frame": ["longdesc", "src"],
        "iframe": ["longdesc", "src"], "head": ["profile"], "img": ["longdesc", "src", "usemap"],
        "input": ["src", "usemap"], "ins": ["cite"], "link": ["href"],
        "object": ["classid", "codebase", "data", "usemap"], "q": ["cite"], "script": ["src"], "source": ["src"],
        "video": ["poster", "src"],
    ]

    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
    @inline(__always) static func isNameChar(_ c: UInt8) -> Bool { isAlpha(c) || (c >= 48 && c <= 57) || c == 45 || c == 58 }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 || c == 12 }
}
