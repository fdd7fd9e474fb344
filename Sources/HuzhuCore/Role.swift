/// The roles of product.md's "Who uses it" table. Each user has exactly one.
public enum Role: String, CaseIterable, Codable, Sendable {
    case networkAdmin = "network_admin"
    case ngoAdmin = "ngo_admin"
    case officeSupervisor = "office_supervisor"
    case caseworker
    case hotlineVolunteer = "hotline_volunteer"
    case volunteerLawyer = "volunteer_lawyer"
    case groupLeader = "group_leader"
    case enterpriseLiaison = "enterprise_liaison"

    /// Everyone but the network admin works for one NGO.
    public var requiresNGO: Bool { self != .networkAdmin }

    /// Roles whose work happens in one office (its hotline, its cases, its groups).
    public var requiresOffice: Bool {
        switch self {
        case .officeSupervisor, .caseworker, .hotlineVolunteer, .volunteerLawyer, .groupLeader: true
        case .networkAdmin, .ngoAdmin, .enterpriseLiaison: false
        }
    }

    /// How far a role's view of organisational records reaches.
    public var reach: Reach {
        switch self {
        case .networkAdmin: .network
        case .ngoAdmin, .enterpriseLiaison: .ngo
        case .officeSupervisor, .caseworker, .hotlineVolunteer, .volunteerLawyer, .groupLeader: .office
        }
    }

    public enum Reach: Int, Comparable, Sendable {
        case office, ngo, network
        public static func < (a: Reach, b: Reach) -> Bool { a.rawValue < b.rawValue }
    }
}
