import Testing
@testable import WirewatchParse

/// `TextFlags` skips 8 and 32 bytes at a time; a byte-by-byte reading of
/// its definition must agree on texts of every length around those steps.
struct TextFlagsTests {
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("word ".utf8), Array("<".utf8), Array("&".utf8), Array(" ".utf8),
        Array("é".utf8), [0xC2, 0x85], Array("ā".utf8), Array("€".utf8), Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8),
    ]

    @Test func matchesAByteByByteReading() {
        var generator = SplitMix(seed: 3)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<generator.next(12) { bytes += Self.pieces[generator.next(Self.pieces.count)] }
            let flags = bytes.withUnsafeBufferPointer { TextFlags($0) }
            let high = bytes.filter { $0 >= 0x80 }
            var c1 = false
            for i in bytes.indices.dropFirst() where bytes[i - 1] == 0xC2 && bytes[i] >= 0x80 && bytes[i] <= 0x9F { c1 = true }
            #expect(flags.hasMarkup == bytes.contains { $0 == 60 || $0 == 38 }, "\(bytes)")
            #expect(flags.hasC1 == c1, "\(bytes)")
            #expect(flags.onlyLatin1High == (!high.isEmpty && !high.contains { $0 >= 0xC4 && $0 < 0xF8 }), "\(bytes)")
            if let f = bytes.first, let l = bytes.last {
                #expect(flags.mayNeedStrip == (f <= 32 || l <= 32 || f >= 0x80 || l >= 0x80), "\(bytes)")
            } else {
                #expect(!flags.mayNeedStrip)
            }
        }
    }
}
