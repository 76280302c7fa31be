import TOMLKit
import WirewatchNotify

extension ConfigValidator {
    /// Sinks every config has: the terminal (stdout of `run`) and the alert log.
    static let builtInSinks = ["terminal", "log"]

    static let sinkKeys: [String: [String]] = [
        "jsonl": ["path"],
        "exec": ["command", "timeout"],
        "webhook": ["url", "headers", "timeout"],
        "ntfy": ["url", "title", "priority", "tags", "token", "timeout"],
        "email": ["to", "from", "command", "timeout"],
        "desktop": ["command"],
    ]

    /// Every `[[sink]]`: a name, a `type` and that type's settings.
    mutating func sinks(_ root: TableReader) -> [SinkConfig] {
        var sinks: [SinkConfig] = []
        var firstLineOfName: [String: Int] = [:]
        for name in Self.builtInSinks { firstLineOfName[name] = 0 }
        for element in arrayOfTables("sink", of: root) {
            var reader = element
            guard let name = validName(of: &reader, kind: "sink", seen: &firstLineOfName) else { continue }
            guard let type = reader.string("type", required: true, &diagnostics) else { continue }
            guard let keys = Self.sinkKeys[type] else {
                diagnostics.error(
                    reader.message("type", "unknown sink type '\(type)' (known: \(Self.sinkKeys.keys.sorted().joined(separator: ", ")))"),
                    line: reader.line(of: "type")
                )
                continue
            }
            reader.checkKeys(["name", "type"] + keys, &diagnostics)
            if let kind = sinkKind(type, reader) { sinks.append(SinkConfig(name: name, kind: kind)) }
        }
        return sinks
    }

    private mutating func sinkKind(_ type: String, _ reader: TableReader) -> SinkKind? {
        let timeout = reader.duration("timeout", minimum: .seconds(1), &diagnostics)
        switch type {
        case "jsonl":
            guard let path = reader.string("path", required: true, &diagnostics) else { return nil }
            return .jsonl(JSONLOptions(path: resolvePath(path)))
        case "exec":
            guard let command = requiredCommand(reader) else { return nil }
            var options = ExecOptions(command: command)
            if let timeout { options.timeout = timeout }
            return .exec(options)
        case "webhook":
            guard let url = httpURL(reader) else { return nil }
            return .webhook(WebhookOptions(url: url, headers: stringTable("headers", reader) ?? [:], timeout: timeout ?? .seconds(10)))
        case "ntfy":
            guard let url = httpURL(reader) else { return nil }
            var options = NtfyOptions(url: url)
            options.title = reader.string("title", &diagnostics)
            options.priority = reader.integer("priority", in: 1...5, &diagnostics)
            options.tags = reader.stringArray("tags", &diagnostics) ?? []
            options.token = reader.string("token", &diagnostics)
            if let timeout { options.timeout = timeout }
            return .ntfy(options)
        case "email":
            guard let to = reader.stringArray("to", &diagnostics), !to.isEmpty else {
                diagnostics.error(reader.message(nil, "missing required key 'to' (an array of addresses)"), line: reader.line)
                return nil
            }
            var options = EmailOptions(to: to)
            options.from = reader.string("from", &diagnostics)
            if let command = reader.stringArray("command", &diagnostics), !command.isEmpty { options.command = command }
            if let timeout { options.timeout = timeout }
            return .email(options)
        default:  // desktop
            var options = DesktopOptions()
            if let command = reader.stringArray("command", &diagnostics), !command.isEmpty { options.command = command }
            return .desktop(options)
        }
    }

    private mutating func requiredCommand(_ reader: TableReader) -> [String]? {
        guard let command = reader.stringArray("command", &diagnostics) else {
            if reader.value("command") == nil {
                diagnostics.error(reader.message(nil, "missing required key 'command' (an array: program and arguments)"), line: reader.line)
            }
            return nil
        }
        guard !command.isEmpty else {
            diagnostics.error(reader.message("command", "must name a program"), line: reader.line(of: "command"))
            return nil
        }
        return command
    }

    private mutating func httpURL(_ reader: TableReader) -> String? {
        guard let url = reader.string("url", required: true, &diagnostics) else { return nil }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            diagnostics.error(reader.message("url", "must be an http:// or https:// URL"), line: reader.line(of: "url"))
            return nil
        }
        return url
    }

    private mutating func stringTable(_ key: String, _ reader: TableReader) -> [String: String]? {
        guard let value = reader.value(key) else { return nil }
        guard let table = value.table else {
            diagnostics.error(reader.message(key, "expected a table of strings such as { Authorization = \"Bearer …\" }"), line: reader.line(of: key))
            return nil
        }
        var result: [String: String] = [:]
        for name in table.keys {
            let entry: TOMLValueConvertible? = table[name]
            guard let text = entry?.string else {
                diagnostics.error(reader.message("\(key).\(name)", "expected a string"), line: reader.line(of: key))
                continue
            }
            result[name] = text
        }
        return result
    }

    /// `notify = [...]` of an alert rule, or `[notify] default`: known sink names.
    mutating func sinkNames(_ key: String, _ reader: TableReader, known: Set<String>) -> [String]? {
        guard let names = reader.stringArray(key, &diagnostics) else { return nil }
        for (index, name) in names.enumerated() where !known.contains(name) {
            diagnostics.error(
                reader.message("\(key)[\(index)]", "no sink named '\(name)' (known: \(known.sorted().joined(separator: ", ")))"),
                line: reader.line(of: key, index: index)
            )
        }
        return names.filter(known.contains)
    }
}
