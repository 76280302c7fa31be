/// Where a term is looked for once field scopes are resolved.
enum Scope: Sendable, Hashable {
    case text(TextFields)
    case value(ValueField)

    /// Unscoped terms search title + summary + content (not author).
    static let unscoped = Scope.text(.unscoped)
}
