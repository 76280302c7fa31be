import TOMLKit

/// Reads typed values out of one TOML table of the config, reporting every problem
/// with the line of the key (from ``KeyLocator``) and a context such as `feed "wsws"`.
struct TableReader {
    let table: TOMLTable
    let path: TOMLPath
    /// Prefix of every message about this table: `[poll]`, `feed "wsws"`; empty at the root.
    var context: String
    let locator: KeyLocator

    /// The line of the table itself (its header, or the line of its inline value).
    var line: Int? { locator.nearestLine(of: path) }

    func line(of key: String) -> Int? {
        locator.nearestLine(of: path + [.key(key)])
    }

    func line(of key: String, index: Int) -> Int? {
        locator.nearestLine(of: path + [.key(key), .index(index)])
    }

    /// `context: key: text`, leaving out the empty parts.
    func message(_ key: String?, _ text: String) -> String {
        ([context, key ?? ""].filter { !$0.isEmpty } + [text]).joined(separator: ": ")
    }

    func value(_ key: String) -> TOMLValueConvertible? {
        guard table.contains(key: key) else { return nil }
        // TOMLTable has two `[String]` subscripts; the annotation picks the table's own.
        let value: TOMLValueConvertible? = table[key]
        return value
    }

    /// Reports each key not in `known`, with a suggestion when one is a likely typo.
    func checkKeys(_ known: [String], _ diagnostics: inout Diagnostics) {
        for key in table.keys where !known.contains(key) {
            var text = "unknown key '\(key)'"
            if let suggestion = Suggestion.closest(to: key, among: known) {
                text += " (did you mean '\(suggestion)'?)"
            }
            diagnostics.error(message(nil, text), line: line(of: key))
        }
    }

    /// The key's value if it has type `type`; reports a missing required key or a wrong type.
    private func typed(
        _ key: String, _ type: TOMLType, _ expected: String, required: Bool, _ diagnostics: inout Diagnostics
    ) -> TOMLValueConvertible? {
        guard let value = value(key) else {
            if required { diagnostics.error(message(nil, "missing required key '\(key)'"), line: line) }
            return nil
        }
        guard value.type == type else {
            let found = TOMLValueDescription.withArticle(value)
            diagnostics.error(message(key, "expected \(expected), found \(found)"), line: line(of: key))
            return nil
        }
        return value
    }

    func string(_ key: String, required: Bool = false, _ diagnostics: inout Diagnostics) -> String? {
        typed(key, .string, "a string", required: required, &diagnostics)?.string
    }

    func bool(_ key: String, _ diagnostics: inout Diagnostics) -> Bool? {
        typed(key, .bool, "true or false", required: false, &diagnostics)?.bool
    }

    func integer(_ key: String, in range: ClosedRange<Int>, _ diagnostics: inout Diagnostics) -> Int? {
        guard let number = typed(key, .int, "an integer", required: false, &diagnostics)?.int else { return nil }
        guard range.contains(number) else {
            diagnostics.error(
                message(key, "\(number) is out of range (\(range.lowerBound)…\(range.upperBound))"),
                line: line(of: key)
            )
            return nil
        }
        return number
    }

    /// A duration string such as `"15m"`, at least `minimum`.
    func duration(_ key: String, minimum: Duration, _ diagnostics: inout Diagnostics) -> Duration? {
        let expected = #"a duration string such as "15m""#
        guard let text = typed(key, .string, expected, required: false, &diagnostics)?.string else { return nil }
        let duration: Duration
        do {
            duration = try Duration(configString: text)
        } catch {
            diagnostics.error(
                message(key, "bad duration \"\(text)\": \(error.reason) (\(DurationSyntaxError.hint))"),
                line: line(of: key)
            )
            return nil
        }
        guard duration >= minimum else {
            diagnostics.error(
                message(key, "\"\(text)\" is too short (at least \(minimum.configDescription))"),
                line: line(of: key)
            )
            return nil
        }
        return duration
    }

    /// A size: a string such as `"32MB"` or an integer number of bytes, within `range`.
    func byteSize(_ key: String, in range: ClosedRange<Int>, _ diagnostics: inout Diagnostics) -> Int? {
        guard let value = value(key) else { return nil }
        let bytes: Int?
        if let number = value.int {
            bytes = number
        } else if let text = value.string {
            bytes = ByteSize.parse(text)
            if bytes == nil {
                diagnostics.error(message(key, "bad size \"\(text)\" (write it like \"512KB\" or \"32MB\")"), line: line(of: key))
                return nil
            }
        } else {
            let found = TOMLValueDescription.withArticle(value)
            diagnostics.error(message(key, "expected a size such as \"32MB\", found \(found)"), line: line(of: key))
            return nil
        }
        guard let bytes, range.contains(bytes) else {
            let limits = "\(ByteSize.describe(range.lowerBound))…\(ByteSize.describe(range.upperBound))"
            diagnostics.error(message(key, "\(ByteSize.describe(bytes ?? 0)) is out of range (\(limits))"), line: line(of: key))
            return nil
        }
        return bytes
    }

    /// An array of strings; each element of another type is reported on its own line.
    func stringArray(_ key: String, _ diagnostics: inout Diagnostics) -> [String]? {
        guard let array = typed(key, .array, "an array of strings", required: false, &diagnostics)?.array else {
            return nil
        }
        var strings: [String] = []
        var valid = true
        for (index, element) in array.enumerated() {
            if let string = element.string {
                strings.append(string)
            } else {
                valid = false
                let found = TOMLValueDescription.withArticle(element)
                diagnostics.error(
                    message("\(key)[\(index)]", "expected a string, found \(found)"),
                    line: line(of: key, index: index)
                )
            }
        }
        return valid ? strings : nil
    }

    /// A sub-table, as a reader with the given context.
    func subtable(_ key: String, context: String) -> TableReader? {
        guard let table = value(key)?.table else { return nil }
        return TableReader(table: table, path: path + [.key(key)], context: context, locator: locator)
    }
}
