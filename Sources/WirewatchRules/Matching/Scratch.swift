import Synchronization

/// A growable array of plain values in manually managed memory, for the hot loop
/// (no uniqueness, bounds or exclusivity checks). The owner frees it.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(to: capacity * 2) }
        base[count] = value
        count += 1
    }

    /// Makes room for at least `minimum` elements; the contents are kept.
    mutating func reserve(_ minimum: Int) {
        if minimum > capacity { grow(to: max(minimum, capacity * 2)) }
    }

    private mutating func grow(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}

/// Per-call working memory for matching one document: which atoms occur in which
/// fields, their word positions, and which rules are candidates. Dense per-atom arrays
/// are kept zeroed between uses (only the entries a document touched are cleared
/// afterwards), so a call costs O(text + hits + candidate rules), not O(atoms); the
/// rule bitsets cost one word per 64 rules.
///
/// Not thread-safe: a `ScratchPool` hands each call its own.
final class Scratch: @unchecked Sendable {
    let atomCount: Int
    let ruleCount: Int
    /// Per atom: `TextFields` bits of the fields it occurred in. Zero outside a call.
    let fieldMask: UnsafeMutablePointer<UInt8>
    /// Per touched atom: its postings are `postings[rangeStart[a]..<rangeEnd[a]]`.
    let rangeStart: UnsafeMutablePointer<Int32>
    let rangeEnd: UnsafeMutablePointer<Int32>
    /// Bit per rule: a candidate (a trigger atom occurred). Zero outside a call.
    let ruleBits: UnsafeMutablePointer<UInt64>
    /// Bit per rule: known to match without evaluation (a sufficient trigger occurred).
    let acceptBits: UnsafeMutablePointer<UInt64>
    let ruleWords: Int
    /// Per regex of the program: its result on the current document (see `Program`).
    let regexMemo: UnsafeMutablePointer<UInt8>
    let regexCount: Int

    var touched = RawBuffer<Int32>(capacity: 256)
    var hitAtoms = RawBuffer<Int32>(capacity: 1024)
    var hitCodes = RawBuffer<UInt32>(capacity: 1024)
    var postings = RawBuffer<UInt32>(capacity: 1024)
    /// Whether `ruleBits`/`acceptBits` were written since the last reset.
    var rulesSet = false
    /// Folded bytes of the current field's words (with padding for the hash's 8-byte loads).
    var folded = RawBuffer<UInt8>(capacity: 4096)
    /// Words read but not yet looked up (large atom tables only).
    var batch = WordBatch()

    init(atoms: Int, rules: Int, regexes: Int) {
        atomCount = atoms
        ruleCount = rules
        regexCount = regexes
        regexMemo = .allocate(capacity: max(1, regexes))
        regexMemo.initialize(repeating: 0, count: max(1, regexes))
        fieldMask = .allocate(capacity: max(1, atoms))
        fieldMask.initialize(repeating: 0, count: max(1, atoms))
        rangeStart = .allocate(capacity: max(1, atoms))
        rangeEnd = .allocate(capacity: max(1, atoms))
        ruleWords = (rules + 63) / 64 + 1
        ruleBits = .allocate(capacity: ruleWords)
        ruleBits.initialize(repeating: 0, count: ruleWords)
        acceptBits = .allocate(capacity: ruleWords)
        acceptBits.initialize(repeating: 0, count: ruleWords)
    }

    deinit {
        fieldMask.deallocate()
        rangeStart.deallocate()
        rangeEnd.deallocate()
        ruleBits.deallocate()
        acceptBits.deallocate()
        regexMemo.deallocate()
        touched.free()
        hitAtoms.free()
        hitCodes.free()
        postings.free()
        folded.free()
        batch.free()
    }

    /// Clears what the last document set, so the next one starts from zero.
    func reset() {
        for index in 0..<touched.count { fieldMask[Int(touched[index])] = 0 }
        if rulesSet {
            ruleBits.update(repeating: 0, count: ruleWords)
            acceptBits.update(repeating: 0, count: ruleWords)
            rulesSet = false
        }
        if regexCount > 0 { regexMemo.update(repeating: 0, count: regexCount) }
        touched.count = 0
        hitAtoms.count = 0
        hitCodes.count = 0
        postings.count = 0
    }
}

/// A few scratches for concurrent callers of one rule set: a call takes one (or
/// makes one when all are busy) and gives it back. A pool keeps at most `limit`.
final class ScratchPool: Sendable {
    private let free = Mutex<[Scratch]>([])
    private let atoms: Int
    private let rules: Int
    private let regexes: Int
    private static let limit = 16

    init(atoms: Int, rules: Int, regexes: Int) {
        self.atoms = atoms
        self.rules = rules
        self.regexes = regexes
    }

    func withScratch<T>(_ body: (Scratch) -> T) -> T {
        let scratch = free.withLock { $0.popLast() } ?? Scratch(atoms: atoms, rules: rules, regexes: regexes)
        let result = body(scratch)
        scratch.reset()
        free.withLock { pool in
            if pool.count < Self.limit { pool.append(scratch) }
        }
        return result
    }
}
