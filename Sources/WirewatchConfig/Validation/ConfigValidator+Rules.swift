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
            reader.checkKeys(kind == "alert" ? Self.ruleKeys + ["on_update", "each_source", "notify", "quiet_hours"] : Self.ruleKeys, &diagnostics)
            let notify = kind == "alert" ? sinkNames("notify", reader, known: knownSinks) : nil
            let query = self.query(reader)
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
            rules.append(rule)
        }
        return rules
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
