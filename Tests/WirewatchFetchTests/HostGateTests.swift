import Testing
import WirewatchFetch

/// Records when each request held its slot.
actor SlotLog {
    struct Span { var host: String; var start: ContinuousClock.Instant; var end: ContinuousClock.Instant }
    private(set) var spans: [Span] = []
    private(set) var order: [Int] = []
    private var running = 0
    private(set) var maxRunning = 0

    func begin(_ id: Int) {
        order.append(id)
        running += 1
        maxRunning = max(maxRunning, running)
    }

    func end(host: String, start: ContinuousClock.Instant) {
        running -= 1
        spans.append(Span(host: host, start: start, end: .now))
    }
}

/// Runs a request-shaped body under the gate: records its span, holds the slot `hold`.
func occupy(_ gate: HostGate, _ host: String, id: Int = 0, hold: Duration, log: SlotLog) async throws {
    try await gate.withSlot(host: host) {
        let start = ContinuousClock.now
        await log.begin(id)
        try await Task.sleep(for: hold)
        await log.end(host: host, start: start)
    }
}

/// Holds a slot on `host` until `latch` opens.
func hold(_ gate: HostGate, _ host: String, until latch: Latch, log: SlotLog) async throws {
    try await gate.withSlot(host: host) {
        let start = ContinuousClock.now
        await log.begin(0)
        await latch.wait()
        await log.end(host: host, start: start)
    }
}

/// Polls `condition` until it holds (bounded), so tests wait for the gate's state, not a guess.
func eventually(_ condition: () async -> Bool) async throws {
    for _ in 0..<500 {
        if await condition() { return }
        try await Task.sleep(for: .milliseconds(2))
    }
    Issue.record("condition never became true")
}

@Suite(.timeLimit(.minutes(1))) struct HostGateTests {
    @Test func oneHostNeverOverlapsAndIsSpaced() async throws {
        let gate = HostGate(limits: .init(perHost: 1, minimumDelay: .milliseconds(100), global: 16))
        let log = SlotLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in 0..<3 { group.addTask { try await occupy(gate, "feeds.example", id: id, hold: .milliseconds(20), log: log) } }
            try await group.waitForAll()
        }
        let spans = await log.spans.sorted { $0.start < $1.start }
        #expect(spans.count == 3)
        for (previous, next) in zip(spans, spans.dropFirst()) {
            #expect(next.start >= previous.end + .milliseconds(100), "gap \(next.start - previous.end)")
        }
    }

    @Test func differentHostsRunInParallel() async throws {
        let gate = HostGate(limits: .init(perHost: 1, minimumDelay: .seconds(10), global: 16))
        let log = SlotLog()
        let latch = Latch()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for host in ["a.example", "b.example", "c.example"] {
                group.addTask { try await hold(gate, host, until: latch, log: log) }
            }
            // All three hold a slot at once; the 10 s delay applies per host only.
            try await eventually { await log.maxRunning == 3 }
            await latch.open()
            try await group.waitForAll()
        }
    }

    @Test func hostNamesAreCaseInsensitive() async throws {
        let gate = HostGate(limits: .init(perHost: 1, minimumDelay: .zero, global: 16))
        let log = SlotLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for host in ["Feeds.Example", "feeds.example", "FEEDS.EXAMPLE"] {
                group.addTask { try await occupy(gate, host, hold: .milliseconds(30), log: log) }
            }
            try await group.waitForAll()
        }
        #expect(await log.maxRunning == 1)
    }

    @Test func globalLimitCapsAllHosts() async throws {
        let gate = HostGate(limits: .init(perHost: 4, minimumDelay: .zero, global: 2))
        let log = SlotLog()
        let latch = Latch()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in 0..<6 { group.addTask { try await hold(gate, "h\(id % 3).example", until: latch, log: log) } }
            try await eventually { await log.maxRunning == 2 }
            try await Task.sleep(for: .milliseconds(50))  // room for a third to sneak in, if it could
            #expect(await gate.active == 2)
            await latch.open()
            try await group.waitForAll()
        }
        #expect(await log.maxRunning == 2)
        #expect(await gate.active == 0)
    }

    @Test func waitersAreServedInArrivalOrder() async throws {
        let gate = HostGate(limits: .init(perHost: 1, minimumDelay: .zero, global: 16))
        let log = SlotLog()
        let latch = Latch()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await hold(gate, "h", until: latch, log: log) }
            try await eventually { await gate.active == 1 }
            for id in 1...5 {
                group.addTask { try await occupy(gate, "h", id: id, hold: .zero, log: log) }
                try await eventually { await gate.waiting(host: "h") == id }
            }
            await latch.open()
            try await group.waitForAll()
        }
        #expect(await log.order == [0, 1, 2, 3, 4, 5])
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let gate = HostGate(limits: .init(perHost: 1, minimumDelay: .zero, global: 16))
        let log = SlotLog()
        let latch = Latch()
        let holder = Task { try await hold(gate, "h", until: latch, log: log) }
        try await eventually { await gate.active == 1 }
        let cancelled = Task { try await occupy(gate, "h", id: 1, hold: .zero, log: log) }
        try await eventually { await gate.waiting(host: "h") == 1 }
        let next = Task { try await occupy(gate, "h", id: 2, hold: .zero, log: log) }
        try await eventually { await gate.waiting(host: "h") == 2 }

        cancelled.cancel()
        // Returns while the holder still holds the slot: it left the queue.
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(await gate.waiting(host: "h") == 1)
        #expect(await gate.active == 1)

        await latch.open()
        try await holder.value
        try await next.value
        #expect(await log.order == [0, 2])
        #expect(await gate.active == 0)
    }

    @Test func aTaskCancelledBeforeItQueuesNeverRuns() async throws {
        let gate = HostGate(limits: .init(perHost: 1, minimumDelay: .zero, global: 16))
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await gate.withSlot(host: "h") { 42 }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await gate.active == 0)
        #expect(await gate.waiting(host: "h") == 0)
    }

    @Test func theSlotIsReleasedWhenTheBodyThrows() async throws {
        struct Boom: Error {}
        let gate = HostGate(limits: .init(perHost: 1, minimumDelay: .zero, global: 1))
        await #expect(throws: Boom.self) { try await gate.withSlot(host: "h") { throw Boom() } }
        #expect(try await gate.withSlot(host: "h") { 7 } == 7)
        #expect(await gate.active == 0)
    }
}
