import Testing
import WirewatchFetch
import WirewatchTesting

@Suite struct ProxyRoutingTests {
    /// `feeds.test` does not resolve: the only way to get the body is through the proxy.
    @Test func requestsGoThroughTheProxyWithCredentials() async throws {
        let proxy = try await FakeProxy.start(body: "<rss/>")
        let settings = testSettings()
        let clients = Fetcher.makeClients(
            settings: settings,
            proxy: .from(environment: ["HTTP_PROXY": "http://reader:s3cret@127.0.0.1:\(proxy.port)"])
        )
        let fetcher = Fetcher(clients: clients, settings: settings)
        let result: Result<FetchResponse, FetchError>
        do { result = .success(try await fetcher.fetch(.http("http://feeds.test/feed.xml"))) } catch { result = .failure(error) }
        try await clients.shutdown()
        try await proxy.stop()

        let response = try result.get()
        #expect(response.body == Array("<rss/>".utf8))
        let heads = proxy.heads
        #expect(heads.count == 2)
        #expect(heads.first?.hasPrefix("CONNECT feeds.test:80 HTTP/1.1") == true)
        // base64("reader:s3cret")
        #expect(heads.first?.contains("Basic cmVhZGVyOnMzY3JldA==") == true)
        #expect(heads.last?.hasPrefix("GET /feed.xml HTTP/1.1") == true)
        #expect(heads.last?.contains("Wirewatch/") == true)
    }

    @Test func loopbackGoesDirectEvenWithAProxySet() async throws {
        let proxy = try await FakeProxy.start(body: "<from-proxy/>")
        let server = try await FeedServer.start()
        server.route("/feed.xml", .ok(body: "<rss/>"))
        let settings = testSettings()
        let clients = Fetcher.makeClients(
            settings: settings, proxy: .from(environment: ["http_proxy": "http://127.0.0.1:\(proxy.port)"])
        )
        let fetcher = Fetcher(clients: clients, settings: settings)
        let result: Result<FetchResponse, FetchError>
        do { result = .success(try await fetcher.fetch(.http(server.url("/feed.xml")))) } catch { result = .failure(error) }
        try await clients.shutdown()
        try await proxy.stop()
        try await server.stop()

        #expect(try result.get().body == Array("<rss/>".utf8))
        #expect(proxy.heads.isEmpty)
        #expect(server.requests.count == 1)
    }
}
