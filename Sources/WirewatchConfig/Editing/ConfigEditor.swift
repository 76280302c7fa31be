import TOMLKit

/// Edits the config file as text, so that the user's comments, order and layout stay
/// exactly as written: `feeds add` and `import-opml` insert `[[feed]]` tables, `feeds
/// remove` cuts one out. Every other byte of the file is left as it was.
///
/// The editor only needs the text to be valid TOML (to find the feeds); whether the result
/// is a valid config is for ``ConfigFileEditor`` to check with the real loader.
public enum ConfigEditor {
    /// `[[feed]]` with `name`, `url` and (when there are any) `tags`, one key a line,
    /// each line ending with `lineBreak`.
    public static func feedBlock(_ feed: NewFeed, lineBreak: String = "\n") -> String {
        feedLines(feed).map { $0 + lineBreak }.joined()
    }

    static func feedLines(_ feed: NewFeed) -> [String] {
        var lines = ["[[feed]]", "name = \(tomlString(feed.name))", "url = \(tomlString(feed.url))"]
        if !feed.tags.isEmpty {
            lines.append("tags = [\(feed.tags.map(tomlString).joined(separator: ", "))]")
        }
        return lines
    }

    /// `text` with one `[[feed]]` table per feed inserted after the last existing feed's
    /// table (so feeds stay together, before any rules that follow them), or appended at
    /// the end when there is none. Tables are separated by a blank line.
    public static func addingFeeds(_ feeds: [NewFeed], to text: String) throws(ConfigEditError) -> String {
        guard !feeds.isEmpty else { return text }
        let locator = try locate(text)
        var source = SourceLines(text)
        let lineBreak = source.lineBreak
        let blocks = feeds.map { feedBlock($0, lineBreak: lineBreak) }.joined(separator: lineBreak)
        // The new lines without their breaks (those come from the join), a blank one between tables.
        let cr = lineBreak == "\r\n" ? "\r" : ""
        let inserted = feeds.map { feedLines($0).map { $0 + cr } }.joined(separator: [cr])

        let ranges = feedRanges(locator, lineCount: source.lines.count, source: source)
        if let last = ranges.last {
            // `last.upperBound` is a 1-based line number, so it is also the index after it.
            let after = last.upperBound
            var insertion = [cr] + inserted
            if after < source.lines.count, !SourceLines.isBlank(source.lines[after]) { insertion.append(cr) }
            source.lines.insert(contentsOf: insertion, at: after)
            return source.text
        }
        // No feed yet: at the end, after a blank line unless the file is empty.
        var result = text
        if !result.isEmpty, !result.hasSuffix("\n") { result += lineBreak }
        if !result.isEmpty, !result.hasSuffix(lineBreak + lineBreak), result != lineBreak { result += lineBreak }
        return result + blocks
    }

    /// `text` without the `[[feed]]` table (and its sub-tables such as `[feed.keep]`) whose
    /// name is `name`: from its header to its last key, plus one blank line that separated
    /// it from its neighbours. Comments above the header and after the last key stay.
    public static func removingFeed(named name: String, from text: String, file: String) throws(ConfigEditError) -> String {
        let locator = try locate(text)
        let names = feedNames(text)
        guard let index = names.firstIndex(of: name) else {
            let known = names.compactMap { $0 }
            let hint = Suggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw ConfigEditError("\(file): no feed named '\(name)'\(hint)")
        }
        var source = SourceLines(text)
        let ranges = feedRanges(locator, lineCount: source.lines.count, source: source)
        guard index < ranges.count else {
            throw ConfigEditError("\(file): feed '\(name)' is not written as a [[feed]] table; remove it by hand")
        }
        let range = ranges[index]
        var first = range.lowerBound - 1
        var end = range.upperBound  // exclusive index
        // One separating blank line goes too, so no double gap is left behind.
        if end < source.lines.count, SourceLines.isBlank(source.lines[end]), end + 1 < source.lines.count {
            end += 1
        } else if first > 0, SourceLines.isBlank(source.lines[first - 1]) {
            first -= 1
        }
        source.lines.removeSubrange(first..<end)
        return source.text
    }

    /// The line range (1-based, inclusive) of each `[[feed]]` element written with a
    /// header, in file order: header to last line that is not blank or a comment, before
    /// the next header that is not one of its own sub-tables.
    static func feedRanges(_ locator: KeyLocator, lineCount: Int, source: SourceLines) -> [ClosedRange<Int>] {
        let headers = locator.headers
        var ranges: [ClosedRange<Int>] = []
        for (position, header) in headers.enumerated() {
            guard header.path.count == 2, header.path[0] == .key("feed"), case .index = header.path[1] else { continue }
            let prefix = header.path
            let next = headers[(position + 1)...].first { !$0.path.starts(with: prefix) }
            var last = (next?.line ?? (lineCount + 1)) - 1
            while last > header.line, SourceLines.isBlankOrComment(source.lines[last - 1]) { last -= 1 }
            ranges.append(header.line...last)
        }
        return ranges
    }

    /// Each `[[feed]]` element's `name` (nil where it has none), in file order.
    static func feedNames(_ text: String) -> [String?] {
        guard let table = try? TOMLTable(string: text) else { return [] }
        defer { table.clear() }  // TOMLKit never frees a parsed document (see ConfigValidator)
        let value: TOMLValueConvertible? = table["feed"]
        guard let array = value?.array else { return [] }
        return array.map { element in
            let name: TOMLValueConvertible? = element.table?["name"]
            return name?.string
        }
    }

    /// The text must be TOML before anything in it can be found.
    private static func locate(_ text: String) throws(ConfigEditError) -> KeyLocator {
        do {
            try TOMLTable(string: text).clear()  // TOMLKit never frees a parsed document (see ConfigValidator)
        } catch let error as TOMLParseError {
            throw ConfigEditError("line \(error.source.begin.line): not valid TOML (\(error.description)); fix it first (wirewatch check)")
        } catch {
            throw ConfigEditError("not valid TOML; fix it first (wirewatch check)")
        }
        return KeyLocator(source: text)
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    public static func tomlString(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
