import CLibXML2

/// Small readers of libxml2's tree API, shared by the tree-based parsers
/// (OPML, HTML feed discovery); the feed parser itself never builds a tree.
enum LibXMLTree {
    /// An element's attributes, names lower-cased: `xmlUrl`, `xmlurl` and
    /// `XMLURL` all occur in the wild, and HTML names are case-insensitive.
    static func attributes(of node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var property = node.pointee.properties
        while let attribute = property {
            if let rawName = attribute.pointee.name,
               let value = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) {
                result[String(cString: rawName).lowercased()] = String(cString: value)
                wirewatch_xmlFree(value)
            }
            property = attribute.pointee.next
        }
        return result
    }
}

extension String {
    /// Without leading and trailing Unicode whitespace.
    func trimmingXMLSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
