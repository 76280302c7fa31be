import TOMLKit

/// Builds a ``Config`` from TOML text, collecting every problem instead of stopping at
/// the first: syntax first (TOMLKit stops there, so that is the only error then), then
/// every table, key and value, each located by ``KeyLocator``.
struct ConfigValidator {
    let text: String
    /// As given by the caller: used in messages.
    let file: String
    let absoluteFile: String
    let directory: String
    var diagnostics: Diagnostics

    static let sections = ["archive", "notify", "poll", "parse", "feed", "tag", "alert", "sink", "metrics"]
    static let arrayOfTablesSections: Set<String> = ["feed", "tag", "alert", "sink"]

    init(text: String, file: String, absoluteFile: String) {
        self.text = text
        self.file = file
        self.absoluteFile = absoluteFile
        self.directory = PathResolver.directory(of: absoluteFile)
        self.diagnostics = Diagnostics(file: file)
    }

    mutating func validate() throws(ConfigErrors) -> Config {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigErrors([SyntaxErrorReport.error(error, text: text, file: file)])
        } catch {
            throw ConfigErrors([ConfigError(file: file, line: nil, message: "cannot parse: \(error)")])
        }
        // TOMLKit never frees a parsed document (TOMLTable has no deinit): 7.5 MB
        // for a 10,000-feed config, leaked again at every reload. `clear()` frees
        // its contents; nothing read from it is kept past this function.
        defer { table.clear() }
        let root = TableReader(table: table, path: [], context: "", locator: KeyLocator(source: text))
        checkRootKeys(root)

        var config = Config(
            file: absoluteFile, directory: directory,
            archivePath: resolvePath(Config.defaultArchivePath),
            alertLogPath: resolvePath(Config.defaultAlertLogPath)
        )
        if let archive = section("archive", of: root) {
            archive.checkKeys(["path", "keep", "story_window"], &diagnostics)
            if let path = pathValue("path", of: archive) { config.archivePath = path }
            if let keep = keepPolicy(archive) { config.keep = keep }
            if let window = archive.duration("story_window", minimum: .seconds(3600), &diagnostics) {
                config.storyWindow = window
            }
        }
        config.sinks = sinks(root)
        let knownSinks = Set(Self.builtInSinks + config.sinks.map(\.name))
        if let notify = section("notify", of: root) {
            notify.checkKeys(["log", "default"], &diagnostics)
            if let path = pathValue("log", of: notify) { config.alertLogPath = path }
            if let names = sinkNames("default", notify, known: knownSinks) { config.defaultSinks = names }
        }
        if let poll = section("poll", of: root) {
            config.poll = pollSettings(poll)
        }
        if let parse = section("parse", of: root) {
            parse.checkKeys(["max_size", "max_depth"], &diagnostics)
            if let size = parse.byteSize("max_size", in: ParseLimits.sizeRange, &diagnostics) { config.parse.maxSize = size }
            if let depth = parse.integer("max_depth", in: ParseLimits.depthRange, &diagnostics) { config.parse.maxDepth = depth }
        }
        config.feeds = feeds(root, poll: config.poll)
        config.tagRules = rules("tag", of: root)
        config.alertRules = rules("alert", of: root, knownSinks: knownSinks)
        config.metrics = metricsSettings(root)

        guard diagnostics.errors.isEmpty else { throw ConfigErrors(diagnostics.sortedErrors) }
        return config
    }

    // MARK: - Root and sections

    /// Only the known sections may appear at the top; a misspelt one is named the way it
    /// was written (`[archve]`, `[[feeds]]`, `'title'`), with the likely intended section.
    private mutating func checkRootKeys(_ root: TableReader) {
        for key in root.table.keys where !Self.sections.contains(key) {
            let value = root.value(key)
            let isArrayOfTables = value?.array.map { !$0.isEmpty && $0.allSatisfy { $0.type == .table } } ?? false
            var text =
                if value?.type == .table { "unknown table [\(key)]" }
                else if isArrayOfTables { "unknown table [[\(key)]]" }
                else { "unknown key '\(key)'" }
            if let suggestion = Suggestion.closest(to: key, among: Self.sections) {
                let form = Self.arrayOfTablesSections.contains(suggestion) ? "[[\(suggestion)]]" : "[\(suggestion)]"
                text += " (did you mean \(form)?)"
            }
            diagnostics.error(text, line: root.line(of: key))
        }
    }

    /// `[name]` as a reader, or nil if absent or (reported) not a table.
    mutating func section(_ name: String, of root: TableReader) -> TableReader? {
        guard let value = root.value(name) else { return nil }
        guard value.type == .table else {
            diagnostics.error(
                "'\(name)' must be a table, written [\(name)]; found \(TOMLValueDescription.withArticle(value))",
                line: root.line(of: name)
            )
            return nil
        }
        return root.subtable(name, context: "[\(name)]")
    }

    /// The elements of `[[name]]`, each as a reader (context `name #N`, 1-based, until a
    /// name is known); elements that are not tables are reported and skipped.
    mutating func arrayOfTables(_ name: String, of root: TableReader) -> [TableReader] {
        guard let value = root.value(name) else { return [] }
        guard let array = value.array else {
            diagnostics.error(
                "'\(name)' must be an array of tables, written [[\(name)]]; found \(TOMLValueDescription.withArticle(value))",
                line: root.line(of: name)
            )
            return []
        }
        var readers: [TableReader] = []
        for (index, element) in array.enumerated() {
            let context = "\(name) #\(index + 1)"
            guard let table = element.table else {
                diagnostics.error(
                    "\(context): expected a table, found \(TOMLValueDescription.withArticle(element))",
                    line: root.line(of: name, index: index)
                )
                continue
            }
            let path: TOMLPath = [.key(name), .index(index)]
            readers.append(TableReader(table: table, path: path, context: context, locator: root.locator))
        }
        return readers
    }

    private mutating func pollSettings(_ poll: TableReader) -> PollSettings {
        poll.checkKeys(
            ["interval", "timeout", "concurrency", "per_host", "host_delay", "min_interval", "max_interval", "failing_after"],
            &diagnostics
        )
        var settings = PollSettings()
        var intervalRead = false
        if let interval = poll.duration("interval", minimum: PollSettings.minimumInterval, &diagnostics) {
            settings.interval = interval
            intervalRead = true
        }
        if let timeout = poll.duration("timeout", minimum: PollSettings.minimumTimeout, &diagnostics) {
            settings.timeout = timeout
        }
        if let concurrency = poll.integer("concurrency", in: PollSettings.concurrencyRange, &diagnostics) {
            settings.concurrency = concurrency
        }
        if let perHost = poll.integer("per_host", in: 1...16, &diagnostics) {
            settings.perHost = perHost
        }
        if let delay = poll.duration("host_delay", minimum: .zero, &diagnostics) {
            settings.hostDelay = delay
        }
        settings.minInterval = poll.duration("min_interval", minimum: PollSettings.minimumInterval, &diagnostics)
        settings.maxInterval = poll.duration("max_interval", minimum: PollSettings.minimumInterval, &diagnostics)
        if let failing = poll.duration("failing_after", minimum: PollSettings.minimumFailingAfter, &diagnostics) {
            settings.failingAfter = failing
        }
        let placeholder = FeedConfig(name: "", url: "", source: .file(""))
        var valid: Set<String> = []
        if settings.minInterval != nil { valid.insert("min_interval") }
        if settings.maxInterval != nil { valid.insert("max_interval") }
        if intervalRead { valid.insert("interval") }
        checkPollBounds(Config.pollBounds(feed: placeholder, poll: settings), poll, valid: valid)
        return settings
    }

    /// A non-empty path string, made absolute against the config's folder.
    private mutating func pathValue(_ key: String, of table: TableReader) -> String? {
        guard let path = table.string(key, &diagnostics) else { return nil }
        guard !path.isEmpty else {
            diagnostics.error(table.message(key, "must not be empty"), line: table.line(of: key))
            return nil
        }
        return resolvePath(path)
    }

    func resolvePath(_ path: String) -> String {
        PathResolver.absolute(path, relativeTo: directory)
    }
}
