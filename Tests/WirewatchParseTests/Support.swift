import Foundation
import WirewatchParse

/// Parse a Swift string literal (UTF-8) as a feed.
func parse(_ xml: String, url: String? = nil, headers: [String: String] = [:], options: ParseOptions = .init()) -> ParsedFeed {
    FeedParser(options: options).parse(Array(xml.utf8), context: ParseContext(url: url, headers: headers))
}

/// UTC date from components, for expectations.
func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Date {
    var c = DateComponents()
    (c.year, c.month, c.day, c.hour, c.minute, c.second) = (y, mo, d, h, mi, s)
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = TimeZone(identifier: "UTC")!
    return cal.date(from: c)!
}
