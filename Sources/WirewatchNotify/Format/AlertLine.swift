import Foundation
import WirewatchCore

/// The one-line and JSON renderings of an alert, shared by `run`, the alert log and `tail`.
public enum AlertLine {
    /// `2026-11-21T06:30:12Z  rule  feed  title  link  +N sources`, with feed text
    /// sanitized; with `colored`, the rule in bold yellow and the link dimmed.
    public static func text(_ alert: Alert, colored: Bool = false) -> String {
        func paint(_ text: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text }
        var parts = [
            ISO8601.string(alert.time), paint(TerminalText.sanitize(alert.rule), "1;33"),
            paint(TerminalText.sanitize(alert.feed), "36"),
            TerminalText.sanitize(alert.title.isEmpty ? "(untitled)" : alert.title),
        ]
        if let link = alert.link, !link.isEmpty { parts.append(paint(TerminalText.sanitize(link), "2")) }
        if alert.kind == .item, alert.sources > 1 {
            let more = alert.sources - 1
            parts.append("+\(more) source\(more == 1 ? "" : "s")")
        }
        return parts.joined(separator: "  ")
    }

    /// `text`, then the detail of a digest or feed-health alert on indented lines
    /// (what a person watching reads; the alert log keeps one line per alert).
    public static func block(_ alert: Alert, colored: Bool = false) -> String {
        var out = text(alert, colored: colored)
        if alert.kind != .item, let detail = alert.detail, !detail.isEmpty {
            for line in detail.split(separator: "\n") { out += "\n    " + TerminalText.sanitize(String(line)) }
        }
        return out
    }

    /// One JSON object, one line: id, time (ISO 8601 UTC), rule, feed, title, link, item_id,
    /// story_id, sources, kind (item, digest, feed-health) and detail when there is one.
    public static func json(_ alert: Alert) -> String {
        struct Line: Encodable {
            var id: Int64
            var time: String
            var rule: String
            var feed: String
            var title: String
            var link: String?
            var item_id: Int64
            var story_id: Int64?
            var sources: Int
            var kind: String
            var detail: String?
        }
        let line = Line(
            id: alert.id, time: ISO8601.string(alert.time), rule: alert.rule, feed: alert.feed,
            title: alert.title, link: alert.link, item_id: alert.itemID, story_id: alert.storyID, sources: alert.sources,
            kind: alert.kind.rawValue, detail: alert.detail
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(line) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
