import Foundation
import HuzhuCore
import Vapor

/// Something a person may do, named by the feature that declares it (`org.offices.manage`).
package struct Permission: Hashable, Sendable, CustomStringConvertible {
    package let name: String
    package init(_ name: String) { self.name = name }
    package var description: String { name }
}

/// Whose records a request touches: the whole network, one NGO, or one office of an NGO.
package enum Scope: Sendable, Equatable {
    case network
    case ngo(UUID)
    case office(ngo: UUID, office: UUID)

    package var ngoID: UUID? {
        switch self {
        case .network: nil
        case .ngo(let id), .office(let id, _): id
        }
    }
}

/// The one authorisation policy. Each feature grants its permissions to roles at configuration time;
/// every route asks `allows` (through `Request.authorize`), and every list and lookup narrows its query
/// by `visibility` (through `Request.visibility` and `QueryBuilder.visible`). What was never granted is denied and shows nothing.
package struct Policy: Sendable {
    /// How far a grant holds.
    package enum Extent: Sendable {
        /// The reach of the role: the network admin everything, an NGO-wide role its NGO and that NGO's
        /// offices, an office role its own office.
        case reach
        /// Records that belong to an NGO rather than to one office (workers, employers, partners): anyone
        /// of the NGO with the role, whichever office they work in; the network admin on all.
        case ngo
        /// Wherever the person is: their own tokens, their own second factor.
        case anywhere
        /// In an office of their NGO where they are on a duty shift now (`Actor.onDutyAt`), and nowhere
        /// else: a volunteer lawyer answers the hotline only during their shift.
        case onDuty
    }

    private struct Rule: Sendable {
        let roles: Set<Role>
        let extent: Extent
    }

    private var rules: [Permission: [Rule]] = [:]

    package init() {}

    /// Grants a permission to roles, within the reach of each role unless another extent is given. A
    /// permission may be granted again to other roles with another extent; never twice to one role.
    package mutating func grant(_ permission: Permission, to roles: Set<Role>, within extent: Extent = .reach) {
        let granted = (rules[permission] ?? []).reduce(into: Set<Role>()) { $0.formUnion($1.roles) }
        precondition(granted.isDisjoint(with: roles), "\(permission) is granted twice to a role; grant it once.")
        rules[permission, default: []].append(Rule(roles: roles, extent: extent))
    }

    private func rule(_ permission: Permission, for role: Role) -> Rule? {
        rules[permission]?.first { $0.roles.contains(role) }
    }

    /// Whether any grant to the role holds only on duty, so that its duty must be known.
    package func dependsOnDuty(_ role: Role) -> Bool {
        rules.values.contains { $0.contains { $0.extent == .onDuty && $0.roles.contains(role) } }
    }

    package func allows(_ actor: Actor, _ permission: Permission, in scope: Scope) -> Bool {
        guard let rule = rule(permission, for: actor.role) else { return false }
        switch rule.extent {
        case .anywhere: return true
        case .ngo: return actor.role == .networkAdmin || (scope.ngoID != nil && scope.ngoID == actor.ngoID)
        case .reach: return Policy.withinReach(actor, scope)
        case .onDuty:
            guard case .office(let ngo, let office) = scope else { return false }
            return ngo == actor.ngoID && actor.onDutyAt.contains(office)
        }
    }

    /// A network admin reaches everything; an NGO-wide role its own NGO and that NGO's offices;
    /// an office role its own office only.
    package static let withinReach: @Sendable (Actor, Scope) -> Bool = { actor, scope in
        switch (actor.role.reach, scope) {
        case (.network, _): true
        case (.ngo, .ngo(let ngo)), (.ngo, .office(let ngo, _)): ngo == actor.ngoID
        case (.office, .office(let ngo, let office)): ngo == actor.ngoID && office == actor.officeID
        case (.ngo, .network), (.office, .network), (.office, .ngo): false
        }
    }

    /// The records of a kind the person may see for a permission: everything for the network admin,
    /// their NGO's for an NGO-wide role or a permission granted within the NGO, their office's for an
    /// office role, nothing when the permission was never granted to them.
    package func visibility(of actor: Actor, for permission: Permission) -> Visibility {
        guard let rule = rule(permission, for: actor.role) else { return .nothing }
        if actor.role.reach == .network { return .network }
        guard let ngo = actor.ngoID else { return .nothing }
        switch (rule.extent, actor.role.reach, actor.officeID) {
        case (.onDuty, _, let office?) where actor.onDutyAt.contains(office): return .office(ngo: ngo, office: office)
        case (.onDuty, _, _): return .nothing
        case (.reach, .office, let office?): return .office(ngo: ngo, office: office)
        case (.reach, .office, nil): return .nothing
        default: return .ngo(ngo)
        }
    }

    /// The records of the person's own organisation, whatever the permission: every NGO's for the network
    /// admin, their NGO's for anyone else. For finding a record by id before the policy is asked about it
    /// (another NGO's record then does not exist for them).
    package static func tenant(of actor: Actor) -> Visibility {
        if actor.role.reach == .network { return .network }
        return actor.ngoID.map { .ngo($0) } ?? .nothing
    }

    /// The scope a person works in, for pages about "my organisation".
    package static func ownScope(of actor: Actor) -> Scope {
        switch (actor.ngoID, actor.officeID) {
        case (let ngo?, let office?) where actor.role.reach == .office: .office(ngo: ngo, office: office)
        case (let ngo?, _): .ngo(ngo)
        default: .network
        }
    }

    /// The roles a person may give to accounts: those that reach no further than their own.
    package static func assignableRoles(by actor: Actor) -> [Role] {
        Role.allCases.filter { $0.reach <= actor.role.reach }
    }
}

extension Application {
    private struct PolicyKey: StorageKey { typealias Value = Policy }

    package var policy: Policy {
        get { storage[PolicyKey.self] ?? Policy() }
        set { storage[PolicyKey.self] = newValue }
    }
}

extension Request {
    /// The signed-in person, if they may do this here; otherwise 401 (not signed in) or 403.
    @discardableResult
    package func authorize(_ permission: Permission, in scope: Scope) throws -> Actor {
        let actor = try requireActor()
        guard application.policy.allows(actor, permission, in: scope) else {
            throw HuzhuAbort(.forbidden, "error.forbidden")
        }
        return actor
    }

    /// The signed-in person, if they may do this with a record they asked for by id. A record they may
    /// not touch does not exist for them (404), whether it is another NGO's or their own NGO's beyond
    /// their reach: a 403 would confirm that the id is real.
    @discardableResult
    package func authorizeRecord(_ permission: Permission, in scope: Scope) throws -> Actor {
        let actor = try requireActor()
        guard application.policy.allows(actor, permission, in: scope) else { throw HuzhuAbort.notFound }
        return actor
    }

    /// The records the signed-in person may see for a permission (`Policy.visibility`); narrow a query
    /// with it (`QueryBuilder.visible`).
    package func visibility(_ permission: Permission) throws -> Visibility {
        application.policy.visibility(of: try requireActor(), for: permission)
    }

    /// The records of the signed-in person's own organisation (`Policy.tenant`), for finding one by id.
    package func tenant() throws -> Visibility { Policy.tenant(of: try requireActor()) }

    /// Whether the signed-in person may do this here; for showing or hiding links and buttons.
    package func may(_ permission: Permission, in scope: Scope) -> Bool {
        guard let actor else { return false }
        return application.policy.allows(actor, permission, in: scope)
    }

    /// The signed-in person, if they may do this in their own office, with its ids: recording contacts,
    /// working the callback queue.
    @discardableResult
    package func inOwnOffice(_ permission: Permission) throws -> InOffice {
        let actor = try requireActor()
        guard let ngo = actor.ngoID, let office = actor.officeID else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        try authorize(permission, in: .office(ngo: ngo, office: office))
        return InOffice(actor: actor, ngoID: ngo, officeID: office)
    }

    /// The signed-in person, if they may do this where they work: their office for an office role, their
    /// NGO for an NGO-wide one. For lists of records held by offices.
    @discardableResult
    package func inOwnScope(_ permission: Permission) throws -> Actor {
        let actor = try requireActor()
        return try authorize(permission, in: Policy.ownScope(of: actor))
    }

    /// The signed-in person, if they may do this for their whole NGO, with its id: merging, importing,
    /// exporting workers.
    @discardableResult
    package func inOwnNGO(_ permission: Permission) throws -> InNGO {
        let actor = try requireActor()
        guard let ngo = actor.ngoID else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        try authorize(permission, in: .ngo(ngo))
        return InNGO(actor: actor, ngoID: ngo)
    }
}

/// A person allowed to act in their own office: its ids, which the check guaranteed, and the rest of them.
@dynamicMemberLookup
package struct InOffice: Sendable {
    package let actor: Actor
    package let ngoID: UUID
    package let officeID: UUID

    package subscript<T>(dynamicMember path: KeyPath<Actor, T>) -> T { actor[keyPath: path] }
}

/// A person allowed to act for their whole NGO: its id, which the check guaranteed, and the rest of them.
@dynamicMemberLookup
package struct InNGO: Sendable {
    package let actor: Actor
    package let ngoID: UUID

    package subscript<T>(dynamicMember path: KeyPath<Actor, T>) -> T { actor[keyPath: path] }
}
