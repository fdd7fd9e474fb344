import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// `GET /api/v1/indicators`: the ten figures of one scope and period computed now from the records (a
/// published snapshot is on /transparency), for those who may read that scope's dashboard.
enum IndicatorsAPI {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IndicatorsRoute.api, use: figures)
    }

    struct Query: Decodable {
        let scope: String?
        let period_kind: String?
        let period_from: String?
        let period_last: String?
    }

    struct FiguresJSON: Content {
        let scope: String
        let period_kind: String
        let period_from: String
        let period_to: String
        let definition_version: Int
        let figures: [String: Int64]
        /// Figures nobody logged in the period (their value is 0 and means "not recorded").
        let unrecorded: [String]
    }

    static func figures(_ request: Request) async throws -> FiguresJSON {
        let actor = try request.requireActor()
        let query = try request.query.decode(Query.self)
        let scope: Scope
        switch query.scope ?? "office" {
        case "office" where actor.ngoID != nil && actor.officeID != nil: scope = .office(ngo: actor.ngoID!, office: actor.officeID!)
        case "ngo" where actor.ngoID != nil: scope = .ngo(actor.ngoID!)
        case "network": scope = .network
        default: throw ValidationErrors([FieldError("scope", "error.choice_invalid")])
        }
        guard request.may(.readIndicators, in: scope) else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        let period = try PeriodInput.period(kind: query.period_kind.flatMap(IndicatorPeriod.Kind.init(rawValue:)),
                                            from: query.period_from.flatMap(CalendarDate.init(iso:)),
                                            last: query.period_last.flatMap(CalendarDate.init(iso:)))
        let figures = try await request.indicatorEngine.compute(period, scope: scope)
        return FiguresJSON(scope: IndicatorSnapshot.scopeKey(scope), period_kind: period.kind.rawValue,
                           period_from: period.from.description, period_to: period.to.description,
                           definition_version: Indicator.definitionVersion,
                           figures: Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0.rawValue, figures[$0]) }),
                           unrecorded: figures.unrecorded.map(\.rawValue).sorted())
    }
}
