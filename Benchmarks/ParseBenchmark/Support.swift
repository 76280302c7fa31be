import Foundation
import WirewatchParse

enum Clock {
    /// CPU seconds of this process (user + system): steadier than wall time on a shared machine.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func peakRSSMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return (line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0) / 1024
        }
        return 0
    }

    static func currentRSSMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0) / 1024
        }
        return 0
    }
}

/// One large RSS feed of full-text items, parsed once: the peak resident memory
/// it costs, against its size (target: under 3×).
enum BigFeed {
    static func make(megabytes: Int) -> [UInt8] {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Big</title><link>https://big.example.org/</link><description>d</description>\n"
        let paragraph = "<p>The union said the general strike in Minneapolis would continue &amp; organizers met at the hall; workers described the week in detail, again and again.</p>"
        var n = 0
        while text.utf8.count < megabytes * 1_000_000 {
            let body = String(repeating: paragraph, count: 60)
            text += "<item><guid>big-\(n)</guid><title>Update \(n) on the strike</title><link>https://big.example.org/\(n)</link><pubDate>Sat, 21 Nov 2026 06:00:00 GMT</pubDate><description>Short summary \(n)</description><content:encoded><![CDATA[\(body)]]></content:encoded></item>\n"
            n += 1
        }
        text += "</channel></rss>\n"
        return Array(text.utf8)
    }

    static func measure(megabytes: Int) {
        let document = make(megabytes: megabytes)
        let before = Clock.currentRSSMiB()
        let start = Clock.cpuSeconds()
        let feed = FeedParser().parse(document, context: ParseContext())
        let seconds = Clock.cpuSeconds() - start
        let size = Double(document.count) / (1024 * 1024)
        print(String(format: "big feed: %.1f MiB, %d items, parsed in %.2f s CPU", size, feed.items.count, seconds))
        print(String(format: "resident before parse %.1f MiB (document in memory), peak %.1f MiB: %.2f× the document", before, Clock.peakRSSMiB(), Clock.peakRSSMiB() / size))
        // What the result itself must hold: the items' strings (HTML as
        // published plus its plain text), a lower bound for any parser that
        // returns them. Peak minus the resident size before the parse, against it.
        var kept = 0
        for item in feed.items {
            kept += item.title.utf8.count + (item.summary?.utf8.count ?? 0) + (item.content?.utf8.count ?? 0)
            kept += item.summaryText.utf8.count + item.contentText.utf8.count
        }
        let keptMiB = Double(kept) / (1024 * 1024)
        print(String(format: "the items' strings: %.1f MiB (%.2f× the document); the parse added %.1f MiB (%.2f× the document)",
                     keptMiB, keptMiB / size, Clock.peakRSSMiB() - before, (Clock.peakRSSMiB() - before) / size))
    }
}
