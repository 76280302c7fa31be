import Foundation
import Testing

@testable import WirewatchNotify

@Suite struct EncodingTests {
    @Test func rfc2047WordsStayShortAndKeepCharactersWhole() {
        #expect(RFC2047.encode("plain ASCII") == "plain ASCII")
        let text = String(repeating: "日本語のニュース ", count: 10)
        let words = RFC2047.encode(text, separator: "\n ").split(separator: "\n ")
        #expect(words.count > 1)
        var decoded = ""
        for word in words {
            #expect(word.count <= 75)
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            let data = Data(base64Encoded: String(payload))
            #expect(data != nil && String(data: data!, encoding: .utf8) != nil)  // no split character
            decoded += String(decoding: data ?? Data(), as: UTF8.self)
        }
        #expect(decoded == text)
    }

    @Test func quotedPrintableLinesAreShortAndReversible() {
        let text = "é" + String(repeating: "a=b ", count: 40) + " \nnext"
        let encoded = QuotedPrintable.encode(text)
        #expect(encoded.split(separator: "\n").allSatisfy { $0.count <= 76 })
        #expect(encoded.hasPrefix("=C3=A9a=3Db "))
        #expect(encoded.contains("=20\nnext"))  // trailing space protected
    }

    @Test func headerTextIsOneLine() {
        #expect(HeaderText.sanitize("a\r\nb\tc\u{0}d  \u{1B}[2Je") == "a b cd e")
        #expect(HeaderText.link("https://e.example/café") == "https://e.example/caf%C3%A9")
    }

    @Test func mailDatesAreEnglishAndUTC() {
        #expect(MailDate.string(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailDate.string(Date(timeIntervalSince1970: 1_795_242_612)) == "Sat, 21 Nov 2026 06:30:12 +0000")
    }
}
