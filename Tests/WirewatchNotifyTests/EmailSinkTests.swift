import Foundation
import Testing
import WirewatchTesting

@testable import WirewatchNotify

@Suite struct EmailSinkTests {
    /// A sendmail stand-in: saves the message, its arguments and the alert id.
    func fakeSendmail(_ directory: TemporaryDirectory) throws -> String {
        try writeScript(
            directory, "sendmail",
            #"cat > "$OUT/message"; printf '%s\n' "$@" > "$OUT/args"; echo "$WIREWATCH_ALERT_ID" > "$OUT/id""#
        )
    }

    @Test func handsAnRFC5322MessageToTheMailCommand() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sendmail = try fakeSendmail(directory)
        let options = EmailOptions(
            to: ["ops@example.org", "me@example.net"], from: "wirewatch@example.org", command: [sendmail, "-t", "-i"],
            environment: ["OUT": directory.path]
        )
        try await EmailSink(name: "mail", options: options).deliver(sampleAlert())

        let message = try readText(directory.file("message"))
        let (head, body) = try #require(split(message))
        #expect(head.contains("From: wirewatch@example.org"))
        #expect(head.contains("To: ops@example.org, me@example.net"))
        #expect(head.contains("Subject: [wirewatch] disasters: Quake hits the coast"))
        #expect(head.contains("Date: Sat, 21 Nov 2026 06:30:12 +0000"))
        #expect(head.contains("Message-ID: <wirewatch-alert-42.1795242612@example.org>"))
        #expect(head.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(body.hasPrefix("Quake hits the coast\n\nhttps://news.example.org/quake\n"))
        #expect(try readText(directory.file("args")) == "-t\n-i\n")
        #expect(try readText(directory.file("id")) == "wirewatch-alert-42\n")
    }

    @Test func aHostileTitleCannotAddHeadersAndNonASCIIIsEncoded() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = EmailOptions(
            to: ["ops@example.org"], command: [try fakeSendmail(directory)], environment: ["OUT": directory.path]
        )
        let alert = sampleAlert(title: "Séisme\r\nBcc: victim@example.com\n.\nmore")
        try await EmailSink(name: "mail", options: options).deliver(alert)

        let message = try readText(directory.file("message"))
        let (head, body) = try #require(split(message))
        #expect(!head.contains("\nBcc:"))
        let subject = try #require(head.split(separator: "\n").first { $0.hasPrefix("Subject: ") })
        #expect(subject.hasPrefix("Subject: =?UTF-8?B?"))
        #expect(decodeEncodedWords(head) .contains("[wirewatch] disasters: Séisme Bcc: victim@example.com . more"))
        #expect(message.utf8.allSatisfy { $0 < 0x80 })  // 7-bit clean
        #expect(body.hasPrefix("S=C3=A9isme Bcc: victim@example.com . more\n"))
    }

    @Test func theMessageIsTheSameOnEveryDelivery() {
        let options = EmailOptions(to: ["ops@example.org"])
        #expect(EmailMessage.render(sampleAlert(), options: options) == EmailMessage.render(sampleAlert(), options: options))
        #expect(EmailMessage.messageID(sampleAlert(), options: options) == "<wirewatch-alert-42.1795242612@example.org>")
    }

    @Test func tempfailIsRetryableAndAMissingSendmailPermanent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let busy = try writeScript(directory, "busy-sendmail", "cat >/dev/null; echo 'mail queue locked' >&2; exit 75")
        let retry = await deliveryError(EmailSink(name: "mail", options: EmailOptions(to: ["a@b.c"], command: [busy])))
        #expect(retry?.isRetryable == true)
        #expect(retry?.reason.hasSuffix("mail queue locked") == true)
        let missing = await deliveryError(
            EmailSink(name: "mail", options: EmailOptions(to: ["a@b.c"], command: [directory.file("no-sendmail"), "-t"]))
        )
        #expect(missing?.isRetryable == false)
    }

    /// Header block and body of a message.
    func split(_ message: String) -> (String, String)? {
        guard let range = message.range(of: "\n\n") else { return nil }
        return (String(message[..<range.lowerBound]), String(message[range.upperBound...]))
    }

    /// Unfolds and decodes `=?UTF-8?B?…?=` words (enough for these tests).
    func decodeEncodedWords(_ head: String) -> String {
        let unfolded = head.replacingOccurrences(of: "?=\n =?", with: "?==?")
        var out = unfolded
        while let start = out.range(of: "=?UTF-8?B?"), let end = out.range(of: "?=", range: start.upperBound..<out.endIndex) {
            let data = Data(base64Encoded: String(out[start.upperBound..<end.lowerBound])) ?? Data()
            out.replaceSubrange(start.lowerBound..<end.upperBound, with: String(decoding: data, as: UTF8.self))
        }
        return out
    }
}
