/// One open element whose text is being collected (feedparser's
/// `elementstack` entry). Text is kept as UTF-8 bytes; `pieces` records
/// where each appended piece starts, which the Atom XHTML `<div>` unwrapping
/// needs.
struct Frame {
    let element: String
    let expectingText: Bool
    var bytes: [UInt8] = []
    var pieces: [Int] = []

    init(_ element: String, _ expectingText: Bool) {
        self.element = element
        self.expectingText = expectingText
    }

    mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        pieces.append(bytes.count)
        bytes.append(contentsOf: b)
    }

    /// Text inside XHTML content, escaped as markup text (`&`, `<`, `>`).
    mutating func appendEscaped(_ b: UnsafeBufferPointer<UInt8>) {
        pieces.append(bytes.count)
        bytes.reserveCapacity(bytes.count + b.count)
        for c in b {
            switch c {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            default: bytes.append(c)
            }
        }
    }

    mutating func append(_ s: String) {
        pieces.append(bytes.count)
        bytes.append(contentsOf: s.utf8)
    }

    /// Replace the collected text (feedparser's `elementstack[-1][2] = [...]`).
    mutating func set(_ s: String) {
        bytes = Array(s.utf8)
        pieces = [0]
    }
}
