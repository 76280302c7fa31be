// libFuzzer entry point over the parser: any bytes, with and without a URL and a
// Content-Type charset, must parse to a result (possibly malformed) without a
// crash, a hang or reading past the input. Built and run by scripts/fuzz-parser.
import WirewatchParse

private let parser: FeedParser = {
    var options = ParseOptions()
    options.maxDocumentBytes = 1 << 20
    return FeedParser(options: options)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    // The first byte picks the context, so the fuzzer explores the HTTP paths too.
    var context = ParseContext()
    if let first = bytes.first {
        if first & 1 == 1 { context.url = "http://example.org/feed/" }
        switch first >> 5 {
        case 1: context.headers = ["Content-Type": "application/xml; charset=windows-1252"]
        case 2: context.headers = ["Content-Type": "text/xml"]
        case 3: context.headers = ["Content-Type": "application/atom+xml; charset=utf-16"]
        default: break
        }
    }
    let feed = parser.parse(bytes, context: context)
    // Touch the results, so nothing is optimised away.
    var sink = feed.items.count
    for item in feed.items { sink &+= item.title.utf8.count &+ item.contentText.utf8.count }
    _ = feed.feedparserJSON().utf8.count &+ sink
    return 0
}
