import Foundation
import WirewatchCore

/// The RFC 5322 message for an alert, as handed to sendmail on stdin.
///
/// Lines end in LF: a local mail command expects the system's line ending and
/// writes CRLF on the wire itself. Every header value is one sanitized line (no
/// header injection from a feed title); a non-ASCII subject is RFC 2047 encoded
/// and the body quoted-printable, so the message is 7-bit clean.
enum EmailMessage {
    static func render(_ alert: Alert, options: EmailOptions) -> String {
        let title = HeaderText.sanitize(alert.title.isEmpty ? "(untitled)" : alert.title)
        let subject = HeaderText.sanitize("[wirewatch] \(alert.rule): \(title)", limit: 300)
        var lines: [String] = []
        if let from = options.from { lines.append("From: " + HeaderText.sanitize(from)) }
        lines.append("To: " + options.to.map { HeaderText.sanitize($0) }.joined(separator: ", "))
        lines.append("Subject: " + RFC2047.encode(subject, separator: "\n "))
        lines.append("Date: " + MailDate.string(alert.time))
        lines.append("Message-ID: " + messageID(alert, options: options))
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=utf-8")
        lines.append("Content-Transfer-Encoding: quoted-printable")
        lines.append("X-Wirewatch-Alert-ID: " + IdempotencyKey.make(for: alert))
        return lines.joined(separator: "\n") + "\n\n" + QuotedPrintable.encode(body(alert, title: title)) + "\n"
    }

    /// The same alert always gets the same Message-ID, so an MTA or mail client that
    /// dedups by it drops a re-delivery. The alert's time is in it too: archive ids
    /// start again from 1 in a new archive, and an old id must not make a new alert
    /// look like a repeat. The domain is the sender's, as RFC 5322 suggests.
    static func messageID(_ alert: Alert, options: EmailOptions) -> String {
        let seconds = Int64(alert.time.timeIntervalSince1970.rounded(.down))
        return "<\(IdempotencyKey.make(for: alert)).\(seconds)@\(domain(options))>"
    }

    private static func domain(_ options: EmailOptions) -> String {
        let address = options.from ?? options.to.first ?? ""
        let afterAt = address.split(separator: "@").last.map(String.init) ?? ""
        let domain = afterAt.prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        return domain.isEmpty || !address.contains("@") ? "wirewatch.invalid" : String(domain)
    }

    private static func body(_ alert: Alert, title: String) -> String {
        var lines = [title, ""]
        if let link = alert.link, !link.isEmpty { lines += [TerminalText.sanitize(link), ""] }
        if let detail = alert.detail, !detail.isEmpty { lines += [TerminalText.sanitizeLines(detail), ""] }
        lines.append("Feed: " + TerminalText.sanitize(alert.feed))
        lines.append("Rule: " + TerminalText.sanitize(alert.rule))
        lines.append("Time: " + ISO8601.string(alert.time))
        return lines.joined(separator: "\n")
    }
}
