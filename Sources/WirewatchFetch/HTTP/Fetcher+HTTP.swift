import Foundation

extension Fetcher {
    /// GET with our own redirect handling: each hop goes through the host gate
    /// (a redirect may change host) and spends from one timeout budget.
    func get(_ url: String, validators: FetchValidators) async throws(FetchError) -> FetchResponse {
        var current = url
        var redirects: [Redirect] = []
        var seen: Set<String> = [url]
        var budget = settings.timeout
        while true {
            guard let target = RequestTarget(current) else {
                throw redirects.isEmpty
                    ? .transport(reason: "not an http(s) URL", url: current)
                    : .badRedirect(reason: "not an http(s) URL: \(current)", url: redirects[redirects.count - 1].from)
            }
            guard budget > .zero else { throw .transport(reason: "timed out after \(Self.seconds(settings.timeout))", url: url) }
            let exchanged: (hop: Hop, spent: Duration)
            do {
                exchanged = try await gate.withSlot(host: target.host) {
                    let clock = ContinuousClock()
                    let start = clock.now
                    let hop = try await withTimeout(budget) { [self] in try await exchange(target, validators: validators) }
                    return (hop, clock.now - start)
                }
            } catch {
                throw fetchError(error, url: current)
            }
            let hop = exchanged.hop
            budget -= exchanged.spent
            let now = Date()

            switch hop.status {
            case 301, 302, 303, 307, 308:
                guard let location = hop.headers["location"], !location.isEmpty else {
                    throw .badRedirect(reason: "HTTP \(hop.status) without Location", url: current)
                }
                guard let next = target.resolve(location), RequestTarget(next) != nil else {
                    throw .badRedirect(reason: "unusable Location \"\(location)\"", url: current)
                }
                guard redirects.count < settings.maxRedirects else {
                    throw .tooManyRedirects(limit: settings.maxRedirects, url: url)
                }
                guard seen.insert(next).inserted else { throw .redirectLoop(url: url, repeated: next) }
                redirects.append(Redirect(from: current, to: next, status: hop.status))
                current = next
            case 200..<300, 304:
                return FetchResponse(
                    status: hop.status, body: hop.body, headers: hop.headers, finalURL: current, redirects: redirects,
                    freshUntil: CachingHints.freshUntil(headers: hop.headers, now: now), fetchedAt: now
                )
            case 410:
                throw .gone(url: current)
            case 429, 503:
                throw .retryLater(
                    status: hop.status, url: current, retryAfter: CachingHints.retryAfter(headers: hop.headers, now: now)
                )
            default:
                throw .http(status: hop.status, url: current)
            }
        }
    }
}
