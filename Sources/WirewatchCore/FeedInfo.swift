import Foundation

/// Channel-level metadata of a parsed feed.
public struct FeedInfo: Sendable, Hashable, Codable {
    /// Plain-text title.
    public var title: String?
    /// The publication's home page.
    public var link: String?
    /// Plain-text description / subtitle.
    public var description: String?
    public var language: String?
    public var updated: Date?
    /// RSS `<ttl>`, in minutes: a publisher's hint for the poll interval.
    public var ttlMinutes: Int?
    /// `sy:updatePeriod` / `sy:updateFrequency` as seconds between updates
    /// (hourly × 2 → 1800): another publisher's hint for the poll interval.
    public var syndicationPeriod: Double?
    /// RSS `<skipHours>`: hours of the day (0–23, GMT) not worth polling.
    public var skipHours: [Int] = []
    /// RSS `<skipDays>`: weekdays not worth polling, 1 = Sunday … 7 = Saturday
    /// (the numbering of Foundation's `Calendar`).
    public var skipDays: [Int] = []

    public init(
        title: String? = nil, link: String? = nil, description: String? = nil,
        language: String? = nil, updated: Date? = nil, ttlMinutes: Int? = nil
    ) {
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.updated = updated
        self.ttlMinutes = ttlMinutes
    }
}
