/// The publisher's polling hints that feedparser's dictionary cannot hold:
/// every hour of `<skipHours>` and every day of `<skipDays>`.
extension FeedBuilder {
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    func notePollingHint(_ element: String, _ text: String) {
        let value = Text.strip(text)
        if element == "hour" {
            // RSS 2.0 says 0–23; some publishers write 24 for midnight.
            if let hour = Int(value), (0...24).contains(hour), !skipHours.contains(hour % 24) { skipHours.append(hour % 24) }
        } else if let index = Self.weekdays.firstIndex(of: value.lowercased()), !skipDays.contains(index + 1) {
            skipDays.append(index + 1)
        }
    }

    /// `sy:updatePeriod` × `sy:updateFrequency` as seconds between updates.
    static func syndicationPeriod(period: String?, frequency: String?) -> Double? {
        guard period != nil || frequency != nil else { return nil }
        let unit: Double
        switch Text.strip(period ?? "daily").lowercased() {
        case "hourly": unit = 3600
        case "daily": unit = 86_400
        case "weekly": unit = 7 * 86_400
        case "monthly": unit = 30 * 86_400
        case "yearly": unit = 365 * 86_400
        default: return nil
        }
        let times = frequency.flatMap { Int(Text.strip($0)) } ?? 1
        return times > 0 ? unit / Double(times) : nil
    }
}
