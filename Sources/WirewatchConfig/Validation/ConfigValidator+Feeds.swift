import WirewatchCore

extension ConfigValidator {
    static let feedKeys = ["name", "url", "tags", "interval", "min_interval", "max_interval", "enabled", "keep"]

    /// Every `[[feed]]`; invalid ones are reported and left out.
    mutating func feeds(_ root: TableReader, poll: PollSettings) -> [FeedConfig] {
        var feeds: [FeedConfig] = []
        var firstLineOfName: [String: Int] = [:]
        for element in arrayOfTables("feed", of: root) {
            var reader = element
            let name = validName(of: &reader, kind: "feed", seen: &firstLineOfName)
            reader.checkKeys(Self.feedKeys, &diagnostics)

            let url = reader.string("url", required: true, &diagnostics)
            var source: FeedSource?
            if let url {
                switch FeedURLResolver.resolve(url, directory: directory) {
                case .success(let resolved): source = resolved
                case .failure(let error):
                    diagnostics.error(reader.message("url", error.reason), line: reader.line(of: "url"))
                }
            }
            let tags = feedTags(reader)
            let interval = reader.duration("interval", minimum: PollSettings.minimumInterval, &diagnostics)
            let minInterval = reader.duration("min_interval", minimum: PollSettings.minimumInterval, &diagnostics)
            let maxInterval = reader.duration("max_interval", minimum: PollSettings.minimumInterval, &diagnostics)
            let enabled = reader.bool("enabled", &diagnostics)
            let keep = keepPolicy(reader)

            guard let name, let url, let source, let tags else { continue }
            let feed = FeedConfig(
                name: name, url: url, source: source, tags: tags,
                interval: interval, enabled: enabled ?? true, keep: keep, line: reader.line ?? 0,
                minInterval: minInterval, maxInterval: maxInterval
            )
            let valid = Set(zip(["interval", "min_interval", "max_interval"], [interval, minInterval, maxInterval])
                .compactMap { $0.1 == nil ? nil : $0.0 })
            checkPollBounds(Config.pollBounds(feed: feed, poll: poll), reader, valid: valid)
            feeds.append(feed)
        }
        return feeds
    }

    /// The `name` of a `[[feed]]`, `[[tag]]` or `[[alert]]`: present, valid and unique.
    /// Once a usable name is read, `reader`'s context becomes `kind "name"`.
    mutating func validName(of reader: inout TableReader, kind: String, seen: inout [String: Int]) -> String? {
        guard let name = reader.string("name", required: true, &diagnostics) else { return nil }
        if let problem = NameRules.problem(with: name) {
            diagnostics.error(reader.message("name", problem), line: reader.line(of: "name"))
            return nil
        }
        reader.context = "\(kind) \"\(name)\""
        let line = reader.line(of: "name")
        if let first = seen[name] {
            diagnostics.error(
                reader.message(nil, "duplicate name (the first \(kind) \"\(name)\" is at line \(first))"),
                line: line
            )
            return nil
        }
        seen[name] = line ?? 0
        return name
    }

    /// `tags`: an array of valid, distinct names; `[]` when absent, nil when invalid.
    private mutating func feedTags(_ reader: TableReader) -> [String]? {
        guard reader.value("tags") != nil else { return [] }
        guard let tags = reader.stringArray("tags", &diagnostics) else { return nil }
        var valid = true
        var seen: Set<String> = []
        for (index, tag) in tags.enumerated() {
            let line = reader.line(of: "tags", index: index)
            if let problem = NameRules.problem(with: tag) {
                diagnostics.error(reader.message("tags[\(index)]", problem), line: line)
                valid = false
            } else if !seen.insert(tag).inserted {
                diagnostics.error(reader.message("tags", "'\(tag)' is listed twice"), line: line)
                valid = false
            }
        }
        return valid ? tags : nil
    }
}
