import Testing
@testable import WirewatchDedup

@Suite("Canonical links")
struct CanonicalLinkTests {
    @Test(arguments: [
        ("HTTP://Example.COM/a/b", "http://example.com/a/b"),
        ("https://example.com:443/x", "https://example.com/x"),
        ("http://example.com:80/x", "http://example.com/x"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com/story#comments", "https://example.com/story"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/s?utm_source=rss&utm_medium=feed&id=7", "https://example.com/s?id=7"),
        ("https://example.com/s?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2", "https://example.com/s"),
        ("https://example.com/s?b=2&a=1", "https://example.com/s?a=1&b=2"),
        ("https://example.com/Path/Case?Q=Keep", "https://example.com/Path/Case?Q=Keep"),
        ("  https://example.com/trim  ", "https://example.com/trim"),
        ("https://example.com/%7Euser?x=%20", "https://example.com/%7Euser?x=%20"),
    ])
    func canonicalizes(input: String, expected: String) {
        #expect(CanonicalLink.canonicalize(input) == expected)
    }

    @Test func leavesNonHTTPTextAlone() {
        #expect(CanonicalLink.canonicalize("urn:uuid:1234") == "urn:uuid:1234")
        #expect(CanonicalLink.canonicalize("not a url") == "not a url")
    }

    @Test func sameArticleThroughTrackingLinksIsOneLink() {
        let a = CanonicalLink.canonicalize("https://News.example.org/2026/strike?utm_campaign=x#top")
        let b = CanonicalLink.canonicalize("https://news.example.org/2026/strike?fbclid=Zz")
        #expect(a == b)
    }
}
