import AsyncHTTPClient
import Testing

@testable import WirewatchNotify

@Suite struct SinkFactoryTests {
    @Test func everySinkCarriesItsConfiguredName() {
        let kinds: [SinkKind] = [
            .terminal, .log(path: "/tmp/x.log"), .jsonl(JSONLOptions(path: "/tmp/x.jsonl")),
            .exec(ExecOptions(command: ["true"])), .webhook(WebhookOptions(url: "http://127.0.0.1/")),
            .ntfy(NtfyOptions(url: "http://127.0.0.1/t")), .email(EmailOptions(to: ["a@b.c"])), .desktop(DesktopOptions()),
        ]
        for kind in kinds {
            let sink = SinkFactory.make(SinkConfig(name: "my-\(kind.typeName)", kind: kind), httpClient: .shared)
            #expect(sink.name == "my-\(kind.typeName)")
        }
    }

    @Test func emailDefaultsToSendmail() {
        #expect(EmailOptions(to: ["a@b.c"]).command == ["/usr/sbin/sendmail", "-t", "-i"])
    }
}
