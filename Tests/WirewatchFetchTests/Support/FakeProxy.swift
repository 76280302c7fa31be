import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// An HTTP proxy for tests that answers `CONNECT` and then plays the origin
/// itself: whatever is asked through the tunnel gets `body`. It records each
/// CONNECT head and each tunnelled request head, so a test can see that a
/// request really went through it, and with which credentials.
final class FakeProxy: Sendable {
    private let channel: any Channel
    private let log: NIOLockedValueBox<[String]>
    let port: Int

    private init(channel: any Channel, log: NIOLockedValueBox<[String]>) {
        self.channel = channel
        self.log = log
        port = channel.localAddress?.port ?? 0
    }

    static func start(body: String) async throws -> FakeProxy {
        let log = NIOLockedValueBox<[String]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TunnelHandler(body: body, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return FakeProxy(channel: channel, log: log)
    }

    /// Request heads seen, CONNECTs and tunnelled requests alike, in order.
    var heads: [String] { log.withLockedValue { $0 } }

    func stop() async throws { try await channel.close() }
}

private final class TunnelHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let body: String
    let log: NIOLockedValueBox<[String]>
    var pending = ""
    var tunnelled = false

    init(body: String, log: NIOLockedValueBox<[String]>) {
        self.body = body
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readString(length: buffer.readableBytes) ?? ""
        while let end = pending.range(of: "\r\n\r\n") {
            let head = String(pending[..<end.lowerBound])
            pending = String(pending[end.upperBound...])
            log.withLockedValue { $0.append(head) }
            let reply =
                tunnelled
                ? "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                : "HTTP/1.1 200 Connection established\r\n\r\n"
            tunnelled = true
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: reply)), promise: nil)
        }
    }
}
