extension Duration {
    /// Parses a config duration: numbers with units `d`, `h`, `m`, `s`, largest first,
    /// each unit at most once: `"90s"`, `"15m"`, `"1h"`, `"1h30m"`, `"1d"`.
    ///
    /// Deliberately strict (no spaces, no bare numbers, no `"30m1h"`): a config that is
    /// read wrongly polls a publisher too often or never, so a typo must be an error.
    init(configString text: String) throws(DurationSyntaxError) {
        guard !text.isEmpty else { throw DurationSyntaxError("empty duration") }
        let units: [(symbol: Character, seconds: Int64)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        var total: Int64 = 0
        var nextUnit = 0
        var index = text.startIndex
        while index < text.endIndex {
            let digitsStart = index
            while index < text.endIndex, text[index].isASCII, text[index].isNumber {
                index = text.index(after: index)
            }
            guard digitsStart < index else {
                throw DurationSyntaxError("expected a number at '\(text[index...])'")
            }
            guard let number = Int64(text[digitsStart..<index]) else {
                throw DurationSyntaxError("number too large")
            }
            guard index < text.endIndex else {
                throw DurationSyntaxError("missing unit after \(number)")
            }
            let symbol = text[index]
            guard let unit = units.firstIndex(where: { $0.symbol == symbol }) else {
                throw DurationSyntaxError("unknown unit '\(symbol)'")
            }
            guard unit >= nextUnit else {
                throw DurationSyntaxError("units must go from largest to smallest, each once (d, h, m, s)")
            }
            let (product, overflow1) = number.multipliedReportingOverflow(by: units[unit].seconds)
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow1, !overflow2 else { throw DurationSyntaxError("number too large") }
            total = sum
            nextUnit = unit + 1
            index = text.index(after: index)
        }
        self = .seconds(total)
    }

    /// The shortest config spelling of a whole number of seconds: 5400 s → `"1h30m"`.
    public var configDescription: String {
        var seconds = components.seconds
        guard seconds > 0 else { return "0s" }
        var text = ""
        for (symbol, size) in [("d", Int64(86_400)), ("h", 3_600), ("m", 60), ("s", 1)] where seconds >= size {
            text += "\(seconds / size)\(symbol)"
            seconds %= size
        }
        return text
    }
}
