/// Sizes written in a config: `"512KB"`, `"32MB"`, `"1GB"` (binary units:
/// 1 KB = 1,024 bytes), or a whole number of bytes.
enum ByteSize {
    /// The number of bytes, or nil for text that is not a size.
    static func parse(_ text: String) -> Int? {
        let trimmed = text.filter { $0 != " " && $0 != "_" }.uppercased()
        let units: [(String, Int)] = [("KIB", 1 << 10), ("MIB", 1 << 20), ("GIB", 1 << 30),
                                      ("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("K", 1 << 10),
                                      ("M", 1 << 20), ("G", 1 << 30), ("B", 1)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let number = Int(trimmed.dropLast(suffix.count)), number >= 0, number <= Int.max / factor else { return nil }
            return number * factor
        }
        guard let bytes = Int(trimmed), bytes >= 0 else { return nil }
        return bytes
    }

    /// `33554432` → `"32MB"`: the largest unit that divides it.
    static func describe(_ bytes: Int) -> String {
        for (suffix, factor) in [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)] where bytes % factor == 0 && bytes >= factor {
            return "\(bytes / factor)\(suffix)"
        }
        return "\(bytes) bytes"
    }
}
