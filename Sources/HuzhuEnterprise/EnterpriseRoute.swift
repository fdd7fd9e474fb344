import HuzhuPlatform

/// The enterprise hotline's URLs: the NGO's pages, the public form, and the liaison's portal.
enum EnterpriseRoute: TypedRoute {
    case partners, partner(RouteID), partnerLiaisons(RouteID), partnerReports(RouteID)
    case newFeedback, feedback(RouteID), feedbackStatus(RouteID), feedbackSummary(RouteID), feedbackVerdict(RouteID)
    case voice(RouteID)
    case portal, portalAcknowledge(RouteID), portalRespond(RouteID), report(RouteID)

    var path: String {
        switch self {
        case .partners: "/partners"
        case .partner(let id): "/partners/\(id.text)"
        case .partnerLiaisons(let id): "/partners/\(id.text)/liaisons"
        case .partnerReports(let id): "/partners/\(id.text)/reports"
        case .newFeedback: "/feedback/new"
        case .feedback(let id): "/feedback/\(id.text)"
        case .feedbackStatus(let id): "/feedback/\(id.text)/status"
        case .feedbackSummary(let id): "/feedback/\(id.text)/summary"
        case .feedbackVerdict(let id): "/feedback/\(id.text)/verdict"
        case .voice(let id): "/voice/\(id.text)"
        case .portal: "/portal"
        case .portalAcknowledge(let id): "/portal/feedback/\(id.text)/acknowledge"
        case .portalRespond(let id): "/portal/feedback/\(id.text)/respond"
        case .report(let id): "/reports/\(id.text)"
        }
    }
}
