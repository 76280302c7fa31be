/// The version printed by `wirewatch --version` and sent in the User-Agent.
public enum WirewatchVersion {
    public static let current = "0.1.0"
}
