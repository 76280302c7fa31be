/// Podlove Simple Chapters `start`: `[hh:]mm:ss[.mmm]` → seconds.
enum PodloveTime {
    static func seconds(_ s: String) -> Double? {
        let t = Text.strip(s)
        var main = Substring(t)
        var ms = 0.0
        if let dot = t.firstIndex(of: ".") {
            let frac = t[t.index(after: dot)...]
            guard frac.count == 3, let v = Int(frac) else { return nil }
            ms = Double(v) / 1000
            main = t[..<dot]
        }
        let parts = main.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 && Int($0) != nil }) else { return nil }
        let nums = parts.map { Double(Int($0)!) }
        let h = parts.count == 3 ? nums[0] : 0
        return h * 3600 + nums[nums.count - 2] * 60 + nums[nums.count - 1] + ms
    }
}
