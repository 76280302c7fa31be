/// Makes feed text safe to print on a terminal: a hostile title must not be able
/// to move the cursor, change colours, set the window title or hide a link.
///
/// Removes C0 and C1 control characters, whole ESC/CSI/OSC/DCS sequences and
/// bidirectional overrides; turns tabs and newlines into spaces.
public enum TerminalText {
    /// `sanitize` line by line: the line breaks of a multi-line text are kept.
    public static func sanitizeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitize(String($0)) }.joined(separator: "\n")
    }

    public static func sanitize(_ text: String) -> String {
        // Most titles have nothing to remove: no C0 control or DEL, no lead byte
        // of a C1 control (0xC2) or of a bidi mark (0xE2). Those come back as
        // they are, without a scalar-by-scalar copy (one per alert and sink).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let scalar = next() {
            switch scalar.value {
            case 0x1B:  // ESC: skip the whole sequence
                skipEscape(after: scalar, next: next, pushBack: { pending = $0 })
            case 0x9B:  // C1 CSI
                skipCSI(next: next)
            case 0x9D, 0x90, 0x9E, 0x9F:  // C1 OSC, DCS, PM, APC: skip to ST or BEL
                skipString(next: next)
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:  // bidi marks and overrides
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func skipEscape(
        after _: Unicode.Scalar, next: () -> Unicode.Scalar?, pushBack: (Unicode.Scalar) -> Void
    ) {
        guard let kind = next() else { return }
        switch kind {
        case "[": skipCSI(next: next)
        case "]", "P", "^", "_", "X": skipString(next: next)
        default:
            // Two-character sequences (ESC c, ESC 7 …); intermediates 0x20–0x2F come first.
            var scalar = kind
            while (0x20...0x2F).contains(scalar.value) {
                guard let following = next() else { return }
                scalar = following
            }
            if scalar.value < 0x20 || scalar.value > 0x7E { pushBack(scalar) }
        }
    }

    /// CSI: parameters and intermediates, up to a final byte in 0x40–0x7E.
    private static func skipCSI(next: () -> Unicode.Scalar?) {
        while let scalar = next() {
            if (0x40...0x7E).contains(scalar.value) { return }
        }
    }

    /// OSC/DCS/PM/APC strings end with BEL, ESC \ or C1 ST.
    private static func skipString(next: () -> Unicode.Scalar?) {
        while let scalar = next() {
            switch scalar.value {
            case 0x07, 0x9C: return
            case 0x1B:
                _ = next()
                return
            default: continue
            }
        }
    }
}
