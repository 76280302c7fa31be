/// Collects the errors of one config file as validation goes, so that all are reported.
struct Diagnostics {
    let file: String
    private(set) var errors: [ConfigError] = []

    init(file: String) {
        self.file = file
    }

    mutating func error(_ message: String, line: Int?, detail: String? = nil) {
        errors.append(ConfigError(file: file, line: line, message: message, detail: detail))
    }

    /// In line order (errors without a line first), keeping discovery order within a line:
    /// TOMLKit hands keys back sorted by name, not as written.
    var sortedErrors: [ConfigError] {
        errors.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }
}
