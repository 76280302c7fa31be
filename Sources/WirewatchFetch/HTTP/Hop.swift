/// One request/response exchange, before redirects and statuses are interpreted.
struct Hop: Sendable {
    var status: Int
    /// Names lower-cased; the last value wins for repeats.
    var headers: [String: String]
    /// The body for 2xx; empty otherwise (it was drained, not kept).
    var body: [UInt8]
}
