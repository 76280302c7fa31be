extension String {
    /// A String from UTF-8 bytes, repairing invalid sequences exactly like
    /// `String(decoding:as: UTF8.self)`. Valid bytes (nearly always) are
    /// checked by `UTF8Validator.scan` and copied without the standard
    /// library's second validation, which was 6 % of the whole parse
    /// (it goes byte by byte after the first non-ASCII byte).
    @inline(__always)
    init(utf8Bytes b: UnsafeBufferPointer<UInt8>) {
        guard let base = b.baseAddress, b.count > 0 else { self = ""; return }
        let (valid, ascii) = UTF8Validator.scan(b)
        if valid, let s = String(checkedUTF8: b, isASCII: ascii) {
            self = s
            return
        }
        // The uninitialized-capacity initializer repairs like
        // `String(decoding:)`, several times faster on long text.
        self = String(unsafeUninitializedCapacity: b.count) { out in
            out.baseAddress!.update(from: base, count: b.count)
            return b.count
        }
    }

    /// A copy of bytes the caller has validated (`isASCII` must be exact:
    /// a false "not ASCII" would send comparisons down the slow,
    /// normalizing path). nil where the runtime lacks `UTF8Span`.
    @inline(__always)
    init?(checkedUTF8 b: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            self = String(copying: UTF8Span(unchecked: b.span, isKnownASCII: isASCII))
        } else {
            return nil
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
