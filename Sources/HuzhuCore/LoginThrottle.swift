import Foundation

/// How repeated failed sign-ins are slowed down and then locked, for one account or one address.
/// A few mistakes cost nothing; after that each attempt must wait longer; then the key is locked.
public struct LoginThrottle: Sendable {
    public let freeFailures: Int
    public let lockAfter: Int
    public let lockDuration: TimeInterval

    public static let account = LoginThrottle(freeFailures: 3, lockAfter: 6, lockDuration: 15 * 60)
    /// An office shares one address, so an address gets more room than an account.
    public static let address = LoginThrottle(freeFailures: 10, lockAfter: 30, lockDuration: 15 * 60)

    public enum Decision: Equatable, Sendable {
        case allowed
        case wait(seconds: Int)
        case locked(until: Date)
    }

    /// The decision for the next attempt, given the failures recorded since the last success.
    public func decision(failures: Int, lastFailure: Date?, now: Date) -> Decision {
        guard failures > freeFailures, let lastFailure else { return .allowed }
        if failures >= lockAfter {
            let until = lastFailure.addingTimeInterval(lockDuration)
            return until > now ? .locked(until: until) : .allowed
        }
        // 5 s after the first extra failure, doubling with each one after it.
        let delay = 5.0 * pow(2.0, Double(failures - freeFailures - 1))
        let remaining = lastFailure.addingTimeInterval(delay).timeIntervalSince(now)
        return remaining > 0 ? .wait(seconds: Int(remaining.rounded(.up))) : .allowed
    }

    /// Failures older than a lock period no longer count.
    public func isExpired(lastFailure: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastFailure) >= lockDuration
    }
}
