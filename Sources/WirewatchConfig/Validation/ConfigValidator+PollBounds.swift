extension ConfigValidator {
    /// min_interval ≤ interval ≤ max_interval, once defaults are filled in.
    ///
    ///
    /// Reported on the line of a key written in `reader`'s table (`[poll]` or one
    /// `[[feed]]`); a conflict made only of values inherited from `[poll]` was
    /// already reported there, so it is not repeated for every feed.
    /// `valid`: the keys of this table whose values were read (an invalid one was
    /// reported already and did not count).
    mutating func checkPollBounds(_ bounds: PollBounds, _ reader: TableReader, valid: Set<String>) {
        let written = { (key: String) in valid.contains(key) }
        let show = { (duration: Duration) in "\"\(duration.configDescription)\"" }
        if bounds.minimum > bounds.interval, let key = ["min_interval", "interval"].first(where: written) {
            diagnostics.error(
                reader.message(
                    key, "min_interval \(show(bounds.minimum)) is longer than the interval \(show(bounds.interval))"
                ),
                line: reader.line(of: key)
            )
        }
        if bounds.interval > bounds.maximum, let key = ["max_interval", "interval"].first(where: written) {
            diagnostics.error(
                reader.message(
                    key, "the interval \(show(bounds.interval)) is longer than max_interval \(show(bounds.maximum))"
                ),
                line: reader.line(of: key)
            )
        }
    }
}
