import Foundation
import WirewatchCore
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
/// it costs, against its size (target: under 3×). Each way of parsing runs in
/// a fresh child process, so one cannot lend the other its heap.
enum BigFeed {
    static func make(megabytes: Int) -> [UInt8] {
        // Built straight into one buffer of the final size: the document
        // itself, not its construction, is what the peak should count.
        var document: [UInt8] = []
        document.reserveCapacity(megabytes * 1_000_000 + 100_000)
        document += Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Big</title><link>https://big.example.org/</link><description>d</description>\n".utf8)
        let paragraph = "<p>The union said the general strike in Minneapolis would continue &amp; organizers met at the hall; workers described the week in detail, again and again.</p>"
        let body = Array(String(repeating: paragraph, count: 60).utf8)
        var n = 0
        while document.count < megabytes * 1_000_000 {
            document += Array("<item><guid>big-\(n)</guid><title>Update \(n) on the strike</title><link>https://big.example.org/\(n)</link><pubDate>Sat, 21 Nov 2026 06:00:00 GMT</pubDate><description>Short summary \(n)</description><content:encoded><![CDATA[".utf8)
            document += body
            document += Array("]]></content:encoded></item>\n".utf8)
            n += 1
        }
        document += Array("</channel></rss>\n".utf8)
        return document
    }

    /// Runs `--big-one MB MODE` in a child for each mode and prints its lines.
    static func measure(megabytes: Int) {
        for mode in ["stream", "collect"] {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = ["--big-one", "\(megabytes)", mode]
            try? child.run()
            child.waitUntilExit()
        }
    }

    /// `stream`: items handed to a consumer as they complete (the parser's
    /// streaming API; the daemon's use). `collect`: every item returned at
    /// once, so the result alone holds the document's text twice over.
    static func measureOne(megabytes: Int, mode: String) {
        let document = make(megabytes: megabytes)
        let size = Double(document.count) / (1024 * 1024)
        let before = Clock.currentRSSMiB()
        // From here on the peak is the parse's: reset VmHWM to the current RSS.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let start = Clock.cpuSeconds()
        var count = 0
        var kept = 0
        if mode == "stream" {
            var largest = 0
            _ = FeedParser().parse(document, context: ParseContext()) { item in
                count += 1
                largest = max(largest, Self.bytes(of: item))
            }
            kept = largest
        } else {
            let feed = FeedParser().parse(document, context: ParseContext())
            count = feed.items.count
            kept = feed.items.reduce(0) { $0 + Self.bytes(of: $1) }
        }
        let seconds = Clock.cpuSeconds() - start
        let peak = Clock.peakRSSMiB()
        let keptMiB = Double(kept) / (1024 * 1024)
        print(String(format: "big feed, %@: %.1f MiB, %d items, %.2f s CPU; RSS before %.1f MiB (process + document), peak %.1f MiB = %.2f× the document",
                     mode, size, count, seconds, before, peak, peak / size))
        print(String(format: "  the parse added %.1f MiB (%.2f× the document); %@ %.1f MiB",
                     peak - before, (peak - before) / size,
                     mode == "stream" ? "largest item's strings" : "all items' strings", keptMiB))
    }

    /// The UTF-8 bytes of an item's text: HTML as published and its plain text.
    static func bytes(of item: Item) -> Int {
        item.title.utf8.count + (item.summary?.utf8.count ?? 0) + (item.content?.utf8.count ?? 0)
            + item.summaryText.utf8.count + item.contentText.utf8.count
    }
}
