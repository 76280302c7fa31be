import AsyncHTTPClient
import NIOCore

extension Fetcher {
    static let accept =
        "application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

    /// Bodies of redirects and errors are read this far so the connection can be
    /// reused (a 304 or 3xx usually has none); past it the connection is dropped.
    static let drainLimit = 64 << 10

    /// One request, one response. Validators go out byte-for-byte as the server
    /// sent them; nothing is derived from our clock.
    func exchange(_ target: RequestTarget, validators: FetchValidators) async throws -> Hop {
        var request = HTTPClientRequest(url: target.url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept", value: Self.accept)
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = validators.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }

        let client = clients.client(scheme: target.scheme, host: target.host, port: target.port)
        let response = try await client.execute(request, timeout: settings.timeout.timeAmount)
        var headers: [String: String] = [:]
        for (name, value) in response.headers { headers[name.lowercased()] = value }
        let status = Int(response.status.code)

        guard (200..<300).contains(status) else {
            try await drain(response.body)
            return Hop(status: status, headers: headers, body: [])
        }
        // Refuse early when the server announces an oversized identity body.
        if headers["content-encoding"] == nil, let length = headers["content-length"].flatMap(Int.init),
            length > settings.maxBodyBytes
        {
            throw NIOTooManyBytesError(maxBytes: settings.maxBodyBytes)
        }
        // Stops reading as soon as the (decompressed) body passes the limit.
        let buffer = try await response.body.collect(upTo: settings.maxBodyBytes)
        return Hop(status: status, headers: headers, body: Array(buffer.readableBytesView))
    }

    private func drain(_ body: HTTPClientResponse.Body) async throws {
        var read = 0
        for try await chunk in body {
            read += chunk.readableBytes
            if read > Self.drainLimit { return }
        }
    }
}
