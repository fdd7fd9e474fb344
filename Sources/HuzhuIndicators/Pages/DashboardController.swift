import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The staff dashboard: the ten figures of one's office and NGO (or the network) this month, with
/// twelve months of trend drawn as SVG, links to the records behind a figure, the form that publishes a
/// period, and, for publishers, published snapshots whose recomputation now differs.
enum DashboardController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IndicatorsRoute.dashboard) { request in try await show(request, errors: ValidationErrors()) }
        routes.post(IndicatorsRoute.publish, use: publish)
    }

    /// The scopes a person sees on the dashboard, with their names.
    static func scopes(_ request: Request) async throws -> [(scope: Scope, name: String)] {
        let actor = try request.requireActor()
        var scopes: [(Scope, String)] = []
        let own = Policy.ownScope(of: actor)
        if case .office = own { scopes.append((own, actor.officeName ?? "")) }
        if let ngo = actor.ngoID { scopes.append((.ngo(ngo), actor.ngoName ?? "")) }
        scopes.append((.network, request.t("transparency.network")))
        return scopes.filter { request.may(.readIndicators, in: $0.0) }
    }

    static func show(_ request: Request, errors: ValidationErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let scopes = try await scopes(request)
        guard !scopes.isEmpty else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        let engine = request.indicatorEngine
        let today = request.today
        let months = IndicatorPeriod.twelveMonths(endingWith: today)
        let t = request.t
        var sections: [Node<HTML.BodyContext>] = []
        for (scope, name) in scopes {
            var trend: [IndicatorFigures] = []
            for period in months { trend.append(try await engine.compute(period, scope: scope)) }
            sections.append(section(name: name, scope: scope, months: months, trend: trend, request: request))
        }
        let publishable = scopes.filter { request.may(.publishIndicators, in: $0.scope) }
        let discrepancies = try await Discrepancies.find(in: publishable.map(\.scope), today: today, engine: request.indicatorEngine)
        let page = request.pageContext
        return request.page(t("dashboard.title"), status: status, .group(
            .group(sections),
            .if(!discrepancies.isEmpty, .section(.class("card notice due"), .h2(.text(t("dashboard.discrepancies"))),
                .ul(.forEach(discrepancies) { item in
                    .li(.a(.href(IndicatorsRoute.snapshot(.of(item.snapshot.id!)).path),
                           .text("\(item.snapshot.period?.label ?? "") · \(item.snapshot.scopeKind)")),
                        .text(" · " + item.differences.map { "\(t("figure.\($0.0.rawValue)")) \($0.1) → \($0.2)" }.joined(separator: "; ")))
                }))),
            .if(!publishable.isEmpty, .section(.class("card"), .id("publish"), .h2(.text(t("dashboard.publish"))),
                Forms.errorSummary(errors, t),
                Forms.post(IndicatorsRoute.publish.path, page,
                    Forms.select("scope", options: publishable.map { (IndicatorSnapshot.scopeKey($0.scope), $0.name) },
                                 selected: publishable.first.map { IndicatorSnapshot.scopeKey($0.scope) }, errors: errors, t),
                    PeriodInput.fields(errors: errors, t),
                    Forms.textarea("reason", value: nil, errors: errors, t, required: false, rows: 2),
                    .p(.class("hint"), .text(t("dashboard.revision_hint"))),
                    Forms.submit(t("dashboard.publish"))))),
            .p(.a(.href(IndicatorsRoute.transparency.path), .text(t("transparency.title"))))))
    }

    private static func section(name: String, scope: Scope, months: [IndicatorPeriod], trend: [IndicatorFigures],
                                request: Request) -> Node<HTML.BodyContext> {
        let t = request.t
        let current = trend.last ?? IndicatorFigures()
        let period = months.last!
        let drill = DrillDown(period: period, mayReadContacts: scope != .network && request.actor?.role != nil)
        return .section(.class("card indicators"),
            .h2(.text("\(name) · \(period.label)")),
            .table(.class("stack figures"),
                .tbody(.forEach(Indicator.allCases) { indicator in
                    .tr(.data(named: "indicator", value: indicator.rawValue),
                        .th(.text(t("figure.\(indicator.rawValue)"))),
                        .td(.class("value"), drill.link(indicator, FigureText.text(current, indicator, t))),
                        .td(BarChart.render(zip(months, trend).map { (String($0.0.label.suffix(2)), $0.1[indicator]) },
                                            caption: t("figure.\(indicator.rawValue)"), money: indicator.isMoney)))
                })))
    }

    static func publish(_ request: Request) async throws -> Response {
        let scopes = try await scopes(request).filter { request.may(.publishIndicators, in: $0.scope) }
        let key = try request.content.get(String?.self, at: "scope") ?? nil
        do {
            guard let scope = scopes.first(where: { IndicatorSnapshot.scopeKey($0.scope) == key })?.scope else {
                throw ValidationErrors([FieldError("scope", "error.choice_invalid")])
            }
            let period = try PeriodInput.period(request, today: request.today)
            guard period.to <= request.today else { throw ValidationErrors([FieldError("period_from", "error.period_not_closed")]) }
            let figures = try await request.indicatorEngine.compute(period, scope: scope)
            let snapshot = try await Publication.publish(figures, scope: scope, period: period, selfReported: false,
                                                         reason: try request.content.get(String?.self, at: "reason") ?? nil,
                                                         in: try request.workContext())
            return request.redirect(to: IndicatorsRoute.snapshot(.of(snapshot.id!)).path)
        } catch let errors as ValidationErrors {
            return try await show(request, errors: errors, status: .unprocessableEntity)
        }
    }
}

/// Links from a figure to the records behind it, for those who may read them.
struct DrillDown {
    let period: IndicatorPeriod
    let mayReadContacts: Bool

    func link(_ indicator: Indicator, _ text: String) -> Node<HTML.BodyContext> {
        let range: [(String, String?)] = [("from", period.from.description), ("to", period.to.adding(days: -1).description)]
        let path: String? = switch indicator {
        case .hotlineCalls: queryLink("/contacts", [("channel", "hotline")] + range)
        case .visits: queryLink("/contacts", [("channel", "visit")] + range)
        case .casesAccepted: queryLink("/cases", range)
        default: nil
        }
        guard mayReadContacts, let path else { return .text(text) }
        return .a(.href(path.attributeEscaped), .text(text))
    }
}

/// A figure as shown: amounts in yuan with two decimals and separators, counts with separators.
enum FigureText {
    /// A figure as pages show it: money in yuan, counts grouped, and "not recorded" for hours nobody logged.
    static func text(_ figures: IndicatorFigures, _ indicator: Indicator, _ t: Localizer) -> String {
        if figures.unrecorded.contains(indicator) { return t("figure.not_recorded") }
        let value = figures[indicator]
        return indicator.isMoney ? Money(fen: value).formatted : Money.grouped(value)
    }
}
