/// What a worker's feedback about a partner enterprise is about.
public enum FeedbackCategory: String, CaseIterable, Codable, Sendable {
    case wages, hours, safety, dormitory, management, harassment, contracts, suggestions, other
}

public enum FeedbackSeverity: String, CaseIterable, Codable, Sendable {
    case urgent, normal, suggestion
}

/// How the worker wants to be treated: anonymous (nothing kept that names them), confidential to the
/// NGO (their contact kept on the NGO side only), or named to the enterprise with their consent.
public enum FeedbackTreatment: String, CaseIterable, Codable, Sendable {
    case anonymous, confidential, named
}

/// Where a piece of feedback stands: new, triaged by the NGO, forwarded to the enterprise (as a summary
/// the NGO approved), answered by the enterprise, verified with the worker, closed.
public enum FeedbackStatus: String, CaseIterable, Codable, Sendable, Comparable {
    case new, triaged, forwarded, responded, verified, closed

    public static func < (a: FeedbackStatus, b: FeedbackStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The next step, or closing at any point (an item that cannot be forwarded, a worker who withdraws).
    public var moves: [FeedbackStatus] {
        switch self {
        case .closed: []
        case .verified: [.closed]
        default: [FeedbackStatus.allCases[FeedbackStatus.allCases.firstIndex(of: self)! + 1], .closed].uniqued()
        }
    }
}

public enum FeedbackVerdict: String, CaseIterable, Codable, Sendable {
    case satisfied, partly, not
}

extension Array where Element: Equatable {
    func uniqued() -> [Element] { reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
}
