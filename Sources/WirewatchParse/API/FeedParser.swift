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
        let keepsTree = options.buildsFeedparserResult
        let run = Self.run(bytes, context: context, options: options, keepsTree: keepsTree)
        let mapped = ModelMapper.map(run.builder)
        // Without the tree, `result` parses the same bytes again (the array
        // is shared with the caller, not copied).
        let tree = keepsTree
            ? ResultTree(builder: run.builder, problems: run.problems, context: context, href: run.href)
            : ResultTree(deferred: bytes, context: context, options: options)
        return ParsedFeed(version: run.builder.version, encoding: run.encoding, isMalformed: !run.problems.entries.isEmpty,
                          problem: run.problems.entries.first?.message, feed: mapped.feed, items: mapped.items, tree: tree,
                          looksMisdeclaredUTF8: run.builder.looksMisdeclaredUTF8)
    }

    /// Parses without collecting the items: each `Item` goes to `onItem` as
    /// soon as it is complete (when the next one starts, or the document
    /// ends), in document order, and the parser keeps no reference to it. So
    /// the memory a parse needs is bounded by the largest item, not by the
    /// document; the returned feed's `items` is empty.
    public func parse(_ bytes: [UInt8], context: ParseContext = .init(), onItem: (Item) -> Void) -> ParsedFeed {
        withoutActuallyEscaping(onItem) { sink in
            let run = Self.run(bytes, context: context, options: options, keepsTree: false, itemSink: sink)
            let mapped = ModelMapper.map(run.builder)
            run.builder.itemSink = nil
            return ParsedFeed(
                version: run.builder.version, encoding: run.encoding, isMalformed: !run.problems.entries.isEmpty,
                problem: run.problems.entries.first?.message, feed: mapped.feed, items: [],
                tree: ResultTree(deferred: bytes, context: context, options: options),
                looksMisdeclaredUTF8: run.builder.looksMisdeclaredUTF8
            )
        }
    }

    /// One parse of the document into a builder. With `keepsTree` the builder
    /// keeps every entry (the feedparser result); without it, entries become
    /// `Item`s as the parse goes (`FeedBuilder.mappedItems`).
    struct Run {
        let builder: FeedBuilder
        let problems: ProblemList
        let href: String
        let encoding: String
    }

    static func run(_ bytes: [UInt8], context: ParseContext, options: ParseOptions, keepsTree: Bool,
                    itemSink: ((Item) -> Void)? = nil) -> Run {
        LibXML2.initialize()
        var problems = ProblemList()
        var input = bytes
        if input.count > options.maxDocumentBytes {
            problems.add(.documentTooLarge,
                         "document is larger than \(options.maxDocumentBytes) bytes; the rest was not read")
            input = Array(input.prefix(options.maxDocumentBytes))
        }
        var junkProblem: ProblemList.Entry?
        if let start = LeadingJunk.documentStart(input) {
            junkProblem = .init(kind: .xml, message: "line 1: \(start) bytes of text before the document were skipped")
            input = Array(input[start...])
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

        func makeBuilder(sink: ((Item) -> Void)?) -> FeedBuilder {
            let builder = FeedBuilder(baseURI: base, language: language)
            builder.keepsEntries = keepsTree
            builder.itemSink = sink
            builder.encoding = decoded.encoding
            builder.looksMisdeclaredUTF8 = decoded.looksMisdeclaredUTF8
            return builder
        }
        // Items streamed out, so a second pass (below) does not hand them out again.
        var emitted = 0
        var builder = makeBuilder(sink: itemSink.map { sink in { item in emitted += 1; sink(item) } })
        var xmlProblem: ProblemList.Entry?
        if decoded.isJSON {
            let body = decoded.utf8 ?? Array(input[decoded.offset...])
            if let err = JSONFeedReader.read(body, into: builder) {
                xmlProblem = .init(kind: .json, message: err)
            }
        } else {
            var session = SAXSession(builder: builder, maxDepth: options.maxDepth)
            var cleaned: [UInt8]?
            if let u = decoded.utf8 {
                u.withUnsafeBufferPointer { session.run($0) }
                if session.invalidCharacter != nil { cleaned = u.withUnsafeBufferPointer(ControlCharacters.cleaned) }
            } else {
                input.withUnsafeBufferPointer { p in
                    let document = UnsafeBufferPointer(rebasing: p[decoded.offset...])
                    session.run(document)
                    if session.invalidCharacter != nil { cleaned = ControlCharacters.cleaned(document) }
                }
            }
            // Of the XML problems, report the one that comes first in the document.
            var candidates: [(line: Int, entry: ProblemList.Entry)] = []
            if let invalid = session.invalidCharacter, let cleaned {
                // A control character XML forbids: parsed again without them
                // (see ControlCharacters), skipping the items already handed out.
                var skip = emitted
                builder = makeBuilder(sink: itemSink.map { sink in { item in if skip > 0 { skip -= 1 } else { sink(item) } } })
                session = SAXSession(builder: builder, maxDepth: options.maxDepth)
                session.stopsAtInvalidCharacter = false
                cleaned.withUnsafeBufferPointer { session.run($0) }
                candidates.append((invalid.line, .init(kind: .xml, message: invalid.oneLine + " (invalid characters removed)")))
            }
            if let r = session.repairProblem {
                candidates.append((r.line, .init(kind: .xml, message: r.oneLine)))
            }
            if let e = session.firstError {
                candidates.append((e.line, .init(kind: e.isNamespaceError ? .undeclaredNamespace : .xml, message: e.oneLine)))
            }
            if let u = builder.undeclaredEntity {
                candidates.append((u.line, .init(kind: .xml, message: "line \(u.line): undefined entity &\(u.name);")))
            }
            xmlProblem = junkProblem ?? candidates.min { $0.line < $1.line }?.entry
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
        return Run(builder: builder, problems: problems, href: href, encoding: decoded.encoding)
    }
}
