import Testing
import WirewatchConfig

@Suite("Retention, story window and on_update keys")
struct KeepAndUpdateTests {
    @Test func readsRetentionWindowAndOnUpdate() throws {
        let config = try Config.parse(
            """
            [archive]
            keep = { max_age = "180d", max_items = 20000 }
            story_window = "14d"
            [[feed]]
            name = "a"
            url = "a.xml"
            keep = { max_items = 50 }
            [[feed]]
            name = "b"
            url = "b.xml"
            [[alert]]
            name = "r"
            match = "strike"
            on_update = true
            """,
            file: "/tmp/w.toml"
        )
        #expect(config.keep == KeepPolicy(maxAge: .seconds(180 * 86_400), maxItems: 20_000))
        #expect(config.storyWindow == .seconds(14 * 86_400))
        #expect(config.keep(for: config.feeds[0]) == KeepPolicy(maxItems: 50))
        #expect(config.keep(for: config.feeds[1]) == config.keep)
        #expect(config.alertRules[0].onUpdate)
    }

    @Test func reportsBadKeepAtItsLine() {
        #expect {
            _ = try Config.parse(
                """
                [[feed]]
                name = "a"
                url = "a.xml"
                keep = { max_item = 5 }
                [[tag]]
                name = "t"
                match = "x"
                on_update = true
                """,
                file: "w.toml"
            )
        } throws: { error in
            let text = "\(error)"
            return text.contains("w.toml:4: feed \"a\": keep: unknown key 'max_item' (did you mean 'max_items'?)")
                && text.contains("w.toml:8: tag \"t\": unknown key 'on_update'")
        }
    }
}

@Suite("Sinks in the config")
struct SinkConfigTests {
    @Test func sinksDefaultsAndRuleNotify() throws {
        let config = try Config.parse(
            """
            [notify]
            default = ["terminal"]
            [[sink]]
            name = "phone"
            type = "ntfy"
            url = "https://ntfy.example/wirewatch"
            priority = 4
            [[sink]]
            name = "script"
            type = "exec"
            command = ["/usr/local/bin/on-alert", "--quiet"]
            [[alert]]
            name = "strike"
            match = "strike"
            notify = ["phone", "log"]
            [[alert]]
            name = "ice"
            match = "ICE"
            """,
            file: "/tmp/w.toml"
        )
        #expect(config.sinks.map(\.name) == ["phone", "script"])
        #expect(config.sinks(for: config.alertRules[0]) == ["phone", "log"])
        #expect(config.sinks(for: config.alertRules[1]) == ["terminal"])
    }

    @Test func unknownSinksAndTypesAreErrorsAtTheirLine() {
        #expect {
            _ = try Config.parse(
                """
                [[sink]]
                name = "x"
                type = "pager"
                [[alert]]
                name = "a"
                match = "b"
                notify = ["phone"]
                """,
                file: "w.toml"
            )
        } throws: { error in
            let text = "\(error)"
            return text.contains("w.toml:3: sink \"x\": type: unknown sink type 'pager'")
                && text.contains("w.toml:7: alert \"a\": notify[0]: no sink named 'phone'")
        }
    }
}
