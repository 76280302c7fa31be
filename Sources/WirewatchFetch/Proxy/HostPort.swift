/// Splits `host[:port]` and `[v6-address][:port]`; lower-cases the host.
enum HostPort {
    static func split(_ text: Substring) -> (host: String, port: Int?)? {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = text
        }
        guard !host.isEmpty else { return nil }
        var port: Int?
        if let portText {
            guard let value = HTTPDate.number(portText, digits: 1...5), value > 0, value < 65536 else { return nil }
            port = value
        }
        return (host.lowercased(), port)
    }
}
