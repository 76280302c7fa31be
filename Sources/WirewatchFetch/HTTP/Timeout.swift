/// Thrown by `withTimeout` when the limit passes first.
struct TimeoutError: Error {
    let limit: Duration
}

/// Runs `operation`, cancelling it after `limit`.
///
/// AsyncHTTPClient's request deadline stops at the response head, and its read
/// timeout only notices silence, so a server dripping one byte a second would
/// hold a poll forever. This covers the whole exchange, body included.
func withTimeout<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TimeoutError(limit: limit) }
        return value
    }
}
