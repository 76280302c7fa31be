import CLibXML2

/// HTML named entities, answered from libxml2's own HTML 4 table (252 names)
/// plus a few common HTML5 names it lacks.
enum HTMLEntities {
    private static let extra: [String: String] = [
        "apos": "'", "hellip": "\u{2026}", "nbsp": "\u{a0}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201c}", "rdquo": "\u{201d}",
    ]

    static func lookup(_ name: String) -> String? {
        if let d = name.withCString({ htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }) {
            if let scalar = Unicode.Scalar(d.pointee.value) { return String(Character(scalar)) }
        }
        return extra[name]
    }

    /// Code point for a name, for byte-level decoding.
    static func codePoint(_ name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard name.count > 0, name.count < 32 else { return nil }
        var tmp = [UInt8](name)
        tmp.append(0)
        let v: UInt32? = tmp.withUnsafeBufferPointer { p in
            htmlEntityLookup(p.baseAddress!).map { $0.pointee.value }
        }
        if let v { return v }
        if let s = extra[String(decoding: name, as: UTF8.self)] { return s.unicodeScalars.first?.value }
        return nil
    }
}
