import HuzhuOrg
import HuzhuPlatform

/// The cases feature's URLs.
enum CasesRoute: TypedRoute {
    case cases, newCase, caseSettings
    case casePage(RouteID), editCase(RouteID), conflict(RouteID)
    case status(RouteID), approval(RouteID), notes(RouteID), caseWorkers(RouteID), respondents(RouteID)
    case assignees(RouteID), caseContacts(RouteID), claims(RouteID), agreements(RouteID), payments(RouteID)
    case reversals(RouteID), apiReversals(RouteID), noCase(RouteID)
    case files(RouteID), file(RouteID)
    case employers, newEmployer, employer(RouteID), editEmployer(RouteID), employerLinks(RouteID)
    case employerDuplicates, mergeEmployers
    case apiEmployers, apiEmployer(RouteID), apiCases, apiCase(RouteID), apiCaseWorkers(RouteID), apiStatus(RouteID)
    case apiClaims(RouteID), apiPayments(RouteID), apiFiles(RouteID), apiFile(RouteID)
    case calculator, calculations(RouteID), lawParameters, apiCalculations
    case legalEvents(RouteID), sessions(RouteID), agreementsOfMediation(RouteID), document(RouteID, String)
    case finalise(RouteID, String), documentVersion(RouteID), mediation, dueSoon

    var path: String {
        switch self {
        case .cases: "/cases"
        case .newCase: "/cases/new"
        case .caseSettings: "/admin/case-settings"
        case .casePage(let id): "/cases/\(id.text)"
        case .editCase(let id): "/cases/\(id.text)/edit"
        case .conflict(let id): "/cases/\(id.text)/conflict"
        case .status(let id): "/cases/\(id.text)/status"
        case .approval(let id): "/cases/\(id.text)/approval"
        case .notes(let id): "/cases/\(id.text)/notes"
        case .caseWorkers(let id): "/cases/\(id.text)/workers"
        case .respondents(let id): "/cases/\(id.text)/respondents"
        case .assignees(let id): "/cases/\(id.text)/assignees"
        case .caseContacts(let id): "/cases/\(id.text)/contacts"
        case .claims(let id): "/cases/\(id.text)/claims"
        case .agreements(let id): "/cases/\(id.text)/agreements"
        case .payments(let id): "/cases/\(id.text)/payments"
        case .reversals(let id): "/cases/\(id.text)/reversals"
        case .noCase(let id): "/contacts/\(id.text)/no-case"
        case .files(let id): "/cases/\(id.text)/files"
        case .file(let id): "/files/\(id.text)"
        case .employers: "/employers"
        case .newEmployer: "/employers/new"
        case .employer(let id): "/employers/\(id.text)"
        case .editEmployer(let id): "/employers/\(id.text)/edit"
        case .employerLinks(let id): "/employers/\(id.text)/links"
        case .employerDuplicates: "/employers/duplicates"
        case .mergeEmployers: "/employers/merge"
        case .apiEmployers: "/api/v1/employers"
        case .apiEmployer(let id): "/api/v1/employers/\(id.text)"
        case .apiCases: "/api/v1/cases"
        case .apiCase(let id): "/api/v1/cases/\(id.text)"
        case .apiCaseWorkers(let id): "/api/v1/cases/\(id.text)/workers"
        case .apiStatus(let id): "/api/v1/cases/\(id.text)/status"
        case .apiClaims(let id): "/api/v1/cases/\(id.text)/claims"
        case .apiPayments(let id): "/api/v1/cases/\(id.text)/payments"
        case .apiReversals(let id): "/api/v1/cases/\(id.text)/reversals"
        case .apiFiles(let id): "/api/v1/cases/\(id.text)/files"
        case .apiFile(let id): "/api/v1/files/\(id.text)"
        case .calculator: "/calculator"
        case .calculations(let id): "/cases/\(id.text)/calculations"
        case .lawParameters: "/admin/law-parameters"
        case .apiCalculations: "/api/v1/calculations"
        case .legalEvents(let id): "/cases/\(id.text)/legal-events"
        case .sessions(let id): "/cases/\(id.text)/sessions"
        case .agreementsOfMediation(let id): "/cases/\(id.text)/mediation-agreements"
        case .document(let id, let kind): "/cases/\(id.text)/documents/\(kind)"
        case .finalise(let id, let kind): "/cases/\(id.text)/documents/\(kind)/finalise"
        case .documentVersion(let id): "/documents/\(id.text)"
        case .mediation: "/mediation"
        case .dueSoon: "/due"
        }
    }
}
