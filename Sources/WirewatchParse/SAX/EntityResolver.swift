import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Answers libxml2's `getEntity` SAX callback.
///
/// Feeds use HTML named entities (`&nbsp;`, `&eacute;` …) without a DTD. In
/// recover mode libxml2 drops them; answering the lookup ourselves with a
/// predefined-type entity makes libxml2 deliver the text through
/// `characters` and keeps the document going. Only three sources are ever
/// consulted: libxml2's HTML entity table, internal entities the document
/// declared whose replacement text is plain (no `&`, `%` or `<`, so no
/// nesting and no amplification), and, for anything else, the literal
/// `&name;` text (feedparser keeps unknown references as written). External
/// entities are never resolved: we install no handler that would load them.
///
/// Entities are created once per name per parse and freed with the session.
final class EntityResolver {
    private var cache: [String: UnsafeMutablePointer<xmlEntity>] = [:]
    /// Internal general entities declared with plain replacement text.
    private var declared: [String: String] = [:]
    /// Names looked up that were not XML-predefined (for the bozo reason).
    private(set) var firstUndeclared: String?

    static let maxDeclared = 256
    static let maxDeclaredLength = 4096

    deinit {
        for (_, e) in cache {
            // libxml2 hands an entity returned from getEntity the raw text of
            // a declaration of the same name (`orig`), allocated with xmlMalloc.
            if let orig = e.pointee.orig { wirewatch_xmlFree(orig) }
            free(UnsafeMutableRawPointer(mutating: e.pointee.name))
            free(UnsafeMutableRawPointer(mutating: e.pointee.content))
            free(e)
        }
    }

    func declare(name: String, type: Int32, content: String?) {
        guard type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue), let content,
              declared.count < Self.maxDeclared, content.utf8.count <= Self.maxDeclaredLength,
              declared[name] == nil
        else { return }
        if content.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "<") }) {
            return
        }
        declared[name] = content
    }

    func entity(named name: String) -> UnsafeMutablePointer<xmlEntity>? {
        if let e = cache[name] { return e }
        let text: String
        if let d = declared[name] {
            text = d
        } else {
            if firstUndeclared == nil { firstUndeclared = name }
            if let v = HTMLEntities.lookup(name) {
                text = v
            } else {
                text = "&" + name + ";"
            }
        }
        guard let raw = calloc(1, MemoryLayout<xmlEntity>.size) else { return nil }
        let e = raw.bindMemory(to: xmlEntity.self, capacity: 1)
        e.pointee.type = XML_ENTITY_DECL
        e.pointee.etype = XML_INTERNAL_PREDEFINED_ENTITY
        e.pointee.name = UnsafePointer(strdup(name).map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: xmlChar.self) })
        let c = strdup(text).map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: xmlChar.self) }
        e.pointee.content = c
        e.pointee.orig = nil
        e.pointee.length = Int32(text.utf8.count)
        cache[name] = e
        return e
    }
}
