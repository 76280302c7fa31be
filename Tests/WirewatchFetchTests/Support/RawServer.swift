import NIOConcurrencyHelpers
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
    private let connections: NIOLockedValueBox<Connections>
    let port: Int

    struct Connections {
        var open = 0
        var mostAtOnce = 0
    }

    private init(channel: any Channel, connections: NIOLockedValueBox<Connections>) {
        self.channel = channel
        self.connections = connections
        port = channel.localAddress?.port ?? 0
    }

    /// The most connections that were open at the same time.
    var mostConnectionsAtOnce: Int { connections.withLockedValue { $0.mostAtOnce } }

    static func start(_ behaviour: Behaviour) async throws -> RawServer {
        let connections = NIOLockedValueBox(Connections())
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ScriptHandler(behaviour: behaviour, connections: connections)
                    )
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return RawServer(channel: channel, connections: connections)
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() async throws { try await channel.close() }
}

private final class ScriptHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let behaviour: RawServer.Behaviour
    let connections: NIOLockedValueBox<RawServer.Connections>
    var answered = false
    var drip: RepeatedTask?

    init(behaviour: RawServer.Behaviour, connections: NIOLockedValueBox<RawServer.Connections>) {
        self.behaviour = behaviour
        self.connections = connections
    }

    func channelActive(context: ChannelHandlerContext) {
        connections.withLockedValue {
            $0.open += 1
            $0.mostAtOnce = max($0.mostAtOnce, $0.open)
        }
        context.fireChannelActive()
    }

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
        connections.withLockedValue { $0.open -= 1 }
        drip?.cancel()
        context.fireChannelInactive()
    }
}
