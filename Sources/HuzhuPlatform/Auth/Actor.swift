import Fluent
import HuzhuCore
import Vapor

/// The signed-in person as the policy and the pages see them.
package struct Actor: Sendable, Equatable {
    package let userID: UUID
    package let login: String
    package let displayName: String
    package let role: Role
    package let ngoID: UUID?
    package let officeID: UUID?
    package let ngoName: String?
    package let officeName: String?
    package let language: Language
    /// Whether they chose `language` themselves; if not, the browser's language goes first.
    package let languageChosen: Bool
    /// Whether they sign in with a second factor (a one-time code).
    package let twoFactor: Bool
    /// The offices where they are on a duty shift now (a hotline or reception shift), which some grants
    /// require (`Policy.Extent.onDuty`); filled at sign-in of each request by the duty roster.
    package var onDutyAt: Set<UUID> = []

    package init(userID: UUID, login: String, displayName: String, role: Role, ngoID: UUID?, officeID: UUID?,
                 ngoName: String?, officeName: String?, language: Language, languageChosen: Bool = false, twoFactor: Bool = false) {
        self.userID = userID
        self.login = login
        self.displayName = displayName
        self.role = role
        self.ngoID = ngoID
        self.officeID = officeID
        self.ngoName = ngoName
        self.officeName = officeName
        self.language = language
        self.languageChosen = languageChosen
        self.twoFactor = twoFactor
    }
}

/// Resolves the user behind a session or token. The organisation feature provides it; a user who is
/// missing or deactivated resolves to nil, which ends their sessions and stops their tokens.
package protocol ActorDirectory: Sendable {
    func activeActor(userID: UUID, on db: any Database) async throws -> Actor?
    func setLanguage(_ language: Language, userID: UUID, on db: any Database) async throws
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }

    /// The signed-in person, if any.
    package var actor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    /// The signed-in person; a page without one sends the browser to the login page.
    package func requireActor() throws -> Actor {
        guard let actor else { throw HuzhuAbort(.unauthorized, "error.unauthenticated") }
        return actor
    }
}

/// Who is on duty where, now: provided by the feature that keeps shifts.
package protocol DutyRoster: Sendable {
    func officesOnDuty(userID: UUID, at instant: Date, on db: any Database) async throws -> Set<UUID>
}

extension Application {
    private struct DutyRosterKey: StorageKey { typealias Value = any DutyRoster }

    package var dutyRoster: (any DutyRoster)? {
        get { storage[DutyRosterKey.self] }
        set { storage[DutyRosterKey.self] = newValue }
    }

    private struct DirectoryKey: StorageKey { typealias Value = any ActorDirectory }

    package var actorDirectory: any ActorDirectory {
        get {
            guard let directory = storage[DirectoryKey.self] else {
                fatalError("No ActorDirectory: configure(app) must register the organisation feature.")
            }
            return directory
        }
        set { storage[DirectoryKey.self] = newValue }
    }
}
