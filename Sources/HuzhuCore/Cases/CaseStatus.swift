/// Where a case stands, in the order a dispute usually travels.
public enum CaseStatus: String, CaseIterable, Codable, Sendable, Comparable {
    case intake, advice, negotiation, mediation, arbitration, litigation, enforcement, closed

    public static let open: [CaseStatus] = allCases.filter { $0 != .closed }

    public static func < (a: CaseStatus, b: CaseStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The stages a case may move to from here. Forward to any later stage (a dispute may skip
    /// negotiation and go straight to arbitration). Back only to the table: talks between the parties
    /// (negotiation, mediation) can resume at any later stage, but a case never returns to intake or
    /// advice, and a claim that went to court does not return to arbitration. A closed case reopens
    /// into any stage after advice.
    public var moves: [CaseStatus] {
        switch self {
        case .closed:
            return Self.open.filter { $0 > .advice }
        default:
            let forward = Self.allCases.filter { $0 > self }
            let back = [CaseStatus.negotiation, .mediation].filter { $0 < self }
            return back + forward
        }
    }

    public func mayMove(to target: CaseStatus) -> Bool { moves.contains(target) }
}

/// Why a case was closed; required to close one.
public enum ClosingCode: String, CaseIterable, Codable, Sendable {
    case resolvedInFull = "resolved_in_full"
    case resolvedInPart = "resolved_in_part"
    case withdrawn
    case lostContact = "lost_contact"
    case referred
    case rejected
    case other
}

/// What a dispute is about; several may apply to one case.
public enum DisputeType: String, CaseIterable, Codable, Sendable {
    case wageArrears = "wage_arrears"
    case noContract = "no_contract"
    case dismissal
    case workInjury = "work_injury"
    case occupationalDisease = "occupational_disease"
    case socialInsurance = "social_insurance"
    case overtime
    case other
}

/// A respondent's place in the contracting chain above the workers.
public enum ChainRole: String, CaseIterable, Codable, Sendable {
    case developer
    case generalContractor = "general_contractor"
    case subcontractor
    case labourContractor = "labour_contractor"
    case userEntity = "user_entity"
    case employer
}
