extension ConfigValidator {
    static let keepKeys = ["max_age", "max_items"]

    /// `keep = { max_age = "180d", max_items = 20000 }`, or nil when absent or invalid.
    mutating func keepPolicy(_ reader: TableReader) -> KeepPolicy? {
        guard let value = reader.value("keep") else { return nil }
        let context = [reader.context, "keep"].filter { !$0.isEmpty }.joined(separator: ": ")
        guard value.type == .table, let keep = reader.subtable("keep", context: context) else {
            diagnostics.error(
                reader.message("keep", "expected a table such as { max_age = \"180d\", max_items = 20000 }"),
                line: reader.line(of: "keep")
            )
            return nil
        }
        keep.checkKeys(Self.keepKeys, &diagnostics)
        let maxAge = keep.duration("max_age", minimum: .seconds(3600), &diagnostics)
        let maxItems = keep.integer("max_items", in: 1...1_000_000_000, &diagnostics)
        return KeepPolicy(maxAge: maxAge, maxItems: maxItems)
    }
}
