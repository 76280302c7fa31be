#if canImport(Glibc)
import Glibc
#endif

/// Byte-level repair of entity and character references that XML rejects
/// but feeds use all the time: HTML named entities without a DTD
/// (`&eacute;` → `&#233;`), unknown names (`&foo;` → `&amp;foo;`, kept as
/// text, as feedparser does), bare ampersands in URLs (`?a=1&b=2` →
/// `&amp;`), and `&#X41;` (uppercase X). libxml2 in recover mode would drop
/// or cut these; rewriting them keeps the text and the rest of the document
/// well-formed. CDATA sections and comments are left alone.
///
/// The common case (no such reference) costs one `memchr` pass and no copy.
struct ReferenceRepair {
    static let predefined: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    private enum Fix {
        case none
        case replace(Int, [UInt8])   // consumed length, replacement
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var declared: Set<String>?
    private var scanPos = 0
    private var state = 0 // 0 normal, 1 CDATA, 2 comment
    /// The first repair made: byte offset and reason.
    private(set) var first: (pos: Int, reason: String)?

    init(_ document: UnsafeBufferPointer<UInt8>) {
        b = document
    }

    /// 1-based line of the first repair.
    var firstLine: Int? {
        guard let first else { return nil }
        var line = 1
        for k in 0..<first.pos where b[k] == 10 { line += 1 }
        return line
    }

    /// Repairs the references that start in `from..<to`. Returns where the
    /// chunk really ends (past `to` when a rewritten reference straddles it)
    /// and whether `out` holds a rewritten copy of the chunk; otherwise the
    /// caller feeds the original bytes, so a clean document is never copied.
    mutating func chunk(from: Int, to: Int, into out: inout [UInt8]) -> (end: Int, rewritten: Bool) {
        guard let base = b.baseAddress, from < to else { return (to, false) }
        var copied = from
        var rewritten = false
        var end = to
        var i = from
        while i < to {
            guard let at = Self.nextAmpersand(base, from: i, to: to) else { break }
            if declared == nil { declared = Self.declaredEntities(b) }
            let (fix, reason) = Self.examine(b, at, declared!)
            if case .replace(let len, let rep) = fix {
                // Skip references inside CDATA sections and comments.
                Self.advance(b, &scanPos, &state, to: at)
                if state == 0 {
                    if first == nil { first = (at, reason) }
                    if !rewritten { out.reserveCapacity(to - from + 64); rewritten = true }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<at]))
                    out.append(contentsOf: rep)
                    copied = at + len
                    end = max(end, copied)
                    i = at + len
                    continue
                }
            }
            i = at + 1
        }
        if rewritten, copied < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<end])) }
        return (end, rewritten)
    }

    private static let ampBytes: [UInt8] = Array("&amp;".utf8)

    /// The next `&` in `from..<to`. Escaped HTML has one every few words
    /// (`&lt;p&gt;`): the first 64 bytes are scanned inline, eight at a
    /// time, before paying for a `memchr` call.
    @inline(__always)
    private static func nextAmpersand(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        let near = min(to, from + 64)
        while i + 8 <= near {
            let m = SWAR.eq(SWAR.load(base, i), 0x26)
            if m != 0 { return i + SWAR.firstLane(m) }
            i += 8
        }
        guard i < to, let p = memchr(base + i, 0x26, to - i) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    private static func examine(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ declared: Set<String>) -> (Fix, String) {
        let n = b.count
        var j = at + 1
        // A static's accessor runs `swift_once` on each call: read it only
        // when a bare & needs it, not for each of the (many) &lt;.
        var amp: [UInt8] { Self.ampBytes }
        guard j < n else { return (.replace(1, amp), "unescaped &") }
        if b[j] == UInt8(ascii: "#") {
            j += 1
            let upperX = j < n && b[j] == UInt8(ascii: "X")
            let hex = j < n && (b[j] | 0x20) == UInt8(ascii: "x")
            if hex { j += 1 }
            let st = j
            while j < n, j - st < 10, isDigit(b[j], hex: hex) { j += 1 }
            if j > st, j < n, b[j] == UInt8(ascii: ";") {
                if upperX {
                    var rep: [UInt8] = Array("&#x".utf8)
                    rep.append(contentsOf: UnsafeBufferPointer(rebasing: b[st...j]))
                    return (.replace(j + 1 - at, rep), "character reference with uppercase X")
                }
                // A high surrogate (55296-56319, xD800-xDBFF) written as a reference.
                if hex ? (j - st == 4 && (b[st] | 0x20) == 100) : (j - st == 5 && b[st] == 53),
                   let pair = surrogatePair(b, at) {
                    return (.replace(pair.end - at, Array("&#\(pair.scalar);".utf8)), "surrogate pair written as two character references")
                }
                return (.none, "")
            }
            return (.replace(1, amp), "unescaped &")
        }
        guard isNameStart(b[j]) else { return (.replace(1, amp), "unescaped &") }
        let st = j
        while j < n, j - st < 64, isNameChar(b[j]) { j += 1 }
        guard j < n, b[j] == UInt8(ascii: ";") else { return (.replace(1, amp), "unescaped &") }
        // The five XML entities are by far the most common: answer them
        // without building a String.
        switch j - st {
        case 2 where (b[st] == 108 || b[st] == 103) && b[st + 1] == 116: return (.none, "")   // lt, gt
        case 3 where b[st] == 97 && b[st + 1] == 109 && b[st + 2] == 112: return (.none, "")  // amp
        case 4 where (b[st] == 113 && b[st + 1] == 117 && b[st + 2] == 111 && b[st + 3] == 116)
            || (b[st] == 97 && b[st + 1] == 112 && b[st + 2] == 111 && b[st + 3] == 115): return (.none, "") // quot, apos
        default: break
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[st..<j]), as: UTF8.self)
        if predefined.contains(name) || declared.contains(name) { return (.none, "") }
        if let v = HTMLEntities.lookup(name)?.unicodeScalars, v.count == 1 {
            let rep = Array("&#\(v.first!.value);".utf8)
            return (.replace(j + 1 - at, rep), "undefined entity &\(name);")
        }
        return (.replace(1, amp), "undefined entity &\(name);")
    }

    /// `&#55357;&#56832;` (UTF-16 written out by a JavaScript or Java
    /// generator): XML rejects both halves and libxml2 drops them, losing
    /// the emoji. A high and a low surrogate in a row are one character.
    static func surrogatePair(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> (scalar: UInt32, end: Int)? {
        guard let (hi, first) = PlainText.rawCharRef(b, at), (0xD800...0xDBFF).contains(hi),
              let (lo, second) = PlainText.rawCharRef(b, at + first), (0xDC00...0xDFFF).contains(lo) else { return nil }
        return (0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), at + first + second)
    }

    /// Track CDATA / comment state from `pos` up to `to`.
    private static func advance(_ b: UnsafeBufferPointer<UInt8>, _ pos: inout Int, _ state: inout Int, to: Int) {
        var k = pos
        while k < to {
            let c = b[k]
            switch state {
            case 0:
                if c == 60, k + 3 < b.count, b[k + 1] == 33 {
                    if b[k + 2] == 45, b[k + 3] == 45 { state = 2; k += 4; continue }
                    if k + 8 < b.count, b[k + 2] == 91, b[k + 3] == 67, b[k + 4] == 68, b[k + 5] == 65,
                       b[k + 6] == 84, b[k + 7] == 65, b[k + 8] == 91 { state = 1; k += 9; continue }
                }
            case 1:
                if c == 93, k + 2 < b.count, b[k + 1] == 93, b[k + 2] == 62 { state = 0; k += 3; continue }
            default:
                if c == 45, k + 2 < b.count, b[k + 1] == 45, b[k + 2] == 62 { state = 0; k += 3; continue }
            }
            k += 1
        }
        pos = max(pos, k)
    }

    /// Names declared with `<!ENTITY name …>` in an internal subset.
    private static func declaredEntities(_ b: UnsafeBufferPointer<UInt8>) -> Set<String> {
        var names: Set<String> = []
        let key = Array("<!ENTITY".utf8)
        let limit = b.count
        var i = 0
        while i + key.count < limit {
            guard let p = memchr(b.baseAddress! + i, 0x3C, limit - i) else { break }
            let at = b.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if at + key.count < limit, b[at..<(at + key.count)].elementsEqual(key) {
                var j = at + key.count
                while j < limit, b[j] == 32 || b[j] == 9 || b[j] == 10 || b[j] == 13 { j += 1 }
                let st = j
                while j < limit, isNameChar(b[j]) { j += 1 }
                if j > st { names.insert(String(decoding: UnsafeBufferPointer(rebasing: b[st..<j]), as: UTF8.self)) }
            } else if at + 1 < limit, isNameStart(b[at + 1]) {
                break   // the root element started: no internal subset after this point
            }
            i = at + 1
        }
        return names
    }

    @inline(__always) static func isDigit(_ c: UInt8, hex: Bool) -> Bool {
        (c >= 48 && c <= 57) || (hex && (c | 0x20) >= 97 && (c | 0x20) <= 102)
    }
    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c == 95 || c == 58 || c >= 0x80
    }
    @inline(__always) static func isNameChar(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= 48 && c <= 57) || c == 45 || c == 46
    }
}
