import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP receiver for webhook and ntfy tests: answers by path and records
/// every request with its method, headers and body (FeedServer keeps no bodies).
final class TestReceiver: Sendable {
    enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)] = [], body: String = "")
        /// Never answers: for timeouts.
        case hang
    }

    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [(String, String)]
        var body: [UInt8]

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        func headers(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private let channel: any Channel
    private let routes: NIOLockedValueBox<[String: Reply]>
    private let log: NIOLockedValueBox<[Request]>
    let port: Int

    private init(channel: any Channel, routes: NIOLockedValueBox<[String: Reply]>, log: NIOLockedValueBox<[Request]>) {
        self.channel = channel
        self.routes = routes
        self.log = log
        port = channel.localAddress?.port ?? 0
    }

    static func start() async throws -> TestReceiver {
        let routes = NIOLockedValueBox<[String: Reply]>([:])
        let log = NIOLockedValueBox<[Request]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(ReceiverHandler(routes: routes, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return TestReceiver(channel: channel, routes: routes, log: log)
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func route(_ path: String, _ reply: Reply) { routes.withLockedValue { $0[path] = reply } }

    var requests: [Request] { log.withLockedValue { $0 } }

    func stop() async throws { try await channel.close() }
}

private final class ReceiverHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked: one instance per connection, used only on its event loop.
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let routes: NIOLockedValueBox<[String: TestReceiver.Reply]>
    let log: NIOLockedValueBox<[TestReceiver.Request]>
    var head: HTTPRequestHead?
    var body: [UInt8] = []

    init(routes: NIOLockedValueBox<[String: TestReceiver.Reply]>, log: NIOLockedValueBox<[TestReceiver.Request]>) {
        self.routes = routes
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(let buffer):
            body += buffer.readableBytesView
        case .end:
            guard let head else { return }
            let path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "")
            let request = TestReceiver.Request(
                method: head.method.rawValue, path: path, headers: head.headers.map { ($0.name, $0.value) }, body: body
            )
            log.withLockedValue { $0.append(request) }
            let reply = routes.withLockedValue { $0[path] } ?? .respond(status: 404)
            guard case .respond(let status, let extra, let text) = reply else { return }
            var headers = HTTPHeaders(extra)
            headers.replaceOrAdd(name: "Content-Length", value: String(text.utf8.count))
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .init(statusCode: status), headers: headers))),
                promise: nil
            )
            if !text.isEmpty {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            self.head = nil
        }
    }
}
