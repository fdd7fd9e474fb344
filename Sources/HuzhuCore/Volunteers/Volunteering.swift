/// Who a volunteer is to the network.
public enum VolunteerKind: String, CaseIterable, Codable, Sendable {
    case lawyer, lawStudent = "law_student", counsellor, journalist, scholar, staff, other
}

/// Where a volunteer stands: applied, in training, on the roster, paused, or gone. Only an active
/// volunteer is put on duty.
public enum VolunteerStatus: String, CaseIterable, Codable, Sendable {
    case applicant, trainee, active, paused, left

    /// The statuses one may move to from this one: forward through training, pausing and coming back,
    /// leaving at any time, and a former volunteer applying again.
    public var moves: [VolunteerStatus] {
        switch self {
        case .applicant: [.trainee, .active, .left]
        case .trainee: [.active, .left]
        case .active: [.paused, .left]
        case .paused: [.active, .left]
        case .left: [.applicant]
        }
    }
}

/// The kinds of duty an office rosters; each names the courses it requires.
public enum Duty: String, CaseIterable, Codable, Sendable {
    case hotline, reception, mediation, outreach, training

    /// Duties during which the volunteer answers workers for the office (records contacts).
    public var answersWorkers: Bool { self == .hotline || self == .reception }
}

/// What logged hours were spent on.
public enum HoursKind: String, CaseIterable, Codable, Sendable {
    case shift, caseWork = "case_work", travel, preparation, other
}
