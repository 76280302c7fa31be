/// A field scope written as `name:` before a term, a phrase or a group.
enum Field: String, CaseIterable, Sendable {
    // Text fields: matched word by word.
    case title, summary, content, author
    // Value fields: whole values (feed, tag, category, lang) or a substring (link).
    case feed, tag, category, lang, link
    // Story fields (rules with `scope = "story"`): a feed tag that has covered the story.
    case covered

    /// For error messages: "title, summary, …", in the order of the documentation.
    static let knownList = allCases.map(\.rawValue).joined(separator: ", ")

    /// The scope a term inside this field is matched in.
    var scope: Scope {
        switch self {
        case .title: .text(.title)
        case .summary: .text(.summary)
        case .content: .text(.content)
        case .author: .text(.author)
        case .feed: .value(.feed)
        case .tag: .value(.tag)
        case .category: .value(.category)
        case .lang: .value(.lang)
        case .link: .value(.link)
        case .covered: .value(.covered)
        }
    }
}
