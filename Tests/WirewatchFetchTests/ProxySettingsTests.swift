import Testing
@testable import WirewatchFetch

@Suite struct ProxySettingsTests {
    @Test func readsBothSchemesAndPrefersLowerCase() {
        let settings = ProxySettings.from(environment: [
            "HTTP_PROXY": "http://upper:8080", "http_proxy": "http://lower:3128",
            "HTTPS_PROXY": "secure.proxy:8443",
        ])
        #expect(settings.http == ProxyEndpoint(host: "lower", port: 3128))
        #expect(settings.https == ProxyEndpoint(host: "secure.proxy", port: 8443))
        #expect(settings.problems.isEmpty)
    }

    @Test func credentialsPortsAndSchemes() {
        let settings = ProxySettings.from(environment: [
            "http_proxy": "http://us%40er:p%3Ass@Proxy.Example:3128/", "https_proxy": "socks5h://socks.example",
        ])
        #expect(settings.http == ProxyEndpoint(host: "proxy.example", port: 3128, username: "us@er", password: "p:ss"))
        #expect(settings.https == ProxyEndpoint(kind: .socks5, host: "socks.example", port: 1080))
        #expect(settings.http?.description == "http://us@er@proxy.example:3128")
        #expect(ProxySettings.from(environment: ["http_proxy": "http://proxy"]).http?.port == 80)
    }

    @Test func unusableValuesAreReportedNotUsed() {
        let settings = ProxySettings.from(environment: ["https_proxy": "https://tls.proxy:443", "http_proxy": "http://:99"])
        #expect(settings.http == nil)
        #expect(settings.https == nil)
        #expect(settings.problems.count == 2)
        #expect(settings.problems.contains { $0.description.contains("unsupported proxy scheme https") })
    }

    @Test func emptyVariablesMeanUnset() {
        let settings = ProxySettings.from(environment: ["http_proxy": "", "HTTP_PROXY": "http://p:1", "no_proxy": ""])
        #expect(settings.http == ProxyEndpoint(host: "p", port: 1))
        #expect(settings.noProxy.isEmpty)
    }

    @Test func allProxyIsTheFallback() {
        let settings = ProxySettings.from(environment: ["ALL_PROXY": "http://all:1", "https_proxy": "http://s:2"])
        #expect(settings.http == ProxyEndpoint(host: "all", port: 1))
        #expect(settings.https == ProxyEndpoint(host: "s", port: 2))
    }

    @Test func noProxySuffixesDotsStarsAndPorts() {
        let settings = ProxySettings.from(environment: [
            "NO_PROXY": "example.com, .internal.net,*.corp.local  intranet:8080,10.1.2.3,[2001:db8::1]",
        ])
        #expect(settings.bypasses(host: "example.com"))
        #expect(settings.bypasses(host: "feeds.example.com"))
        #expect(settings.bypasses(host: "FEEDS.Example.COM."))
        #expect(!settings.bypasses(host: "notexample.com"))
        #expect(settings.bypasses(host: "internal.net"))
        #expect(settings.bypasses(host: "a.b.internal.net"))
        #expect(settings.bypasses(host: "x.corp.local"))
        #expect(settings.bypasses(host: "intranet", port: 8080))
        #expect(!settings.bypasses(host: "intranet", port: 80))
        #expect(settings.bypasses(host: "10.1.2.3"))
        #expect(!settings.bypasses(host: "10.1.2.4"))
        #expect(settings.bypasses(host: "[2001:db8::1]"))
        #expect(!settings.bypasses(host: "other.org"))
    }

    @Test func starBypassesEverythingAndLoopbackIsAlwaysDirect() {
        #expect(ProxySettings.from(environment: ["no_proxy": "*"]).bypasses(host: "anything.org"))
        let none = ProxySettings.from(environment: ["http_proxy": "http://p:1"])
        for host in ["localhost", "127.0.0.1", "127.9.9.9", "::1", "[::1]", "app.localhost"] {
            #expect(none.bypasses(host: host), "\(host)")
        }
        #expect(!none.bypasses(host: "127.example.com"))
    }

    @Test func proxyIsChosenPerScheme() {
        let settings = ProxySettings.from(environment: [
            "http_proxy": "http://plain:1", "https_proxy": "http://secure:2", "no_proxy": "direct.org,alt.org:8443",
        ])
        #expect(settings.proxy(scheme: "http", host: "feeds.org")?.host == "plain")
        #expect(settings.proxy(scheme: "https", host: "feeds.org")?.host == "secure")
        #expect(settings.proxy(scheme: "https", host: "www.direct.org") == nil)
        #expect(settings.proxy(scheme: "https", host: "alt.org", port: 8443) == nil)
        #expect(settings.proxy(scheme: "https", host: "alt.org")?.host == "secure")  // port 443
        #expect(ProxySettings.from(environment: ["https_proxy": "http://s:2"]).proxy(scheme: "http", host: "a.org") == nil)
    }

    @Test func fetchClientsPickTheMatchingClient() async throws {
        let proxy = ProxySettings.from(environment: [
            "http_proxy": "http://same:1", "https_proxy": "http://same:1", "no_proxy": "direct.org",
        ])
        let clients = Fetcher.makeClients(settings: testSettings(), proxy: proxy)
        #expect(clients.viaProxy.count == 1)  // one client per distinct proxy
        let proxied = try #require(clients.viaProxy[ProxyEndpoint(host: "same", port: 1)])
        #expect(clients.client(scheme: "https", host: "feeds.org", port: nil) === proxied)
        #expect(clients.client(scheme: "http", host: "feeds.org", port: nil) === proxied)
        #expect(clients.client(scheme: "https", host: "direct.org", port: nil) === clients.direct)
        #expect(clients.client(scheme: "http", host: "127.0.0.1", port: 80) === clients.direct)
        try await clients.shutdown()
    }
}
