import AsyncHTTPClient
import Foundation
import Testing

@testable import WirewatchNotify

@Suite struct NtfySinkTests {
    @Test func publishesTitleBodyAndHeaders() async throws {
        let receiver = try await TestReceiver.start()
        defer { Task { try await receiver.stop() } }
        receiver.route("/alerts", .respond(status: 200, body: "{\"id\":\"x\"}"))
        let options = NtfyOptions(
            url: receiver.url("/alerts"), priority: 4, tags: ["newspaper", "warning"], token: "tk_abc"
        )
        try await NtfySink(name: "phone", options: options, client: .shared).deliver(sampleAlert())

        let request = try #require(receiver.requests.first)
        #expect(request.method == "POST")
        #expect(request.header("Title") == "Quake hits the coast")
        #expect(request.header("Priority") == "4")
        #expect(request.header("Tags") == "newspaper,warning")
        #expect(request.header("Click") == "https://news.example.org/quake")
        #expect(request.header("Authorization") == "Bearer tk_abc")
        #expect(request.header("Idempotency-Key") == "wirewatch-alert-42")
        #expect(request.text == "Quake hits the coast\nhttps://news.example.org/quake")
    }

    @Test func feedTextCannotInjectHeaders() async throws {
        let receiver = try await TestReceiver.start()
        defer { Task { try await receiver.stop() } }
        receiver.route("/alerts", .respond(status: 200))
        let alert = sampleAlert(
            title: "Breaking\r\nX-Injected: yes\r\n\r\nbody", link: "https://e.example/a\r\nX-Link-Injected: 1"
        )
        let options = NtfyOptions(url: receiver.url("/alerts"))
        try await NtfySink(name: "phone", options: options, client: .shared).deliver(alert)

        let request = try #require(receiver.requests.first)
        #expect(request.header("X-Injected") == nil)
        #expect(request.header("X-Link-Injected") == nil)
        #expect(request.header("Title") == "Breaking X-Injected: yes body")
        #expect(request.header("Click") == "https://e.example/a X-Link-Injected: 1")
        #expect(request.header("Priority") == nil)
        #expect(request.header("Authorization") == nil)
    }

    @Test func aNonASCIITitleIsRFC2047Encoded() async throws {
        let receiver = try await TestReceiver.start()
        defer { Task { try await receiver.stop() } }
        receiver.route("/alerts", .respond(status: 200))
        let options = NtfyOptions(url: receiver.url("/alerts"))
        try await NtfySink(name: "phone", options: options, client: .shared).deliver(sampleAlert(title: "Séisme à Nice"))

        let title = try #require(receiver.requests.first?.header("Title"))
        #expect(title == "=?UTF-8?B?" + Data("Séisme à Nice".utf8).base64EncodedString() + "?=")
        #expect(receiver.requests.first?.text.hasPrefix("Séisme à Nice\n") == true)
    }

    @Test func aMissingTopicIsPermanent() async throws {
        let receiver = try await TestReceiver.start()
        defer { Task { try await receiver.stop() } }
        receiver.route("/alerts", .respond(status: 403, body: "{\"error\":\"forbidden\"}"))
        let sink = NtfySink(name: "phone", options: NtfyOptions(url: receiver.url("/alerts")), client: .shared)
        let error = await deliveryError(sink)
        #expect(error == .permanent(sink: "phone", reason: "HTTP 403 Forbidden: {\"error\":\"forbidden\"}"))
    }
}
