/// Why a `[metrics] listen` value cannot be used.
public struct MetricsListenError: Error, Sendable, Equatable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}
