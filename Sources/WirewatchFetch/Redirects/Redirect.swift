/// One redirect hop the fetcher followed.
public struct Redirect: Sendable, Hashable, CustomStringConvertible {
    /// The URL that answered with the redirect.
    public var from: String
    /// The absolute URL it pointed to (a relative `Location` resolved against `from`).
    public var to: String
    /// 301, 302, 303, 307 or 308.
    public var status: Int

    public init(from: String, to: String, status: Int) {
        self.from = from
        self.to = to
        self.status = status
    }

    /// 301 and 308 say "use the new URL from now on"; 302/303/307 do not.
    public var isPermanent: Bool { status == 301 || status == 308 }

    public var description: String { "\(status) \(from) → \(to)" }
}
