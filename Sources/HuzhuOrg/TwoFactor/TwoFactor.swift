import Crypto
import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit
import Vapor

/// A code that signs a person in once when their phone is lost. Kept as a SHA-256: shown once, never stored.
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}

/// A person's second factor: enrolling a phone's authenticator app, checking a code at sign-in (each
/// code once), and recovery codes.
enum TwoFactor {
    static let recoveryCodeCount = 10
    static let issuer = "Huzhu 互助"
    /// The roles that must use it when the deployment says so (`HUZHU_REQUIRE_TWO_FACTOR`).
    static let requiredRoles: Set<Role> = [.networkAdmin, .ngoAdmin, .officeSupervisor]

    static func isRequired(for role: Role, on app: Application) -> Bool {
        app.requireTwoFactor && requiredRoles.contains(role)
    }

    /// The user's secret as an authenticator app holds it, decrypted.
    static func totp(of user: User, cipher: FieldCipher) throws -> OneTimeCode? {
        guard let sealed = user.totpSecret else { return nil }
        guard let secret = Base32.decode(try cipher.open(sealed)) else { return nil }
        return OneTimeCode(secret: secret)
    }

    /// Starts enrolment: a new secret, not yet in use.
    static func begin(_ user: User, cipher: FieldCipher) throws {
        user.totpSecret = try cipher.seal(Base32.encode(OneTimeCode.newSecret()))
        user.totpEnabledAt = nil
        user.totpLastStep = nil
    }

    /// Accepts `code` if it is the user's current one and newer than any accepted before; records its step.
    static func accept(_ code: String, for user: User, cipher: FieldCipher, now: Date) throws -> Bool {
        guard let totp = try totp(of: user, cipher: cipher),
              let step = totp.matchingStep(code, at: now), step > (user.totpLastStep ?? Int64.min) else { return false }
        user.totpLastStep = step
        return true
    }

    /// New recovery codes for the user, replacing any old ones; returned once, for showing.
    static func newRecoveryCodes(for userID: UUID, on db: any Database) async throws -> [String] {
        try await RecoveryCode.query(on: db).filter(\.$userID == userID).delete()
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var codes: [String] = []
        for _ in 0..<recoveryCodeCount {
            var generator = SystemRandomNumberGenerator()
            let characters = (0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
            let code = String(characters.prefix(5)) + "-" + String(characters.suffix(5))
            let row = RecoveryCode()
            row.userID = userID
            row.codeHash = hash(code)
            try await row.create(on: db)
            codes.append(code)
        }
        return codes
    }

    /// Uses up a recovery code of the user's, if `code` is one not used before.
    static func useRecoveryCode(_ code: String, for userID: UUID, now: Date, on db: any Database) async throws -> Bool {
        let used = try await db.sql.update(RecoveryCode.schema).set("used_at", to: SQLBind(now))
            .where("user_id", .equal, SQLBind(userID)).where("code_hash", .equal, SQLBind(hash(code)))
            .where("used_at", .is, SQLLiteral.null).returning("id").all()
        return !used.isEmpty
    }

    static func remainingRecoveryCodes(of userID: UUID, on db: any Database) async throws -> Int {
        try await RecoveryCode.query(on: db).filter(\.$userID == userID).filter(\.$usedAt == nil).count()
    }

    private static func hash(_ code: String) -> String {
        let normal = code.lowercased().filter { $0.isLetter || $0.isNumber }
        return Data(SHA256.hash(data: Data(normal.utf8))).hexString
    }
}

/// Between the password and the code: who has given the right password, for five minutes, in a cookie
/// signed with the deployment's key so that it cannot be made up or moved to another account.
enum PendingSignIn {
    static let cookieName = "huzhu_pending"
    static let lifetime: TimeInterval = 300

    static func value(userID: UUID, now: Date, cipher: FieldCipher) -> String {
        let claim = "\(userID.uuidString).\(Int(now.timeIntervalSince1970 + lifetime))"
        return claim + "." + cipher.lookupHash("pending-sign-in|" + claim)
    }

    static func userID(from value: String?, now: Date, cipher: FieldCipher) -> UUID? {
        let parts = value?.split(separator: ".").map(String.init) ?? []
        guard parts.count == 3, let expiry = Int(parts[1]), Double(expiry) > now.timeIntervalSince1970,
              cipher.lookupHash("pending-sign-in|\(parts[0]).\(parts[1])") == parts[2] else { return nil }
        return UUID(uuidString: parts[0])
    }
}
