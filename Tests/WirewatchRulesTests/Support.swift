import WirewatchRules

/// A document with only a title, the common case in these tests.
func titled(_ title: String) -> RuleDocument {
    RuleDocument(title: title)
}

/// Whether `query` matches a document whose title is `title`.
func matches(_ query: String, _ title: String) throws -> Bool {
    try Query(query).matches(titled(title))
}

/// The error `Query(source)` throws, or nil when it parses.
func syntaxError(_ source: String) -> QuerySyntaxError? {
    do {
        _ = try Query(source)
        return nil
    } catch {
        return error
    }
}
