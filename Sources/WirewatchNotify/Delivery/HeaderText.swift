/// Makes text safe as one HTTP or mail header value.
///
/// Feed titles and links are attacker-controlled: a CR or LF in a header value would
/// end the header and let the feed add its own (`Bcc:`, a second request…). Control
/// characters (CR and LF included) become spaces, runs of whitespace collapse, and
/// the value is trimmed; escape sequences are dropped as on the terminal.
enum HeaderText {
    static func sanitize(_ text: String) -> String {
        // TerminalText already turns CR/LF/tab into spaces and drops other controls.
        let flat = TerminalText.sanitize(text)
        var out = ""
        out.reserveCapacity(flat.utf8.count)
        var pendingSpace = false
        for scalar in flat.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// `sanitize`, and cut to at most `limit` characters with an ellipsis.
    static func sanitize(_ text: String, limit: Int) -> String {
        let clean = sanitize(text)
        guard clean.count > limit else { return clean }
        return String(clean.prefix(max(limit - 1, 0))) + "…"
    }

    /// A link for a header (`Click`): sanitized, and any non-ASCII byte
    /// percent-encoded, which is how a URL carries it anyway.
    static func link(_ text: String) -> String {
        var out = ""
        for byte in sanitize(text).utf8 {
            if byte < 0x80 {
                out.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
