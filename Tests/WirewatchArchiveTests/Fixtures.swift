import Foundation
import WirewatchArchive
import WirewatchCore
import WirewatchTesting

/// Synthetic article text: `seed` picks the event so different seeds share little.
func article(_ seed: Int, words: Int = 220) -> String {
    let vocabulary = [
        "council", "union", "workers", "season", "vote", "members", "hospital", "nurses", "contract", "wages",
        "picket", "line", "downtown", "festival", "drivers", "teachers", "district", "garden", "library", "museum",
        "bakery", "harbor", "housing", "agency", "federal", "officers", "weather", "plant", "families", "lawyers",
        "organizers", "rally", "march", "bridge", "avenue", "statement", "spokesperson", "morning", "evening", "week",
    ]
    var state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
    var out: [String] = []
    for i in 0..<words {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        out.append(vocabulary[Int(state % UInt64(vocabulary.count))])
        if i % 14 == 13 { out[out.count - 1] += "." }
    }
    return out.joined(separator: " ")
}

func entry(_ guid: String, title: String, text: String, link: String? = nil, tags: [String] = [], alerts: [String] = [], onUpdate: [String] = []) -> IngestItem {
    IngestItem(
        identity: "guid:" + guid,
        item: Item(guid: guid, link: link ?? "https://example.org/\(guid)", title: title, author: "Reporter", contentText: text),
        tags: tags, alertRules: alerts, updateAlertRules: onUpdate
    )
}

/// An archive with a one-hour story window, so that tests can rotate its story-key
/// tables by ingesting at later times, and two feeds "a" and "b".
func windowedArchive(_ dir: TemporaryDirectory) throws -> (archive: Archive, ids: [String: Int64], window: Double) {
    let window: Double = 3_600
    let archive = try Archive(path: dir.file("a.sqlite"), storyWindow: window)
    return (archive, try archive.registerFeeds([("a", "u1"), ("b", "u2")]), window)
}
