import TOMLKit

/// Names TOML value types the way error messages need them: "a string", "an integer".
enum TOMLValueDescription {
    static func withArticle(_ value: TOMLValueConvertible) -> String {
        withArticle(value.type)
    }

    static func withArticle(_ type: TOMLType) -> String {
        switch type {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .int: "an integer"
        case .double: "a floating-point number"
        case .bool: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date-time"
        }
    }
}
