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
        // Per-section-feed and campaign parameters of real outlets; session ids.
        ("https://www.lemonde.fr/x/article/2026/11/21/a_1.html?xtor=RSS-3208", "https://www.lemonde.fr/x/article/2026/11/21/a_1.html"),
        ("https://example.com/s?CMP=share_btn_tw&INTCMP=ember", "https://example.com/s"),
        ("https://example.com/s?ns_mchannel=rss&ns_source=PublicRSS20-sa&id=3", "https://example.com/s?id=3"),
        ("https://example.com/s.php?PHPSESSID=9f8e7d&id=12", "https://example.com/s.php?id=12"),
        ("https://example.com/a/story.html;jsessionid=A1B2C3", "https://example.com/a/story.html"),
        ("https://example.com/a;JSESSIONID=A1B2C3/story", "https://example.com/a/story"),
        ("https://slashdot.example/story.pl?sid=26/11/21/1234", "https://slashdot.example/story.pl?sid=26/11/21/1234"),
        // Redirectors that name the article: Google Alerts, Facebook.
        ("https://www.google.com/url?rct=j&sa=t&url=https://www.startribune.example/nurses-strike/601&ct=ga&cd=CAIyGjE&usg=AOvVaw",
         "https://www.startribune.example/nurses-strike/601"),
        ("https://www.google.com/url?rct=j&sa=t&url=https%3A%2F%2FNews.example%2Fa%3Fid%3D7%26utm_source%3Dx&ct=ga",
         "https://news.example/a?id=7"),
        ("https://l.facebook.com/l.php?u=https%3A%2F%2Fnews.example%2Fstory&h=AT0", "https://news.example/story"),
        ("https://www.google.com/search?q=https://news.example/x", "https://www.google.com/search?q=https://news.example/x"),
        ("https://www.google.com/url?q=not-a-link&sa=D", "https://www.google.com/url?q=not-a-link&sa=D"),
        ("https://www.google.com/url?url=https://news.example/%zz%4", "https://news.example/%zz%4"),
        // AMP copies: Google's viewer, the AMP cache, WordPress's /amp/, .amp.html, ?amp=1.
        ("https://www.google.com/amp/s/www.startribune.example/nurses-strike/601/amp/", "https://www.startribune.example/nurses-strike/601/"),
        ("https://www.google.com/amp/news.example/a.amp.html", "http://news.example/a.html"),
        ("https://www-startribune-example.cdn.ampproject.org/c/s/www.startribune.example/nurses-strike/601?outputType=amp",
         "https://www.startribune.example/nurses-strike/601"),
        ("https://news.example/2026/11/strike-vote/amp", "https://news.example/2026/11/strike-vote"),
        ("https://news.example/story?amp=1&id=4", "https://news.example/story?id=4"),
        ("https://news.example/story?amp&id=4", "https://news.example/story?id=4"),
        ("https://news.example/story?amp=0&id=4", "https://news.example/story?amp=0&id=4"),
        ("https://news.example/amp", "https://news.example/amp"),
        ("https://news.example/amplifiers/review", "https://news.example/amplifiers/review"),
        ("https://amp.news.example/story", "https://amp.news.example/story"),
        ("https://www.google.com/amp/not-a-host", "https://www.google.com/amp/not-a-host"),
    ])
    func canonicalizes(input: String, expected: String) {
        #expect(CanonicalLink.canonicalize(input) == expected)
    }

    /// The byte check that skips the general path must accept only links the
    /// general path returns unchanged.
    @Test(arguments: [
        "https://example.com/a/b", "http://example.com/x", "https://outlet1.example.org/i123",
        "HTTP://example.com/a", "https://Example.com/a", "https://example.com", "https://example.com:443/x",
        "http://example.com:80/x", "https://user@example.com/x", "https://example.com./x", "https:///x",
        "https://example.com/x?utm_source=a", "https://example.com/x#top", " https://example.com/x",
        "https://example.com/x ", "https://example.com/caf\u{E9}", "https://example.com/%7Euser",
        "https://example.com/a\r\nb", "ftp://example.com/x", "https://example.com/a://b",
        "https://example.com/a;jsessionid=1", "https://example.com/a;b",
        "https://example.com/story/amp", "https://example.com/story/amp/", "https://example.com/story.amp.html",
        "https://www.google.com/amp/s/example.com/story", "https://example-com.cdn.ampproject.org/c/s/example.com/x",
        "https://example.com/amp", "https://example.com/ampere",
    ])
    func fastPathAgreesWithTheGeneralPath(link: String) {
        let general = CanonicalLink.canonicalizeInGeneral(link)
        if CanonicalLink.isAlreadyCanonical(link) { #expect(general == link) }
        #expect(CanonicalLink.canonicalize(link) == general)
    }

    @Test func leavesNonHTTPTextAlone() {
        #expect(CanonicalLink.canonicalize("urn:uuid:1234") == "urn:uuid:1234")
        #expect(CanonicalLink.canonicalize("not a url") == "not a url")
    }

    @Test func anAMPCopyAndTheArticleAreOneLink() {
        let article = CanonicalLink.canonicalize("https://www.startribune.example/nurses-strike/601/")
        for amp in [
            "https://www.startribune.example/nurses-strike/601/amp/",
            "https://www.google.com/amp/s/www.startribune.example/nurses-strike/601/amp/",
            "https://www-startribune-example.cdn.ampproject.org/v/s/www.startribune.example/nurses-strike/601/amp/?amp_js_v=0.1",
        ] {
            #expect(CanonicalLink.canonicalize(amp) == article, "\(amp)")
        }
    }

    @Test func sameArticleThroughTrackingLinksIsOneLink() {
        let a = CanonicalLink.canonicalize("https://News.example.org/2026/strike?utm_campaign=x#top")
        let b = CanonicalLink.canonicalize("https://news.example.org/2026/strike?fbclid=Zz")
        #expect(a == b)
    }
}
