/// How many alert deliveries to one sink are in one state, for the metrics endpoint.
public struct DeliveryCount: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// Sent.
        case delivered
        /// Not sent yet: due, waiting for a retry, or held by quiet hours.
        case owed
        /// Failed for good (permanent error or retries exhausted).
        case givenUp = "given_up"
    }

    public var sink: String
    public var state: State
    public var count: Int
    /// Failed attempts, summed over these deliveries.
    public var failedAttempts: Int

    public init(sink: String, state: State, count: Int, failedAttempts: Int) {
        self.sink = sink
        self.state = state
        self.count = count
        self.failedAttempts = failedAttempts
    }
}
