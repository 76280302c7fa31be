import Foundation

/// Set from a task's cancellation handler, read by the thread that supervises a
/// child process (which polls it, so it needs no wake-up).
final class CancelFlag: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }

    var isSet: Bool { lock.withLock { value } }
}
