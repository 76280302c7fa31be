/// Where the bytes came from: the document URL (the base for relative
/// links) and the HTTP response headers (any key case). Used headers:
/// Content-Type (media type and charset), Content-Location,
/// Content-Language, ETag, Last-Modified.
public struct ParseContext: Sendable {
    public var url: String?
    public var headers: [String: String]

    public init(url: String? = nil, headers: [String: String] = [:]) {
        self.url = url
        self.headers = headers
    }

    func header(_ name: String) -> String? {
        let l = name.lowercased()
        return headers.first { $0.key.lowercased() == l }?.value
    }
}
