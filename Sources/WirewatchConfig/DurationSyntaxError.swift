/// Why a duration string such as `"15x"` was rejected.
struct DurationSyntaxError: Error, Sendable, Equatable {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    /// The hint appended to every duration error, since the format is Wirewatch's own.
    static let hint = #"use numbers with units d, h, m, s, e.g. "90s", "15m", "1h30m""#
}
