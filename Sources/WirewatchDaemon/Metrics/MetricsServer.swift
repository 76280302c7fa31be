import NIOCore
import NIOHTTP1
import NIOPosix

/// The smallest HTTP server that Prometheus can scrape: `GET /metrics` (and `HEAD`)
/// answers the registry in the text format; anything else is 404 or 405. One NIO
/// listener on the shared event loop group, no TLS, no auth: bind it to loopback (the
/// default) or put a proxy in front.
public final class MetricsServer: Sendable {
    private let channel: any Channel
    /// The port bound: the one asked for, or the system's choice for port 0 (tests).
    public let port: Int

    /// Binds `host:port` and serves `render()` (called after `beforeScrape()`) per request.
    public static func start(
        host: String, port: Int,
        beforeScrape: @escaping @Sendable () async -> Void = {},
        render: @escaping @Sendable () -> [UInt8]
    ) async throws -> MetricsServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 16)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(
                        MetricsHandler(beforeScrape: beforeScrape, render: render)
                    )
                }
            }
            .bind(host: host, port: port)
            .get()
        return MetricsServer(channel: channel)
    }

    private init(channel: any Channel) {
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
    }

    public func stop() async {
        try? await channel.close()
    }
}

/// One connection: answers each request in turn (keep-alive is NIO's).
private final class MetricsHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let beforeScrape: @Sendable () async -> Void
    let render: @Sendable () -> [UInt8]
    var head: HTTPRequestHead?

    init(beforeScrape: @escaping @Sendable () async -> Void, render: @escaping @Sendable () -> [UInt8]) {
        self.beforeScrape = beforeScrape
        self.render = render
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
            guard path == "/metrics" else {
                respond(context, head, status: .notFound, body: Array("not found: try /metrics\n".utf8))
                return
            }
            guard head.method == .GET || head.method == .HEAD else {
                respond(context, head, status: .methodNotAllowed, body: [])
                return
            }
            // The gauges read the archive: off the event loop, then back on it to answer.
            let beforeScrape = self.beforeScrape
            let render = self.render
            let loop = context.eventLoop
            let body = loop.makeFutureWithTask {
                await beforeScrape()
                return render()
            }
            let boundContext = NIOLoopBound(context, eventLoop: loop)
            body.whenSuccess { bytes in
                self.respond(boundContext.value, head, status: .ok, body: bytes, contentType: "text/plain; version=0.0.4; charset=utf-8")
            }
        }
    }

    private func respond(
        _ context: ChannelHandlerContext, _ request: HTTPRequestHead, status: HTTPResponseStatus, body: [UInt8],
        contentType: String = "text/plain; charset=utf-8"
    ) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.count))
        if status == .methodNotAllowed { headers.add(name: "Allow", value: "GET, HEAD") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))), promise: nil)
        if request.method != .HEAD, !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
