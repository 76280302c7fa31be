import Foundation
import WirewatchArchive

/// The ingest as the daemon runs it: each poll's items are built (identity,
/// content hash) and prepared (`Archive.prepare`: the stored hashes read, the
/// story signatures computed) on a second thread, as the daemon's poll tasks
/// do, while the writer commits groups of polls. Both threads' CPU is counted.
enum PipelinedIngest {
    struct Figures {
        /// Wall seconds from the first poll to the last commit (the writer's
        /// waits for the preparing thread included).
        var elapsed = 0.0
        /// Wall seconds and thread CPU seconds the writer spent in `Archive.ingest`.
        var writerSeconds = 0.0
        var writerCPU = 0.0
        /// Thread CPU seconds of the preparing thread in `batches()` and `Archive.prepare`.
        var prepareCPU = 0.0
    }

    /// A group commit's polls, prepared.
    private struct Group: Sendable {
        var batches: [IngestBatch]
        var at: Date
        var produced: Int
    }

    /// Hands prepared groups to the writer; holds at most `capacity`, as the
    /// daemon's writer queue bounds the parsed polls waiting for it.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private var groups: [Group] = []
        private var finished = false
        private let capacity = 2

        func put(_ group: Group) {
            condition.lock()
            while groups.count >= capacity { condition.wait() }
            groups.append(group)
            condition.broadcast()
            condition.unlock()
        }

        func finish() {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }

        func take() -> Group? {
            condition.lock()
            defer { condition.unlock() }
            while groups.isEmpty && !finished { condition.wait() }
            guard !groups.isEmpty else { return nil }
            condition.broadcast()
            return groups.removeFirst()
        }
    }

    /// The preparing thread's state (touched by that thread only, read after it finishes).
    private final class Producer: @unchecked Sendable {
        var source: PollSource
        var cpu = 0.0
        var error: (any Error)?
        let done = DispatchSemaphore(value: 0)

        init(_ source: PollSource) { self.source = source }
    }

    @MainActor static func run(
        _ source: PollSource, archive: Archive, groupCommit: Int, record: @MainActor ([IngestResult], Int) -> Void
    ) throws -> Figures {
        let began = ContinuousClock.now
        let channel = Channel()
        let producer = Producer(source)
        let thread = Thread {
            defer { channel.finish(); producer.done.signal() }
            var pending: [IngestBatch] = []
            do {
                while let poll = producer.source.next() {
                    let cpu = threadCPUSeconds()
                    for batch in poll.batches() { pending.append(try archive.prepare(batch)) }
                    producer.cpu += threadCPUSeconds() - cpu
                    if pending.count >= groupCommit {
                        channel.put(Group(batches: pending, at: poll.at, produced: poll.produced))
                        pending = []
                    }
                }
                // The last group: at its last poll's time (the generator's end).
                if !pending.isEmpty { channel.put(Group(batches: pending, at: Date(), produced: Int.max)) }
            } catch {
                producer.error = error
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        var figures = Figures()
        var interval = 0.0
        var reported = 0
        while let group = channel.take() {
            let clock = ContinuousClock.now
            let cpu = threadCPUSeconds()
            let results = try archive.ingest(group.batches, at: group.at)
            figures.writerCPU += threadCPUSeconds() - cpu
            let seconds = (ContinuousClock.now - clock).seconds
            figures.writerSeconds += seconds
            interval += seconds
            record(results, group.produced)
            if group.produced != Int.max, group.produced / 100_000 > reported {
                reported = group.produced / 100_000
                print("  \(reported * 100_000) items: \(Measure.format(Double(100_000) / interval, 0)) items/s in this interval (the writer)")
                interval = 0
            }
        }
        producer.done.wait()
        figures.elapsed = (ContinuousClock.now - began).seconds
        if let error = producer.error { throw error }
        figures.prepareCPU = producer.cpu
        return figures
    }

    /// CPU seconds of the calling thread.
    static func threadCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(1, &usage)  // RUSAGE_THREAD (Linux), not exported to Swift
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
