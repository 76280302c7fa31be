import Foundation
import WirewatchArchive
import WirewatchCore

/// One archived item as a single JSON line.
enum ItemJSON {
    static func object(_ item: ArchivedItem) -> [String: Any] {
        var object: [String: Any] = [
            "id": item.id, "feed": item.feed, "title": item.title, "date": ISO8601.string(item.date),
            "first_seen": ISO8601.string(item.firstSeen), "revision": item.revision, "tags": item.tags,
            "categories": item.categories,
        ]
        object["link"] = item.link
        object["author"] = item.author
        object["story"] = item.storyID
        object["published"] = item.published.map(ISO8601.string)
        return object
    }

    static func line(_ item: ArchivedItem, extra: [String: Any] = [:]) -> String {
        line(object(item).merging(extra) { _, new in new })
    }

    static func line(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
