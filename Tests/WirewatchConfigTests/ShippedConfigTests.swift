import Foundation
import Testing
import WirewatchCore
@testable import WirewatchConfig

@Suite("The configs in Feeds/")
struct ShippedConfigTests {
    @Test func shippedConfigIsValid() throws {
        let config = try Config.load(path: feedsDirectory + "/wirewatch.toml")
        #expect(config.archivePath == "/var/lib/wirewatch/wirewatch.sqlite")
        #expect(config.alertLogPath == "/var/lib/wirewatch/alerts.log")
        #expect(config.feeds.count >= 15)
        for feed in config.feeds {
            guard case .http(let url) = feed.source else {
                Issue.record("feed \(feed.name) is not an http(s) feed")
                continue
            }
            #expect(url.hasPrefix("https://"), "\(feed.name)")
            #expect(!feed.tags.isEmpty, "\(feed.name) has no tags")
        }
        let tags = Set(config.feeds.flatMap(\.tags))
        #expect(tags.isSuperset(of: ["left", "right", "local", "national", "us", "canada"]))
        #expect(config.tagRules.map(\.name).contains("ice"))
        #expect(Set(config.alertRules.map(\.name))
            .isSuperset(of: ["minneapolis-strike", "ice-minneapolis", "federal-shooting"]))
    }

    @Test func demoConfigReadsTheSamplesBesideIt() throws {
        let config = try Config.load(path: feedsDirectory + "/demo.toml")
        let directory = PathResolver.normalize(feedsDirectory)
        #expect(config.directory == directory)
        #expect(config.archivePath == directory + "/demo.sqlite")
        #expect(config.alertLogPath == directory + "/demo-alerts.log")
        #expect(config.feeds.map(\.name) == ["riverside-worker", "twin-cities-ledger", "prairie-wire"])
        for feed in config.feeds {
            guard case .file(let path) = feed.source else {
                Issue.record("feed \(feed.name) is not a file")
                continue
            }
            #expect(path.hasPrefix(directory + "/samples/"))
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
        #expect(config.alertRules.map(\.name) == ["minneapolis-strike", "ice-minneapolis", "federal-shooting"])
    }
}
