#if canImport(Glibc)
import Glibc
#endif

/// Decodes bytes in a named encoding into UTF-8 bytes. Returns nil when the
/// bytes are not valid in that encoding (or the encoding is unknown), so the
/// caller can try the next candidate, as feedparser does with Python codecs.
enum Transcoder {
    enum Kind { case utf8, ascii, latin1, cp1252, utf16(big: Bool), utf32(big: Bool), iconv(String) }

    static func kind(_ nameIn: String) -> Kind? {
        let name = nameIn.lowercased().replacingOccurrences(of: "_", with: "-")
        switch name {
        case "utf-8", "utf8", "u8", "utf", "unicode-1-1-utf-8": return .utf8
        case "us-ascii", "ascii", "646", "ansi-x3.4-1968", "iso646-us", "us": return .ascii
        case "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "iso-ir-100", "cp819", "8859", "iso-8859-1:1987": return .latin1
        case "windows-1252", "cp1252", "windows1252": return .cp1252
        case "utf-16be", "utf16be", "unicodebigunmarked": return .utf16(big: true)
        case "utf-16le", "utf16le", "unicodelittleunmarked": return .utf16(big: false)
        case "utf-16", "utf16", "u16": return .utf16(big: false)
        case "utf-32be", "utf32be": return .utf32(big: true)
        case "utf-32le", "utf32le": return .utf32(big: false)
        case "utf-32", "utf32", "u32": return .utf32(big: false)
        default:
            return isSupportedByIconv(name) ? .iconv(name) : nil
        }
    }

    static func isSupportedByIconv(_ name: String) -> Bool {
        guard name.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 46 || $0 == 58 }),
              !name.isEmpty, name.count < 40 else { return false }
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return false }
        iconv_close(cd)
        return true
    }

    static func decode(_ b: ArraySlice<UInt8>, _ name: String) -> [UInt8]? {
        guard let k = kind(name) else { return nil }
        switch k {
        case .utf8: return validUTF8(b) ? Array(b) : nil
        case .ascii: return b.allSatisfy { $0 < 0x80 } ? Array(b) : nil
        case .latin1: return latin1(b)
        case .cp1252: return cp1252(b)
        case .utf16(let big): return utf16(b, big: big, bomAware: name.lowercased().hasSuffix("16") || name == "u16")
        case .utf32(let big): return utf32(b, big: big)
        case .iconv(let n): return iconvDecode(b, n) ?? windowsSuperset(n).flatMap { iconvDecode(b, $0) }
        }
    }

    /// The Windows code page a legacy East Asian label means in practice
    /// (the WHATWG Encoding Standard decodes these labels so): Japanese sites
    /// that declare Shift_JIS use CP932's ① ～ ㈱, Korean ones that say
    /// EUC-KR use UHC. Tried only when the strict table rejects the bytes.
    static func windowsSuperset(_ name: String) -> String? {
        switch name {
        case "shift-jis", "sjis", "x-sjis", "ms-kanji", "csshiftjis", "shiftjis": return "CP932"
        case "euc-jp", "x-euc-jp", "eucjp": return "EUC-JP-MS"
        case "euc-kr", "ks-c-5601-1987", "ksc5601", "euckr", "cseuckr": return "CP949"
        case "big5", "csbig5", "x-x-big5": return "CP950"
        default: return nil
        }
    }

    static func validUTF8(_ b: ArraySlice<UInt8>) -> Bool {
        b.withUnsafeBufferPointer { UTF8Validator.isValid($0) }
    }

    static func appendScalar(_ v: UInt32, _ out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    static func latin1(_ b: ArraySlice<UInt8>) -> [UInt8] {
        singleByte(b) { UInt32($0) }!
    }

    static func cp1252(_ b: ArraySlice<UInt8>) -> [UInt8]? {
        singleByte(b) { c in
            guard c >= 0x80 && c <= 0x9F else { return UInt32(c) }
            return Windows1252.high[Int(c - 0x80)]
        }
    }

    /// A single-byte code page: ASCII runs are copied as they are, other
    /// bytes mapped through `map` (nil: not valid in this code page).
    @inline(__always)
    static func singleByte(_ s: ArraySlice<UInt8>, _ map: (UInt8) -> UInt32?) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(s.count + s.count / 8)
        let ok: Bool = s.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            let p = b.baseAddress!
            while i < n {
                var j = i
                // ASCII eight bytes at a time (most of a Western feed).
                while j + 8 <= n, SWAR.load(p, j) & SWAR.highs == 0 { j += 8 }
                while j < n, b[j] < 0x80 { j += 1 }
                if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j])) }
                if j == n { break }
                guard let v = map(b[j]) else { return false }
                appendScalar(v, &out)
                i = j + 1
            }
            return true
        }
        return ok ? out : nil
    }

    static func utf16(_ bIn: ArraySlice<UInt8>, big bigIn: Bool, bomAware: Bool) -> [UInt8]? {
        var b = bIn
        var big = bigIn
        if bomAware, b.count >= 2 {
            if b[b.startIndex] == 0xFE && b[b.startIndex + 1] == 0xFF { big = true; b = b.dropFirst(2) }
            else if b[b.startIndex] == 0xFF && b[b.startIndex + 1] == 0xFE { big = false; b = b.dropFirst(2) }
        }
        guard b.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(b.count / 2)
        var i = b.startIndex
        while i < b.endIndex {
            let u = big ? UInt16(b[i]) << 8 | UInt16(b[i + 1]) : UInt16(b[i + 1]) << 8 | UInt16(b[i])
            units.append(u)
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var it = units.makeIterator()
        var dec = UTF16()
        loop: while true {
            switch dec.decode(&it) {
            case .scalarValue(let s): appendScalar(s.value, &out)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        return out
    }

    static func utf32(_ bIn: ArraySlice<UInt8>, big bigIn: Bool) -> [UInt8]? {
        var b = bIn
        var big = bigIn
        if b.count >= 4 {
            let s = b.startIndex
            if b[s] == 0 && b[s + 1] == 0 && b[s + 2] == 0xFE && b[s + 3] == 0xFF { big = true; b = b.dropFirst(4) }
            else if b[s] == 0xFF && b[s + 1] == 0xFE && b[s + 2] == 0 && b[s + 3] == 0 { big = false; b = b.dropFirst(4) }
        }
        guard b.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(b.count / 4)
        var i = b.startIndex
        while i < b.endIndex {
            let v: UInt32 = big
                ? UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
                : UInt32(b[i + 3]) << 24 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i])
            guard v < 0x110000, !(0xD800...0xDFFF).contains(v) else { return nil }
            appendScalar(v, &out)
            i += 4
        }
        return out
    }

    static func iconvDecode(_ b: ArraySlice<UInt8>, _ name: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = Array(b)
        var out = [UInt8](repeating: 0, count: max(64, input.count * 4 + 16))
        let ok: Int? = input.withUnsafeMutableBufferPointer { ib -> Int? in
            out.withUnsafeMutableBufferPointer { ob -> Int? in
                var inPtr: UnsafeMutablePointer<CChar>? = ib.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = ib.count
                var outPtr: UnsafeMutablePointer<CChar>? = ob.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outLeft = ob.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { return nil }
                return ob.count - outLeft
            }
        }
        guard let n = ok else { return nil }
        out.removeSubrange(n...)
        return out
    }
}
