import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP server for tests: serves canned responses by path on
/// 127.0.0.1 at a free port and records every request it gets.
///
/// ```swift
/// let server = try await FeedServer.start()
/// server.route("/good.xml", .ok(body: rss, contentType: "application/rss+xml"))
/// server.route("/bad.xml", .status(500))
/// defer { Task { try await server.stop() } }
/// ```
public final class FeedServer: Sendable {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]

        public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        public static func ok(body: String, contentType: String = "application/xml") -> Response {
            Response(status: 200, headers: [("Content-Type", contentType)], body: Array(body.utf8))
        }

        public static func status(_ code: Int) -> Response { Response(status: code) }
    }

    /// One request as the server saw it.
    public struct Request: Sendable {
        public var path: String
        public var headers: [(String, String)]

        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    private let channel: any Channel
    private let routes: NIOLockedValueBox<[String: Response]>
    private let log: NIOLockedValueBox<[Request]>
    public let port: Int

    private init(channel: any Channel, routes: NIOLockedValueBox<[String: Response]>, log: NIOLockedValueBox<[Request]>) {
        self.channel = channel
        self.routes = routes
        self.log = log
        self.port = channel.localAddress?.port ?? 0
    }

    /// Starts a server on 127.0.0.1 with a port chosen by the system.
    public static func start() async throws -> FeedServer {
        let routes = NIOLockedValueBox<[String: Response]>([:])
        let log = NIOLockedValueBox<[Request]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(RouteHandler(routes: routes, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return FeedServer(channel: channel, routes: routes, log: log)
    }

    /// `http://127.0.0.1:PORT` + path.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    public func route(_ path: String, _ response: Response) {
        routes.withLockedValue { $0[path] = response }
    }

    /// Every request so far, in arrival order.
    public var requests: [Request] { log.withLockedValue { $0 } }

    public func stop() async throws {
        try await channel.close()
    }
}

private final class RouteHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let routes: NIOLockedValueBox<[String: FeedServer.Response]>
    let log: NIOLockedValueBox<[FeedServer.Request]>
    var head: HTTPRequestHead?

    init(routes: NIOLockedValueBox<[String: FeedServer.Response]>, log: NIOLockedValueBox<[FeedServer.Request]>) {
        self.routes = routes
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            let path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "")
            log.withLockedValue {
                $0.append(.init(path: path, headers: head.headers.map { ($0.name, $0.value) }))
            }
            let response = routes.withLockedValue { $0[path] } ?? .status(404)
            var headers = HTTPHeaders(response.headers)
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
            let responseHead = HTTPResponseHead(
                version: head.version, status: .init(statusCode: response.status), headers: headers
            )
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            if !response.body.isEmpty {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            self.head = nil
        }
    }
}
