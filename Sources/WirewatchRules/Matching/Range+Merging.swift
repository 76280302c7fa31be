extension Sequence {
    /// The ranges in order, overlapping or touching ones merged into one.
    func mergedRanges<Bound: Comparable>() -> [Range<Bound>] where Element == Range<Bound> {
        var merged: [Range<Bound>] = []
        for range in sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<Swift.max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
