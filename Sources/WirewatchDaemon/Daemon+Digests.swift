import Foundation
import Logging

extension Daemon {
    /// Folds what rule throttles held back for an hour into digest alerts (committed
    /// with their deliveries; the outbox pass that follows sends them).
    func makeDigests(now: Date = Date()) {
        let sinksByRule = live.withLock { $0.sinksByRule }
        do {
            let digests = try archive.makeDigests(now: now, sinksByRule: sinksByRule)
            for digest in digests {
                logger.info("throttle digest", metadata: ["rule": "\(digest.rule)", "alerts": "\(digest.sources)"])
            }
        } catch {
            logger.error("throttle digest: \(error)")
        }
    }
}
