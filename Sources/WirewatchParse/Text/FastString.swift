extension String {
    /// A String from UTF-8 bytes, repairing invalid sequences exactly like
    /// `String(decoding:as: UTF8.self)`, but through the uninitialized-
    /// capacity initializer, whose vectorised validation is several times
    /// faster than `String(decoding:)`'s repairing decoder on long text.
    @inline(__always)
    init(utf8Bytes b: UnsafeBufferPointer<UInt8>) {
        guard let base = b.baseAddress, b.count > 0 else { self = ""; return }
        self = String(unsafeUninitializedCapacity: b.count) { out in
            out.baseAddress!.update(from: base, count: b.count)
            return b.count
        }
    }

    @inline(__always)
    init(utf8Bytes a: [UInt8]) {
        self = a.withUnsafeBufferPointer { String(utf8Bytes: $0) }
    }

    @inline(__always)
    init(utf8Bytes a: ArraySlice<UInt8>) {
        self = a.withUnsafeBufferPointer { String(utf8Bytes: $0) }
    }
}
