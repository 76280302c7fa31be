import AsyncHTTPClient
import Testing
import WirewatchCore

@testable import WirewatchNotify

@Suite struct WebhookSinkTests {
    func sink(_ url: String, headers: [String: String] = [:], timeout: Duration = .seconds(5)) -> WebhookSink {
        WebhookSink(
            name: "ops-hook", options: WebhookOptions(url: url, headers: headers, timeout: timeout), client: .shared
        )
    }

    @Test func postsTheAlertJSONWithItsIdempotencyKey() async throws {
        let receiver = try await TestReceiver.start()
        defer { Task { try await receiver.stop() } }
        receiver.route("/hook", .respond(status: 204))
        let headers = ["Authorization": "Bearer s3cret", "Idempotency-Key": "mine", "X-Team": "news"]
        try await sink(receiver.url("/hook"), headers: headers).deliver(sampleAlert())

        let request = try #require(receiver.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/hook")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.headers("Idempotency-Key") == ["wirewatch-alert-42"])
        #expect(request.header("Authorization") == "Bearer s3cret")
        #expect(request.header("X-Team") == "news")
        let json = try jsonObject(request.text)
        #expect(json["id"] as? Int == 42)
        #expect(json["rule"] as? String == "disasters")
        #expect(json["title"] as? String == "Quake hits the coast")
        #expect(json["link"] as? String == "https://news.example.org/quake")
        #expect(request.text == AlertLine.json(sampleAlert()))
    }

    @Test func aRepeatedDeliveryCarriesTheSameKey() async throws {
        let receiver = try await TestReceiver.start()
        defer { Task { try await receiver.stop() } }
        receiver.route("/hook", .respond(status: 200))
        let hook = sink(receiver.url("/hook"))
        try await hook.deliver(sampleAlert(id: 9))
        try await hook.deliver(sampleAlert(id: 9))
        #expect(receiver.requests.map { $0.header("Idempotency-Key") } == ["wirewatch-alert-9", "wirewatch-alert-9"])
    }

    @Test func serverErrorsAreRetryableClientErrorsPermanent() async throws {
        let receiver = try await TestReceiver.start()
        defer { Task { try await receiver.stop() } }
        receiver.route("/down", .respond(status: 500, body: "database on fire\nstack trace"))
        receiver.route("/busy", .respond(status: 429, headers: [("Retry-After", "7")]))
        receiver.route("/later", .respond(status: 503, headers: [("Retry-After", "11")]))

        let down = await deliveryError(sink(receiver.url("/down")))
        #expect(down?.isRetryable == true)
        #expect(down?.reason == "HTTP 500 Internal Server Error: database on fire")
        let missing = await deliveryError(sink(receiver.url("/nowhere")))
        #expect(missing == .permanent(sink: "ops-hook", reason: "HTTP 404 Not Found"))
        let busy = await deliveryError(sink(receiver.url("/busy")))
        #expect(busy?.isRetryable == true && busy?.retryAfter == .seconds(7))
        let later = await deliveryError(sink(receiver.url("/later")))
        #expect(later?.isRetryable == true && later?.retryAfter == .seconds(11))
    }

    @Test func aTimeoutIsRetryable() async throws {
        let receiver = try await TestReceiver.start()
        defer { Task { try await receiver.stop() } }
        receiver.route("/slow", .hang)
        let error = await deliveryError(sink(receiver.url("/slow"), timeout: .milliseconds(300)))
        #expect(error == .retryable(sink: "ops-hook", reason: "timed out"))
    }

    @Test func aRefusedConnectionIsRetryable() async throws {
        let receiver = try await TestReceiver.start()
        let url = receiver.url("/hook")
        try await receiver.stop()  // nothing listens on the port now
        let error = await deliveryError(sink(url, timeout: .milliseconds(500)))
        // AHC retries a refused connection until the timeout, then reports the last
        // failure (refused, or reset when it raced the socket's close).
        #expect(error?.isRetryable == true)
        #expect(error?.reason.contains("errno") == false)
    }

    @Test func aBadURLIsPermanent() async {
        let error = await deliveryError(sink("ftp://127.0.0.1/hook"))
        #expect(error?.isRetryable == false)
        #expect(error?.description.hasPrefix("sink \"ops-hook\": bad URL") == true)
    }
}

/// What `deliver` threw, or nil if it succeeded.
func deliveryError(_ sink: some AlertSink, _ alert: Alert = sampleAlert()) async -> DeliveryError? {
    do {
        try await sink.deliver(alert)
        return nil
    } catch {
        return error as? DeliveryError
    }
}
