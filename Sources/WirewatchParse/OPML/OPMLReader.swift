import CLibXML2

/// Reads the feeds of an OPML 1.0/2.0 subscription list.
///
/// libxml2's tree parser rather than Foundation's XMLParser: it is already what the feed
/// parser links, it gives every node its line, and its error messages name the problem
/// ("Opening and ending tag mismatch: outline line 4 and body") where XMLParser on Linux
/// gives a bare error code. Strict parsing (no recovery): a broken file is reported, not
/// half-imported. No network and no external entities.
public enum OPMLReader {
    public static func read(_ bytes: [UInt8], file: String) throws(OPMLError) -> [OPMLFeed] {
        guard let ctxt = xmlNewParserCtxt() else {
            throw OPMLError(file: file, line: nil, message: "cannot start the XML parser")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        // libxml2 goes on after the first fatal error and its `lastError` is then some
        // "Premature end of data" at the end of the file; the first error is the one to show.
        let firstError = FirstError()
        ctxt.pointee._private = Unmanaged.passUnretained(firstError).toOpaque()
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let box = ctxt.pointee._private else { return }
            let first = Unmanaged<FirstError>.fromOpaque(box).takeUnretainedValue()
            guard first.message == nil else { return }
            first.message = error.pointee.message.map { String(cString: $0) }?.trimmingXMLSpace()
            first.line = Int(error.pointee.line)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                xmlCtxtReadMemory(ctxt, $0, Int32(buffer.count), nil, nil, options)
            }
        }
        guard let document, ctxt.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            let last = ctxt.pointee.lastError
            let message = firstError.message ?? last.message.map { String(cString: $0) }?.trimmingXMLSpace() ?? "parse error"
            let line = firstError.line ?? Int(last.line)
            throw OPMLError(file: file, line: line > 0 ? line : nil, message: "not well-formed XML: \(message)")
        }
        defer { xmlFreeDoc(document) }

        guard let root = xmlDocGetRootElement(document), name(of: root) == "opml" else {
            let found = xmlDocGetRootElement(document).map { "<\(name(of: $0))>" } ?? "nothing"
            throw OPMLError(file: file, line: 1, message: "not an OPML document (the root element is \(found), not <opml>)")
        }
        guard let body = elements(under: root).first(where: { name(of: $0) == "body" }) else {
            throw OPMLError(file: file, line: Int(xmlGetLineNo(root)), message: "OPML without a <body>")
        }
        var feeds: [OPMLFeed] = []
        collect(under: body, folders: [], into: &feeds)
        return feeds
    }

    /// The first error libxml2 reports, kept by the structured error handler.
    private final class FirstError {
        var message: String?
        var line: Int?
    }

    /// Outlines with an `xmlUrl` are feeds (whatever their `type`: some exporters omit it);
    /// the others are folders whose text becomes a tag of everything inside.
    private static func collect(under parent: xmlNodePtr, folders: [String], into feeds: inout [OPMLFeed]) {
        for node in elements(under: parent) where name(of: node) == "outline" {
            let attributes = LibXMLTree.attributes(of: node)
            let title = [attributes["text"], attributes["title"]].compactMap { $0 }.first { !$0.isEmpty }
            if let url = attributes["xmlurl"]?.trimmingXMLSpace(), !url.isEmpty {
                feeds.append(OPMLFeed(
                    title: title, xmlURL: url, htmlURL: attributes["htmlurl"], folders: folders,
                    categories: categories(attributes["category"]), line: Int(xmlGetLineNo(node))
                ))
            }
            collect(under: node, folders: title.map { folders + [$0] } ?? folders, into: &feeds)
        }
    }

    /// `"/left,/news/local"` → `["left", "news", "local"]`.
    static func categories(_ value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(separator: ",").flatMap { $0.split(separator: "/") }
            .map { String($0).trimmingXMLSpace() }.filter { !$0.isEmpty }
    }

    private static func elements(under parent: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = parent.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(node) }
            child = node.pointee.next
        }
        return result
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }
}
