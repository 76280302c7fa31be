import NIOCore
import NIOPosix

/// A loopback TCP server for the faults `FeedServer` cannot produce: a server
/// that accepts and never answers, and one that sends headers then drips the body.
final class RawServer: Sendable {
    enum Behaviour: Sendable {
        case silent
        case drip(every: TimeAmount)
    }

    private let channel: any Channel
    let port: Int

    private init(channel: any Channel) {
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    static func start(_ behaviour: Behaviour) async throws -> RawServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ScriptHandler(behaviour: behaviour))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return RawServer(channel: channel)
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() async throws { try await channel.close() }
}

private final class ScriptHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let behaviour: RawServer.Behaviour
    var answered = false
    var drip: RepeatedTask?

    init(behaviour: RawServer.Behaviour) { self.behaviour = behaviour }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        answered = true
        guard case .drip(let every) = behaviour else { return }
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 1000000\r\n\r\n<rss>"
        let channel = context.channel
        channel.writeAndFlush(ByteBuffer(string: head), promise: nil)
        drip = context.eventLoop.scheduleRepeatedTask(initialDelay: every, delay: every) { _ in
            channel.writeAndFlush(ByteBuffer(string: " "), promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        drip?.cancel()
        context.fireChannelInactive()
    }
}
