import CLibXML2
import WirewatchCore

/// Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF and JSON Feed from bytes.
///
/// A pure function of its input: no I/O, no network, no global state besides
/// libxml2's one-time initialisation. Safe to call from several threads at
/// once (each call owns its parser context).
public struct FeedParser: Sendable {
    public var options: ParseOptions

    public init(options: ParseOptions = .init()) {
        self.options = options
    }

    public func parse(_ bytes: [UInt8], context: ParseContext = .init()) -> ParsedFeed {
        LibXML2.initialize()
        var problems = ProblemList()
        var input = bytes
        if input.count > options.maxDocumentBytes {
            problems.add(.documentTooLarge,
                         "document is larger than \(options.maxDocumentBytes) bytes; the rest was not read")
            input = Array(input.prefix(options.maxDocumentBytes))
        }
        let hasHTTP = !context.headers.isEmpty
        let decoded = EncodingDetector.detect(input, headers: context.headers, hasHTTP: hasHTTP)
        var encodingProblem: ProblemList.Entry?
        if let issue = decoded.issue { encodingProblem = .init(kind: issue.kind, message: issue.message) }

        let href = context.url ?? ""
        let contentLocation = context.header("content-location") ?? ""
        var base = href
        if !contentLocation.isEmpty {
            if let b = URLResolver.makeSafeAbsolute(base: href, contentLocation), !b.isEmpty { base = b }
            else if let b = URLResolver.makeSafeAbsolute(base: contentLocation, nil), !b.isEmpty { base = b }
        }
        let language = context.header("content-language")

        let builder = FeedBuilder(baseURI: base, language: language)
        builder.encoding = decoded.encoding
        var xmlProblem: ProblemList.Entry?
        if decoded.isJSON {
            let body = decoded.utf8 ?? Array(input[decoded.offset...])
            if let err = JSONFeedReader.read(body, into: builder) {
                xmlProblem = .init(kind: .json, message: err)
            }
        } else {
            let session = SAXSession(builder: builder, maxDepth: options.maxDepth)
            if let u = decoded.utf8 {
                u.withUnsafeBufferPointer { session.run($0) }
            } else {
                input.withUnsafeBufferPointer { p in session.run(UnsafeBufferPointer(rebasing: p[decoded.offset...])) }
            }
            // Of the XML problems, report the one that comes first in the document.
            var candidates: [(line: Int, entry: ProblemList.Entry)] = []
            if let r = session.repairProblem {
                candidates.append((r.line, .init(kind: .xml, message: r.oneLine)))
            }
            if let e = session.firstError {
                candidates.append((e.line, .init(kind: e.isNamespaceError ? .undeclaredNamespace : .xml, message: e.oneLine)))
            }
            if let u = builder.undeclaredEntity {
                candidates.append((u.line, .init(kind: .xml, message: "line \(u.line): undefined entity &\(u.name);")))
            }
            xmlProblem = candidates.min { $0.line < $1.line }?.entry
            // A Netscape DOCTYPE marks RSS 0.91 Netscape (feedparser's rule).
            if session.doctypeExternalID?.lowercased().contains("netscape") == true,
               builder.version.isEmpty || builder.version.hasPrefix("rss") {
                builder.version = "rss091n"
            }
        }
        // An XML error is the more useful reason; feedparser reports it over an encoding override.
        if let x = xmlProblem { problems.entries.append(x) }
        if let e = encodingProblem { problems.entries.append(e) }

        builder.finish()
        let mapped = ModelMapper.map(builder)
        return ParsedFeed(version: builder.version, encoding: decoded.encoding, isMalformed: !problems.entries.isEmpty,
                          problem: problems.entries.first?.message, feed: mapped.feed, items: mapped.items,
                          tree: ResultTree(builder: builder, problems: problems, context: context, href: href))
    }
}
