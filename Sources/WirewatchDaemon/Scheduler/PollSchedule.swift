import Foundation

/// When each feed is next due: a min-heap keyed on the due time.
///
/// Hand-written (a few lines) rather than pulling swift-collections' Heap for one
/// use; ties break on insertion order so equal due times poll in config order.
struct PollSchedule: Sendable {
    struct Entry: Sendable {
        var due: Date
        var feed: String
        var sequence: UInt64

        func precedes(_ other: Entry) -> Bool {
            due != other.due ? due < other.due : sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var nextDue: Date? { heap.first?.due }

    mutating func schedule(_ feed: String, at due: Date) {
        heap.append(Entry(due: due, feed: feed, sequence: nextSequence))
        nextSequence &+= 1
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest feed if it is due at `now`.
    mutating func popDue(now: Date) -> String? {
        guard let first = heap.first, first.due <= now else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return first.feed
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
