/// The collected text of every open frame, in one buffer. Text only ever
/// goes to the top frame, and a frame is closed before its parent collects
/// more, so the frames' texts lie end to end in stack order: a frame is a
/// start offset, and closing it truncates the buffer. Appending is then a
/// bounds check and a copy, where a `[UInt8]` per frame cost uniqueness
/// and capacity checks on each of the millions of text callbacks (libxml2
/// hands text over in pieces of at most 300 bytes, and one per `&lt;`).
///
/// `pieces` records where each appended piece starts (the Atom XHTML
/// `<div>` unwrapping needs the boundaries). Owned by one builder.
final class TextArena {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var pieces: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private(set) var pieceCount = 0
    @exclusivity(unchecked) private var pieceCapacity: Int

    init() {
        capacity = 4096
        base = .allocate(capacity: capacity)
        pieceCapacity = 256
        pieces = .allocate(capacity: pieceCapacity)
    }

    deinit {
        base.deallocate()
        pieces.deallocate()
    }

    /// The bytes from `start` to the end.
    @inline(__always) func bytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: count - start)
    }

    @inline(__always) private func notePiece() {
        if pieceCount == pieceCapacity { growPieces() }
        pieces[pieceCount] = count
        pieceCount += 1
    }

    @inline(__always) private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        (base, capacity) = ByteSink.grown(base, count: count, capacity: capacity, needed: needed)
    }

    private func growPieces() {
        let c = pieceCapacity * 2
        let np = UnsafeMutablePointer<Int>.allocate(capacity: c)
        np.update(from: pieces, count: pieceCount)
        pieces.deallocate()
        pieces = np
        pieceCapacity = c
    }

    @inline(__always) func append(_ b: UnsafeBufferPointer<UInt8>) {
        notePiece()
        guard let src = b.baseAddress, b.count > 0 else { return }
        reserve(b.count)
        (base + count).update(from: src, count: b.count)
        count += b.count
    }

    func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// Text inside XHTML content, escaped as markup text (`&`, `<`, `>`).
    func appendEscaped(_ b: UnsafeBufferPointer<UInt8>) {
        notePiece()
        reserve(b.count * 5)
        for c in b {
            switch c {
            case UInt8(ascii: "&"): put("&amp;")
            case UInt8(ascii: "<"): put("&lt;")
            case UInt8(ascii: ">"): put("&gt;")
            default: base[count] = c; count += 1
            }
        }
    }

    /// Markup written in parts with `put` is still one piece.
    @inline(__always) func beginPiece() { notePiece() }

    @inline(__always) func put(_ s: StaticString) {
        reserve(s.utf8CodeUnitCount)
        (base + count).update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        count += s.utf8CodeUnitCount
    }

    func put(_ s: String) {
        var s = s
        s.withUTF8 { b in
            guard let src = b.baseAddress, b.count > 0 else { return }
            reserve(b.count)
            (base + count).update(from: src, count: b.count)
            count += b.count
        }
    }

    /// Drop everything from byte `start` and piece `firstPiece` on.
    @inline(__always) func truncate(to start: Int, pieces firstPiece: Int) {
        count = start
        pieceCount = firstPiece
    }

    /// Free the storage beyond a small buffer (the parse is done).
    func reset() {
        truncate(to: 0, pieces: 0)
        guard capacity > 4096 else { return }
        base.deallocate()
        capacity = 4096
        base = .allocate(capacity: capacity)
    }
}
