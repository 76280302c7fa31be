/// Why a feed `url` cannot be used.
struct FeedURLError: Error, Sendable, Equatable {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
