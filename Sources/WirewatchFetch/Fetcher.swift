import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import WirewatchCore

/// Fetches feed documents: `http(s)://` through one shared AsyncHTTPClient, and
/// local files. Sendable and stateless apart from the client, so every poll task
/// uses the same instance.
public struct Fetcher: Sendable {
    public struct Settings: Sendable {
        /// Whole-request limit (connect, send, wait, read the body).
        public var timeout: Duration = .seconds(30)
        /// Largest body accepted, after decompression.
        public var maxBodyBytes: Int = 32 << 20
        public var userAgent: String = "Wirewatch/\(WirewatchVersion.current) (+https://github.com/wirewatch/wirewatch)"

        public init() {}
    }

    let client: HTTPClient
    public let settings: Settings

    public init(client: HTTPClient, settings: Settings = .init()) {
        self.client = client
        self.settings = settings
    }

    /// The client configuration Wirewatch wants: redirects followed (cycles refused),
    /// gzip/deflate decoded with a size limit, so a gzip bomb is refused.
    public static func makeClient(settings: Settings = .init()) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 8, allowCycles: false),
            timeout: .init(connect: .seconds(10), read: .seconds(30)),
            decompression: .enabled(limit: .size(settings.maxBodyBytes))
        )
        configuration.httpVersion = .automatic
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func fetch(_ source: FeedSource, validators: FetchValidators = .init()) async throws(FetchError) -> FetchResponse {
        switch source {
        case .file(let path): try readFile(path)
        case .http(let url): try await get(url, validators: validators)
        }
    }

    func readFile(_ path: String) throws(FetchError) -> FetchResponse {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .file(reason: exists ? "cannot read file" : "no such file", path: path)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: settings.maxBodyBytes + 1) ?? Data()
        } catch {
            throw .file(reason: "cannot read file (\(error.localizedDescription))", path: path)
        }
        if data.count > settings.maxBodyBytes { throw .tooLarge(limit: settings.maxBodyBytes, url: "file://" + path) }
        return FetchResponse(status: 200, body: [UInt8](data), headers: [:], finalURL: "file://" + path)
    }

    func get(_ url: String, validators: FetchValidators) async throws(FetchError) -> FetchResponse {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept", value: "application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = validators.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }

        let timeout = TimeAmount.nanoseconds(Int64(settings.timeout.components.seconds) * 1_000_000_000
            + settings.timeout.components.attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(request, timeout: timeout)
            var headers: [String: String] = [:]
            for (name, value) in response.headers { headers[name.lowercased()] = value }
            let finalURL = response.url?.absoluteString ?? url
            if response.status == .notModified {
                return FetchResponse(status: 304, body: [], headers: headers, finalURL: finalURL)
            }
            guard (200..<300).contains(response.status.code) else {
                throw FetchError.http(status: Int(response.status.code), url: url)
            }
            let buffer = try await response.body.collect(upTo: settings.maxBodyBytes)
            return FetchResponse(
                status: Int(response.status.code), body: Array(buffer.readableBytesView),
                headers: headers, finalURL: finalURL
            )
        } catch let error as FetchError {
            throw error
        } catch let error as NIOTooManyBytesError {
            _ = error
            throw .tooLarge(limit: settings.maxBodyBytes, url: url)
        } catch {
            throw .transport(reason: Self.describe(error), url: url)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            case .redirectLimitReached: return "too many redirects"
            case .redirectCycleDetected: return "redirect loop"
            case .remoteConnectionClosed: return "connection closed by server"
            default: return "\(error)"
            }
        }
        let text = "\(error)"
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
