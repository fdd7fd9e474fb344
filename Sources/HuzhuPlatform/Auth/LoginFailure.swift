import Fluent
import Foundation
import HuzhuCore

/// Failed sign-ins counted per account-and-address pair and per address since the last success.
package final class LoginFailure: Model, @unchecked Sendable {
    package static let schema = "login_failures"

    @ID(key: .id) package var id: UUID?
    @Field(key: "throttle_key") package var throttleKey: String
    @Field(key: "failures") package var failures: Int
    @Field(key: "last_failure_at") package var lastFailureAt: Date

    package init() {}
}

/// Applies `LoginThrottle` to the two keys of an attempt: the account named *from* the address it came
/// from, and the address whatever the account. Nobody can lock an account from their own address for
/// anyone else: the right password (and code) from an address that has not failed is never refused,
/// while the guessing address is slowed and then locked, on that account and, past a wider limit, on all.
package struct LoginGuard: Sendable {
    package let login: String
    package let address: String

    package init(login: String, address: String) {
        self.login = login
        self.address = address
    }

    private var keys: [(key: String, rule: LoginThrottle)] {
        [(accountKey, .account), ("address:\(address)", .address)]
    }

    /// The strictest decision over both keys.
    package func decision(now: Date, on db: any Database) async throws -> LoginThrottle.Decision {
        var result = LoginThrottle.Decision.allowed
        for (key, rule) in keys {
            guard let record = try await record(key, on: db) else { continue }
            switch rule.decision(failures: record.failures, lastFailure: record.lastFailureAt, now: now) {
            case .locked(let until): return .locked(until: until)
            case .wait(let seconds):
                if case .wait(let current) = result, current >= seconds { continue }
                result = .wait(seconds: seconds)
            case .allowed: continue
            }
        }
        return result
    }

    package func recordFailure(now: Date, on db: any Database) async throws {
        // Failures older than any lock no longer matter; clearing them keeps a spray of guesses from piling up.
        let oldest = now.addingTimeInterval(-max(LoginThrottle.account.lockDuration, LoginThrottle.address.lockDuration))
        try await LoginFailure.query(on: db).filter(\.$lastFailureAt < oldest).delete()
        for (key, rule) in keys {
            let record = try await record(key, on: db) ?? LoginFailure()
            if record.id == nil || rule.isExpired(lastFailure: record.lastFailureAt, now: now) {
                record.throttleKey = key
                record.failures = 0
            }
            record.failures += 1
            record.lastFailureAt = now
            try await record.save(on: db)
        }
    }

    /// The login is kept only as a hash: what was typed may be a password in the wrong field.
    private var accountKey: String { "account:\(SecretToken.hash(login)) address:\(address)" }

    /// A success forgives the account's failures from this address; the address keeps its count until it expires.
    package func recordSuccess(on db: any Database) async throws {
        try await LoginFailure.query(on: db).filter(\.$throttleKey == accountKey).delete()
    }

    private func record(_ key: String, on db: any Database) async throws -> LoginFailure? {
        try await LoginFailure.query(on: db).filter(\.$throttleKey == key).first()
    }
}

package struct CreateLoginFailures: AsyncMigration {
    package init() {}

    package func prepare(on database: any Database) async throws {
        try await database.schema(LoginFailure.schema)
            .id()
            .field("throttle_key", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .unique(on: "throttle_key")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(LoginFailure.schema).delete()
    }
}
