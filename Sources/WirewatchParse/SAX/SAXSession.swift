import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One streaming parse: owns the libxml2 push-parser context, the SAX2
/// callbacks and the per-parse caches. Created and used by one thread.
///
/// Why SAX2 push rather than xmlTextReader: the research measured SAX2 push
/// driven from Swift at 87% of the C floor against 52% for xmlTextReader,
/// and SAX never builds a tree, so memory stays bounded by the item being
/// assembled, not by the document.
final class SAXSession {
    let builder: FeedBuilder
    let entities = EntityResolver()
    let maxDepth: Int
    @exclusivity(unchecked) private var names: [NameKey: ElementName] = [:]
    /// A direct-mapped cache in front of `names`: two events per element
    /// each paid a SipHash of three pointers there; a feed uses a few dozen
    /// names, so nearly every lookup is one compare here.
    @exclusivity(unchecked) private var recentNames = [(key: NameKey, name: ElementName)?](repeating: nil, count: NameKey.slots)
    @exclusivity(unchecked) private var attributeNames: [NameKey: (String, String)] = [:]
    @exclusivity(unchecked) private(set) var ctxt: xmlParserCtxtPtr?
    @exclusivity(unchecked) private var depth = 0
    /// First error reported by libxml2 (or by our limits), with its line.
    @exclusivity(unchecked) private(set) var firstError: ParseProblem?
    @exclusivity(unchecked) private(set) var limitHit = false
    @exclusivity(unchecked) private(set) var doctypeExternalID: String?
    /// The first reference that had to be rewritten before libxml2 saw it.
    @exclusivity(unchecked) private(set) var repairProblem: ParseProblem?
    /// The first character XML does not allow (a C0 control), when the session
    /// stopped at it: the caller parses a cleaned copy instead (see ControlCharacters).
    @exclusivity(unchecked) private(set) var invalidCharacter: ParseProblem?
    /// Whether to stop at the first invalid character (false on the cleaned copy).
    var stopsAtInvalidCharacter = true

    init(builder: FeedBuilder, maxDepth: Int) {
        self.builder = builder
        self.maxDepth = maxDepth
    }

    /// Options: recover ourselves (the builder keeps what it got), never
    /// touch the network, stay quiet (errors arrive through `serror`), and
    /// ignore the declared encoding because the bytes were already
    /// transcoded to UTF-8. Never NOENT, DTDLOAD or HUGE (see parsers.md §5.10).
    static let options: Int32 = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
        | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue)

    static let chunkSize = 64 * 1024

    func run(_ utf8: UnsafeBufferPointer<UInt8>) {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = saxStartElementNs
        sax.endElementNs = saxEndElementNs
        sax.characters = saxCharacters
        sax.cdataBlock = saxCharacters
        sax.getEntity = saxGetEntity
        sax.entityDecl = saxEntityDecl
        sax.internalSubset = saxInternalSubset
        sax.serror = saxStructuredError
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&sax, me, nil, 0, nil) else {
            record(line: 0, "libxml2 could not create a parser context")
            return
        }
        self.ctxt = ctxt
        defer {
            self.ctxt = nil
            // libxml2 keeps DTD entity declarations in a stand-in document
            // even in SAX mode ("expat compatibility"); the context does not
            // own it, so free it here or every DOCTYPE would leak.
            if let doc = ctxt.pointee.myDoc {
                ctxt.pointee.myDoc = nil
                xmlFreeDoc(doc)
            }
            xmlFreeParserCtxt(ctxt)
        }
        _ = xmlCtxtUseOptions(ctxt, Self.options)
        ctxt.pointee.replaceEntities = 0
        ctxt.pointee.loadsubset = 0
        guard let base = utf8.baseAddress, utf8.count > 0 else {
            _ = xmlParseChunk(ctxt, nil, 0, 1)
            return
        }
        // Chunks are repaired on the way in (see ReferenceRepair), so memory
        // stays bounded by the chunk size even for a document full of &nbsp;.
        var repair = ReferenceRepair(utf8)
        var scratch: [UInt8] = []
        var offset = 0
        while offset < utf8.count, !limitHit {
            scratch.removeAll(keepingCapacity: true)
            let (end, rewritten) = repair.chunk(from: offset, to: min(utf8.count, offset + Self.chunkSize), into: &scratch)
            if rewritten {
                scratch.withUnsafeBufferPointer { p in
                    p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                        _ = xmlParseChunk(ctxt, $0, Int32(p.count), 0)
                    }
                }
            } else {
                base.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: end - offset) {
                    _ = xmlParseChunk(ctxt, $0, Int32(end - offset), 0)
                }
            }
            offset = end
            if ctxt.pointee.instate == XML_PARSER_EOF { break }
        }
        if let line = repair.firstLine, let f = repair.first {
            repairProblem = ParseProblem(line: line, message: f.reason)
        }
        if !limitHit { _ = xmlParseChunk(ctxt, nil, 0, 1) }
    }

    // MARK: - events

    fileprivate func startElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                                  _ uri: UnsafePointer<xmlChar>?, _ nbNamespaces: Int32,
                                  _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                  _ nbAttributes: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        resetWellFormed()
        depth += 1
        if depth > maxDepth {
            limitHit = true
            record(line: currentLine, "nesting deeper than \(maxDepth) elements")
            if let ctxt { xmlStopParser(ctxt) }
            return
        }
        var decls: [(String?, String)] = []
        if nbNamespaces > 0, let namespaces {
            for i in 0..<Int(nbNamespaces) {
                let p = namespaces[2 * i].map { String(cString: $0) }
                let u = namespaces[2 * i + 1].map { String(cString: $0) } ?? ""
                decls.append((p, u))
            }
        }
        if !decls.isEmpty { builder.declareNamespaces(decls) }
        let name = resolve(localname, prefix, uri)
        var attrs: [(String, String)] = []
        var rawNames: [String] = []
        let keepRaw = builder.incontent > 0
        if nbAttributes > 0, let attributes {
            attrs.reserveCapacity(Int(nbAttributes))
            for i in 0..<Int(nbAttributes) {
                let b = 5 * i
                guard let lp = attributes[b], let vs = attributes[b + 3], let ve = attributes[b + 4] else { continue }
                let (key, raw) = attributeName(lp, attributes[b + 2])
                if keepRaw { rawNames.append(raw) }
                let bytes = UnsafeBufferPointer(start: vs, count: ve - vs)
                var value = String(utf8Bytes: bytes)
                // Without entity substitution libxml2 hands '&' in attribute
                // values over as "&#38;" (for a tree builder to re-parse).
                // (memchr on the bytes: the String's generic `contains` showed.)
                if !bytes.isEmpty, memchr(vs, 38, bytes.count) != nil {
                    value = value.replacingOccurrences(of: "&#38;", with: "&")
                }
                attrs.append((key, value))
            }
        }
        builder.startElement(name, attrs: attrs, rawNames: rawNames, rawLocal: keepRaw ? localname.map { String(cString: $0) } : nil)
    }

    fileprivate func endElement(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                                _ uri: UnsafePointer<xmlChar>?) {
        resetWellFormed()
        if depth > maxDepth { depth -= 1; return }
        depth -= 1
        builder.endElement(resolve(localname, prefix, uri))
    }

    fileprivate func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int32) {
        guard let ch, len > 0 else { return }
        builder.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
    }

    fileprivate func getEntity(_ name: UnsafePointer<xmlChar>?) -> xmlEntityPtr? {
        // libxml2 skips entity references once the document is marked
        // not well-formed; we track errors ourselves, so keep it set.
        resetWellFormed()
        guard let name else { return nil }
        let s = String(cString: name)
        let wasUndeclared = entities.firstUndeclared
        let e = entities.entity(named: s)
        if wasUndeclared == nil, let u = entities.firstUndeclared {
            builder.noteUndeclaredEntity(u, line: currentLine)
        }
        return e
    }

    fileprivate func entityDecl(_ name: UnsafePointer<xmlChar>?, _ type: Int32, _ content: UnsafeMutablePointer<xmlChar>?) {
        guard let name else { return }
        entities.declare(name: String(cString: name), type: type, content: content.map { String(cString: $0) })
    }

    fileprivate func internalSubset(_ externalID: UnsafePointer<xmlChar>?) {
        doctypeExternalID = externalID.map { String(cString: $0) }
    }

    fileprivate func error(_ err: xmlErrorPtr?) {
        guard let err else { return }
        let e = err.pointee
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        // Problems inside the DOCTYPE's internal subset do not touch the feed
        // (feedparser strips the DOCTYPE before parsing).
        if let ctxt, ctxt.pointee.inSubset != 0 { return }
        var msg = e.message.map { String(cString: $0) } ?? "XML error \(e.code)"
        while let last = msg.last, last == "\n" || last == " " { msg.removeLast() }
        if stopsAtInvalidCharacter, e.code == Int32(XML_ERR_INVALID_CHAR.rawValue), let ctxt {
            // libxml2's recovery from a control character in text also loses
            // the escaped markup after it (`y\u{0B}z&lt;/b&gt;` came out as
            // "yz/b"): stop here; the whole document is parsed again, cleaned.
            invalidCharacter = ParseProblem(line: Int(e.line), message: msg, code: Int(e.code))
            xmlStopParser(ctxt)
            return
        }
        record(line: Int(e.line), msg, code: Int(e.code), domain: Int(e.domain))
    }

    // MARK: - helpers

    private var currentLine: Int {
        guard let ctxt, let input = ctxt.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    private func resetWellFormed() {
        if let ctxt, ctxt.pointee.wellFormed == 0 { ctxt.pointee.wellFormed = 1 }
    }

    private func record(line: Int, _ message: String, code: Int = 0, domain: Int = 0) {
        if firstError == nil {
            firstError = ParseProblem(line: line, message: message, code: code,
                                      isNamespaceError: domain == Int(XML_FROM_NAMESPACE.rawValue))
        }
    }

    /// feedparser's attribute key (`prefix:local`, lower-cased, prefix only
    /// for known namespaces) and the name as written, cached per interned name.
    private func attributeName(_ local: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) -> (String, String) {
        let k = NameKey(local: UnsafeRawPointer(local), prefix: nil, uri: UnsafeRawPointer(uri))
        if let hit = attributeNames[k] { return hit }
        let l = String(cString: local)
        var key = l.lowercased()
        var raw = l
        if let uri {
            let (_, lower) = Namespaces.normalize(String(cString: uri))
            if let pre = Namespaces.known[lower], !pre.isEmpty {
                key = pre.lowercased() + ":" + key
                raw = pre + ":" + l
            }
        }
        attributeNames[k] = (key, raw)
        return (key, raw)
    }

    private func resolve(_ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                         _ uri: UnsafePointer<xmlChar>?) -> ElementName {
        let key = NameKey(local: UnsafeRawPointer(localname), prefix: UnsafeRawPointer(prefix), uri: UnsafeRawPointer(uri))
        let slot = key.slot
        if let hit = recentNames[slot], hit.key == key { return hit.name }
        let n = resolveMiss(key, localname, prefix, uri)
        recentNames[slot] = (key, n)
        return n
    }

    private func resolveMiss(_ key: NameKey, _ localname: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?,
                             _ uri: UnsafePointer<xmlChar>?) -> ElementName {
        if let n = names[key] { return n }
        let local = localname.map { String(cString: $0) } ?? ""
        let given = prefix.map { String(cString: $0) }
        let rawURI = uri.map { String(cString: $0) } ?? ""
        let n = builder.makeName(local: local, givenPrefix: given, uri: rawURI)
        names[key] = n
        return n
    }
}

/// The first thing that went wrong, for `bozo_exception` and `problem`.
struct ParseProblem {
    var line: Int
    var message: String
    var code: Int = 0
    var isNamespaceError = false

    var oneLine: String { line > 0 ? "line \(line): \(message)" : message }
}

// MARK: - C callbacks (no captures; the session comes back through userData)

@inline(__always)
private func session(_ ctx: UnsafeMutableRawPointer?) -> SAXSession {
    Unmanaged<SAXSession>.fromOpaque(ctx!).takeUnretainedValue()
}

private let saxStartElementNs: startElementNsSAX2Func = { ctx, localname, prefix, uri, nbNs, ns, nbAttr, _, attrs in
    session(ctx).startElement(localname, prefix, uri, nbNs, ns, nbAttr, attrs)
}

private let saxEndElementNs: endElementNsSAX2Func = { ctx, localname, prefix, uri in
    session(ctx).endElement(localname, prefix, uri)
}

private let saxCharacters: charactersSAXFunc = { ctx, ch, len in
    session(ctx).characters(ch, len)
}

private let saxGetEntity: getEntitySAXFunc = { ctx, name in
    session(ctx).getEntity(name)
}

private let saxEntityDecl: entityDeclSAXFunc = { ctx, name, type, _, _, content in
    session(ctx).entityDecl(name, type, content)
}

private let saxInternalSubset: internalSubsetSAXFunc = { ctx, _, externalID, _ in
    session(ctx).internalSubset(externalID)
}

private let saxStructuredError: xmlStructuredErrorFunc = { ctx, err in
    guard let ctx else { return }
    session(ctx).error(err)
}
