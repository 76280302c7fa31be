import WirewatchRules

extension ConfigValidator {
    static let ruleKeys = ["name", "match"]

    /// Every `[[tag]]` or `[[alert]]` (`kind`), with its query compiled; invalid ones are
    /// reported and left out.
    mutating func rules(_ kind: String, of root: TableReader, knownSinks: Set<String> = []) -> [RuleConfig] {
        var rules: [RuleConfig] = []
        var firstLineOfName: [String: Int] = [:]
        for element in arrayOfTables(kind, of: root) {
            var reader = element
            let name = validName(of: &reader, kind: kind, seen: &firstLineOfName)
            reader.checkKeys(kind == "alert" ? Self.ruleKeys + Self.alertKeys : Self.ruleKeys, &diagnostics)
            let notify = kind == "alert" ? sinkNames("notify", reader, known: knownSinks) : nil
            let event = kind == "alert" ? choice("on", of: reader, default: RuleConfig.Event.items) : .items
            let scope = kind == "alert" ? choice("scope", of: reader, default: RuleConfig.Scope.item) : .item
            // A feed-health rule may leave out `match` (every feed).
            let query = event == .feedHealth && reader.value("match") == nil ? Query.everything : self.query(reader)
            let onUpdate = kind == "alert" ? reader.bool("on_update", &diagnostics) : nil
            let eachSource = kind == "alert" ? reader.bool("each_source", &diagnostics) : nil
            guard let name, let query else { continue }
            var rule = RuleConfig(name: name, query: query, line: reader.line ?? 0)
            rule.onUpdate = onUpdate ?? false
            rule.eachSource = eachSource ?? false
            rule.notify = notify
            if kind == "alert", let text = reader.string("quiet_hours", &diagnostics) {
                if let quiet = QuietHours(text) {
                    rule.quietHours = quiet
                } else {
                    diagnostics.error(
                        reader.message("quiet_hours", "expected \"HH:MM-HH:MM\" such as \"22:00-07:00\", found \"\(text)\""),
                        line: reader.line(of: "quiet_hours")
                    )
                }
            }
            if kind == "alert" {
                rule.event = event ?? .items
                rule.scope = scope ?? .item
                rule.throttle = reader.integer("throttle", in: 1...100_000, &diagnostics)
                if let failingFor = reader.duration("failing_for", minimum: .seconds(60), &diagnostics) {
                    rule.failingFor = failingFor
                }
                rule.maxAge = reader.duration("max_age", minimum: .seconds(60), &diagnostics)
                checkCombination(rule, reader)
            } else if query.readsStory {
                diagnostics.error(
                    reader.message("match", "sources>=… and covered: read a story; they belong in an [[alert]] with scope = \"story\""),
                    line: reader.line(of: "match")
                )
                continue
            }
            rules.append(rule)
        }
        return rules
    }

    static let alertKeys = [
        "on_update", "each_source", "notify", "quiet_hours", "scope", "on", "throttle", "failing_for", "max_age",
    ]

    /// A string key whose value is one of an enum's raw values; nil when invalid (reported).
    private mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ key: String, of reader: TableReader, default value: Value
    ) -> Value? where Value.RawValue == String {
        guard let text = reader.string(key, &diagnostics) else { return value }
        if let chosen = Value(rawValue: text) { return chosen }
        let known = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        diagnostics.error(reader.message(key, "expected \(known), found \"\(text)\""), line: reader.line(of: key))
        return nil
    }

    /// Keys that make no sense together, reported at the line of the second.
    private mutating func checkCombination(_ rule: RuleConfig, _ reader: TableReader) {
        func problem(_ key: String, _ text: String) {
            diagnostics.error(reader.message(key, text), line: reader.line(of: key) ?? reader.line)
        }
        if rule.query.readsStory, rule.scope != .story {
            problem("match", "sources>=… and covered: read a story; add scope = \"story\" to this rule")
        }
        if rule.scope == .story {
            if rule.onUpdate { problem("on_update", "a story rule fires once per story; on_update does not apply") }
            if rule.eachSource { problem("each_source", "a story rule fires once per story; each_source does not apply") }
        }
        if rule.event == .feedHealth {
            if rule.scope == .story { problem("scope", "a feed-health rule watches feeds, not stories") }
            if rule.onUpdate || rule.eachSource || rule.maxAge != nil {
                let key = rule.onUpdate ? "on_update" : rule.eachSource ? "each_source" : "max_age"
                problem(key, "a feed-health rule watches feeds, not items")
            }
        } else if reader.value("failing_for") != nil {
            problem("failing_for", "failing_for applies to rules with on = \"feed-health\"")
        }
    }

    /// `match`, compiled. A syntax error is reported with its column in the message and
    /// the query with a caret under it as the detail.
    private mutating func query(_ reader: TableReader) -> Query? {
        guard let source = reader.string("match", required: true, &diagnostics) else { return nil }
        let line = reader.line(of: "match")
        guard source.contains(where: { !$0.isWhitespace }) else {
            diagnostics.error(reader.message("match", "must not be empty"), line: line)
            return nil
        }
        do {
            return try Query(source)
        } catch {
            diagnostics.error(
                reader.message("match", "column \(error.column): \(error.message)"),
                line: line, detail: error.caretDiagram
            )
            return nil
        }
    }
}
