/// The feedparser result behind a `ParsedFeed`: either the tree the parse
/// kept (`ParseOptions.buildsFeedparserResult`) or the document to parse
/// again, in full, when the result is asked for. Never mutated after the
/// parse returns, which is what makes sharing it across threads sound.
final class ResultTree: @unchecked Sendable {
    private enum Source {
        case built(builder: FeedBuilder, problems: ProblemList, context: ParseContext, href: String)
        case deferred(bytes: [UInt8], context: ParseContext, options: ParseOptions)
    }

    private let source: Source

    init(builder: FeedBuilder, problems: ProblemList, context: ParseContext, href: String) {
        source = .built(builder: builder, problems: problems, context: context, href: href)
    }

    init(deferred bytes: [UInt8], context: ParseContext, options: ParseOptions) {
        source = .deferred(bytes: bytes, context: context, options: options)
    }

    var json: JSONValue {
        switch source {
        case let .built(builder, problems, context, href):
            return ResultAssembler.assemble(builder: builder, problems: problems, context: context, href: href)
        case let .deferred(bytes, context, options):
            let run = FeedParser.run(bytes, context: context, options: options, keepsTree: true)
            return ResultAssembler.assemble(builder: run.builder, problems: run.problems, context: context, href: run.href)
        }
    }
}

/// Builds the top-level feedparser result object (SCHEMA.md).
enum ResultAssembler {
    static func assemble(builder: FeedBuilder, problems: ProblemList, context: ParseContext, href: String) -> JSONValue {
        var top: [(String, JSONValue)] = []
        top.append(("bozo", .bool(!problems.entries.isEmpty)))
        if let p = problems.entries.first {
            top.append(("bozo_exception", .string(p.message)))
            top.append(("bozo_exception_type", .string(p.kind.rawValue)))
        }
        top.append(("encoding", .string(builder.encoding)))
        top.append(("version", .string(builder.version)))
        top.append(("namespaces", .object(builder.namespacesInUse.map { ($0.0, .string($0.1)) })))
        top.append(("feed", builder.feed.json))
        top.append(("entries", .array(builder.entries.map(entryJSON))))
        if context.url != nil || !context.headers.isEmpty {
            top.append(("href", .string(href)))
            top.append(("status", .int(200)))
            if let e = context.header("etag"), !e.isEmpty { top.append(("etag", .string(e))) }
            if let m = context.header("last-modified"), !m.isEmpty {
                top.append(("modified", .string(m)))
                if let d = FeedDate.parse(m) { top.append(("modified_parsed", .string(FeedDate.iso(d)))) }
            }
            top.append(("headers", .object(context.headers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        return .object(top)
    }

    /// An entry, plus feedparser's derived `enclosures` (its links with
    /// rel="enclosure", without the rel).
    static func entryJSON(_ e: FPDict) -> JSONValue {
        guard case .object(var pairs) = e.json else { return e.json }
        if !e.contains("enclosures"), let links = e["links"]?.listValue {
            let encs: [JSONValue] = links.items.compactMap { l in
                guard let d = l.dictValue, d.string("rel") == "enclosure" else { return nil }
                return .object(d.keys.filter { $0 != "rel" }.map { ($0, d[$0]!.json) })
            }
            if !encs.isEmpty { pairs.append(("enclosures", .array(encs))) }
        }
        return .object(pairs)
    }
}
