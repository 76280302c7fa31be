/// The word-matched fields, as bits so one check covers several fields.
struct TextFields: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let title = TextFields(rawValue: 1 << 0)
    static let summary = TextFields(rawValue: 1 << 1)
    static let content = TextFields(rawValue: 1 << 2)
    static let author = TextFields(rawValue: 1 << 3)
    static let unscoped: TextFields = [.title, .summary, .content]

    /// Bit index of each field, the order fields are tokenized in.
    static let ordered: [TextFields] = [.title, .summary, .content, .author]
}
