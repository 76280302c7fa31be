import Synchronization
import WirewatchArchive

/// Group commit for the daemon's polls: each finished poll hands its batch here
/// and waits; whoever finds the queue idle becomes the writer and commits every
/// batch queued meanwhile in one transaction, then the next group, until the
/// queue is empty. One commit per group instead of one per feed is most of the
/// cost of storing a small poll, and it needs no extra task.
final class IngestQueue: Sendable {
    private struct Waiting {
        var batch: IngestBatch
        var continuation: CheckedContinuation<Result<IngestResult, ArchiveError>, Never>
    }

    private struct State {
        var queue: [Waiting] = []
        var writing = false
    }

    /// Batches committed together at most (bounds one transaction's length).
    static let maxGroup = 64
    /// A poll with more items than this (a 20 MB feed) is committed in parts,
    /// so other feeds' polls are not held up behind one long transaction.
    /// Each part is whole (items with their alerts); a crash between parts
    /// leaves the rest for the next poll, which finds them new (the fetch's
    /// validators are recorded only after the last part).
    static let maxItemsPerCommit = 1_000

    let archive: Archive
    private let state = Mutex(State())

    init(archive: Archive) {
        self.archive = archive
    }

    /// `prepared`: the caller already ran `Archive.prepare` on the batch.
    func ingest(_ batch: IngestBatch, prepared: Bool = false) async throws(ArchiveError) -> IngestResult {
        // Unchanged items leave here, and the rest get their story data, outside
        // the writer's turn (a failed read just leaves that work to the writer).
        let batch = prepared ? batch : (try? archive.prepare(batch)) ?? batch
        guard batch.items.count > Self.maxItemsPerCommit else { return try await enqueue(batch) }
        var total = IngestResult(newItems: 0, alerts: [])
        var start = 0
        while start < batch.items.count {
            var part = batch
            part.items = Array(batch.items[start..<min(start + Self.maxItemsPerCommit, batch.items.count)])
            total.add(try await enqueue(part))
            start += Self.maxItemsPerCommit
        }
        return total
    }

    private func enqueue(_ batch: IngestBatch) async throws(ArchiveError) -> IngestResult {
        let result = await withCheckedContinuation { continuation in
            let leads = state.withLock { state -> Bool in
                state.queue.append(Waiting(batch: batch, continuation: continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if leads { drain() }
        }
        return try result.get()
    }

    /// Commits groups until the queue is empty, resuming each waiter with its result.
    private func drain() {
        while true {
            let group = state.withLock { state -> [Waiting] in
                let group = Array(state.queue.prefix(Self.maxGroup))
                state.queue.removeFirst(group.count)
                if group.isEmpty { state.writing = false }
                return group
            }
            if group.isEmpty { return }
            do {
                let results = try archive.ingest(group.map(\.batch))
                for (waiting, result) in zip(group, results) { waiting.continuation.resume(returning: .success(result)) }
            } catch {
                for waiting in group { waiting.continuation.resume(returning: .failure(error)) }
            }
        }
    }
}
