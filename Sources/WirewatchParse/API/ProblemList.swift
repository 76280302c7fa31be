/// Why a feed was flagged as malformed (feedparser's `bozo_exception_type`
/// names where feedparser has one).
enum ProblemKind: String {
    /// Not well-formed XML (libxml2's error, or a reference we had to repair).
    case xml = "SAXParseException"
    /// An element or attribute prefix bound to no namespace.
    case undeclaredNamespace = "UndeclaredNamespace"
    /// Decoded with another encoding than the one declared.
    case encodingOverride = "CharacterEncodingOverride"
    /// No candidate encoding could decode the bytes.
    case encodingUnknown = "CharacterEncodingUnknown"
    /// Served with a media type that is not XML.
    case nonXMLContentType = "NonXMLContentType"
    /// Larger than `ParseOptions.maxDocumentBytes`.
    case documentTooLarge = "DocumentTooLarge"
    /// A JSON Feed that is not valid JSON or has an unknown version.
    case json = "JSONDecodeError"
}

/// What went wrong, most useful reason first.
struct ProblemList {
    struct Entry {
        var kind: ProblemKind
        var message: String
    }
    var entries: [Entry] = []
    mutating func add(_ kind: ProblemKind, _ message: String) { entries.append(Entry(kind: kind, message: message)) }
}
