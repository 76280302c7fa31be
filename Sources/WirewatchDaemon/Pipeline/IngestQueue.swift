import Dispatch
import Synchronization
import WirewatchArchive

/// The daemon's one way to write a poll: group commit on a writer thread of
/// its own. Each finished poll hands its batch (and, once scheduled, its
/// fetch record) here and waits, suspended; whoever finds the queue idle
/// starts a drain on the writer queue, which commits every job queued
/// meanwhile in one transaction, then the next group, until the queue is
/// empty. One commit per group instead of one per feed is most of the cost of
/// storing a small poll.
///
/// Why a dispatch queue: SQLite calls block their thread. Run on the
/// concurrency pool (two threads on two cores), a long commit plus one poll
/// waiting for the writer stopped every fetch and parse until the commit was
/// done (measured: the last slow feeds of the fault benchmark started 10 s
/// late). Waiters here hold no thread.
final class IngestQueue: Sendable {
    private enum Job: Sendable {
        case batch(IngestBatch)
        case poll(FetchRecord, FeedPollState)
    }

    private struct Waiting {
        var job: Job
        var continuation: CheckedContinuation<Result<IngestResult, ArchiveError>, Never>
    }

    private struct State {
        var queue: [Waiting] = []
        var writing = false
    }

    /// Batches committed together at most (bounds one transaction's length).
    static let maxGroup = 64
    /// Jobs committed together at most, counting fetch records (a row each).
    static let maxJobs = 1_024
    /// A poll with more items than this (a 20 MB feed) is committed in parts,
    /// so other feeds' polls are not held up behind one long transaction.
    /// Each part is whole (items with their alerts); a crash between parts
    /// leaves the rest for the next poll, which finds them new (the fetch's
    /// validators are recorded only after the last part).
    static let maxItemsPerCommit = 1_000
    /// A drain that finds fewer jobs than this waits `linger` for more before
    /// it commits. A commit costs the same for one 304's schedule row as for
    /// thirty (the WAL append, the checkpoints, FTS5 flushing its pending
    /// terms into a new segment): polls finish one by one, so without the wait
    /// most groups held one or two polls. The wait holds no thread and delays
    /// a poll's alerts by a few milliseconds at most.
    static let gatherTarget = 32
    static let linger = DispatchTimeInterval.milliseconds(10)

    let archive: Archive
    private let state = Mutex(State())
    private let writer = DispatchQueue(label: "wirewatch.archive-writer")

    init(archive: Archive) {
        self.archive = archive
    }

    /// `prepared`: the caller already ran `Archive.prepare` on the batch.
    func ingest(_ batch: IngestBatch, prepared: Bool = false) async throws(ArchiveError) -> IngestResult {
        // Unchanged items leave here, and the rest get their story data, outside
        // the writer's turn (a failed read just leaves that work to the writer).
        let batch = prepared ? batch : (try? archive.prepare(batch)) ?? batch
        guard batch.items.count > Self.maxItemsPerCommit else { return try await enqueue(.batch(batch)) }
        var total = IngestResult(newItems: 0, alerts: [])
        var start = 0
        while start < batch.items.count {
            var part = batch
            part.items = Array(batch.items[start..<min(start + Self.maxItemsPerCommit, batch.items.count)])
            total.add(try await enqueue(.batch(part)))
            start += Self.maxItemsPerCommit
        }
        return total
    }

    /// A poll's fetch log row and the feed's new schedule, committed with the
    /// next group.
    func record(_ fetch: FetchRecord, state: FeedPollState) async throws(ArchiveError) {
        _ = try await enqueue(.poll(fetch, state))
    }

    private func enqueue(_ job: Job) async throws(ArchiveError) -> IngestResult {
        let result = await withCheckedContinuation { continuation in
            let leads = state.withLock { state -> Bool in
                state.queue.append(Waiting(job: job, continuation: continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if leads { writer.async { self.drain(lingered: false) } }
        }
        return try result.get()
    }

    /// Commits groups until the queue is empty, resuming each waiter with its
    /// result; a small group first lingers for company (see `gatherTarget`).
    private func drain(lingered: Bool) {
        var lingered = lingered
        while true {
            let group = state.withLock { state -> [Waiting]? in
                if !lingered, !state.queue.isEmpty, state.queue.count < Self.gatherTarget { return nil }
                var batches = 0
                var taken = 0
                for waiting in state.queue {
                    if case .batch = waiting.job {
                        if batches == Self.maxGroup { break }
                        batches += 1
                    }
                    taken += 1
                    if taken == Self.maxJobs { break }
                }
                let group = Array(state.queue.prefix(taken))
                state.queue.removeFirst(taken)
                if group.isEmpty { state.writing = false }
                return group
            }
            guard let group else {
                writer.asyncAfter(deadline: .now() + Self.linger) { self.drain(lingered: true) }
                return
            }
            if group.isEmpty { return }
            commit(group)
            lingered = false
        }
    }

    /// One transaction for the group; should it fail, each job alone, so one
    /// bad poll does not fail the polls that happened to share its commit.
    private func commit(_ group: [Waiting]) {
        var batches: [IngestBatch] = []
        var polls: [(fetch: FetchRecord, state: FeedPollState)] = []
        for waiting in group {
            switch waiting.job {
            case .batch(let batch): batches.append(batch)
            case .poll(let fetch, let state): polls.append((fetch, state))
            }
        }
        do {
            var results = try archive.commit(batches, polls: polls).makeIterator()
            for waiting in group {
                if case .batch = waiting.job {
                    waiting.continuation.resume(returning: .success(results.next() ?? IngestResult(newItems: 0, alerts: [])))
                } else {
                    waiting.continuation.resume(returning: .success(IngestResult(newItems: 0, alerts: [])))
                }
            }
        } catch {
            guard group.count > 1 else {
                group[0].continuation.resume(returning: .failure(error))
                return
            }
            for waiting in group { commit([waiting]) }
        }
    }
}
