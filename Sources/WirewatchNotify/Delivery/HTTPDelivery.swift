import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One POST for a sink (webhook, ntfy), its outcome turned into success or a
/// `DeliveryError`.
struct HTTPDelivery: Sendable {
    var sink: String
    var url: String
    var headers: [(String, String)]
    var body: [UInt8]
    var timeout: Duration

    /// Returns on 2xx; throws a classified `DeliveryError` otherwise.
    func post(with client: HTTPClient) async throws(DeliveryError) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: Self.timeAmount(timeout))
            let status = Int(response.status.code)
            // Read a little of the body: the error message, and on success it lets the
            // connection go back to the pool.
            let detail = await Self.firstLine(of: response.body)
            if let error = HTTPStatusOutcome.error(
                status: status, reasonPhrase: response.status.reasonPhrase,
                retryAfterHeader: response.headers.first(name: "Retry-After"), detail: detail, sink: sink
            ) {
                throw error
            }
        } catch let error as DeliveryError {
            throw error
        } catch {
            throw Self.classify(transport: error, sink: sink, url: url)
        }
    }

    /// A request that never got a status: a bad URL or header fails every time; a
    /// refused connection, timeout or reset may pass later.
    static func classify(transport error: any Error, sink: String, url: String) -> DeliveryError {
        if let error = error as? HTTPClientError {
            // HTTPClientError is a struct: fixed codes compare with ==, codes that carry
            // a value (the scheme, the header names) are told apart by shortDescription.
            if [.invalidURL, .emptyHost, .emptyScheme, .missingSocketPath].contains(error)
                || error.shortDescription == "Unsupported scheme"
            {
                return .permanent(sink: sink, reason: "bad URL \(HeaderText.sanitize(url, limit: 200))")
            }
            if error.shortDescription.hasPrefix("Invalid header field") {
                return .permanent(sink: sink, reason: "invalid header in the sink's settings")
            }
            if [.deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout].contains(error) {
                return .retryable(sink: sink, reason: "timed out")
            }
            if error == .remoteConnectionClosed {
                return .retryable(sink: sink, reason: "connection closed by the server")
            }
            return .retryable(sink: sink, reason: error.shortDescription)
        }
        if error is CancellationError { return .retryable(sink: sink, reason: "cancelled") }
        if let error = error as? IOError {
            // AHC retries a refused connection until the timeout, then reports the last failure.
            let reason = error.errnoCode == ECONNREFUSED ? "connection refused" : ChildProcess.errorText(error.errnoCode)
            return .retryable(sink: sink, reason: reason)
        }
        // NIOConnectionError, connection refused, DNS failure, TLS…: the receiver may be back later.
        return .retryable(sink: sink, reason: HeaderText.sanitize("\(error)", limit: 200))
    }

    /// The first line of the response body, cut short: servers often explain a 4xx there.
    static func firstLine(of body: HTTPClientResponse.Body) async -> String {
        var bytes: [UInt8] = []
        do {
            for try await chunk in body {
                bytes += chunk.readableBytesView.prefix(1024 - bytes.count)
                if bytes.count >= 1024 { break }
            }
        } catch {
            // The status already says what went wrong; the body is only a detail.
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return HeaderText.sanitize(line, limit: 160)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let parts = duration.components
        return .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}
