import Testing
@testable import WirewatchConfig

@Suite("Default config path")
struct DefaultPathTests {
    @Test func explicitVariableWinsEvenIfMissing() {
        let path = Config.defaultPath(environment: ["WIREWATCH_CONFIG": "/x/w.toml", "HOME": "/home/me"]) { _ in false }
        #expect(path == "/x/w.toml")
    }

    @Test func xdgConfigHomeThenEtc() {
        let environment = ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/me", "WIREWATCH_CONFIG": ""]
        #expect(Config.defaultPath(environment: environment) { $0 == "/xdg/wirewatch/wirewatch.toml" }
            == "/xdg/wirewatch/wirewatch.toml")
        #expect(Config.defaultPath(environment: environment) { _ in true } == "/xdg/wirewatch/wirewatch.toml")
        #expect(Config.defaultPath(environment: environment) { _ in false } == "/etc/wirewatch/wirewatch.toml")
        #expect(Config.defaultPath(environment: environment) { $0.hasPrefix("/etc/") } == "/etc/wirewatch/wirewatch.toml")
    }

    @Test func homeWhenNoXDG() {
        let candidates = Config.defaultCandidates(environment: ["HOME": "/home/me", "XDG_CONFIG_HOME": "relative"])
        #expect(candidates == ["/home/me/.config/wirewatch/wirewatch.toml", "/etc/wirewatch/wirewatch.toml"])
        #expect(Config.defaultCandidates(environment: [:]) == ["/etc/wirewatch/wirewatch.toml"])
    }
}
