import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The ten figures of an NGO that does not record its work in Huzhu, entered by its admin (or the
/// network admin) for a period; published like any snapshot, and marked self-reported everywhere.
enum SelfReportController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IndicatorsRoute.selfReport) { request in try await show(request, errors: ValidationErrors(), typed: [:]) }
        routes.post(IndicatorsRoute.selfReport, use: save)
    }

    static func ngos(_ request: Request) async throws -> [NGO] {
        _ = try request.requireActor()
        // The network's NGOs are few: the policy decides for each.
        let ngos = try await NGO.query(on: request.db).sort(\.$name).all().filter { request.may(.selfReportIndicators, in: .ngo($0.id!)) }
        guard !ngos.isEmpty else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        return ngos
    }

    static func show(_ request: Request, errors: ValidationErrors, typed: [String: String],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let ngos = try await ngos(request)
        let t = request.t
        return request.page(t("self_report.title"), status: status, .group(
            .p(.text(t("self_report.explain"))),
            Forms.errorSummary(errors, t),
            Forms.post(IndicatorsRoute.selfReport.path, request.pageContext,
                Forms.select("ngo", options: ngos.map { ($0.id!.uuidString, $0.name) }, selected: typed["ngo"], errors: errors, t),
                PeriodInput.fields(errors: errors, t),
                .forEach(Indicator.allCases) { indicator in
                    Forms.text(indicator.rawValue, value: typed[indicator.rawValue], errors: errors, t,
                               hint: indicator.isMoney ? t("ledger.yuan_hint") : nil)
                },
                Forms.textarea("reason", value: typed["reason"], errors: errors, t, required: false, rows: 2),
                Forms.submit(t("dashboard.publish")))))
    }

    static func save(_ request: Request) async throws -> Response {
        let ngos = try await ngos(request)
        let typed = request.typedForm
        do {
            guard let ngo = ngos.first(where: { $0.id?.uuidString == typed["ngo"] }) else {
                throw ValidationErrors([FieldError("ngo", "error.choice_invalid")])
            }
            let period = try PeriodInput.period(request, today: request.today)
            var errors = ValidationErrors()
            var figures = IndicatorFigures()
            for indicator in Indicator.allCases {
                let raw = (typed[indicator.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
                if indicator.isMoney {
                    if raw == "0" { continue }
                    if let money = errors.check({ () throws(FieldError) in try Money(yuan: raw, field: indicator.rawValue, maxYuan: 1_000_000_000_000) }) {
                        figures[indicator] = money.fen
                    }
                } else if let count = Int64(raw.filter { $0 != "," }), count >= 0, count <= 100_000_000 {
                    figures[indicator] = count
                } else {
                    errors.add(indicator.rawValue, "error.count_format")
                }
            }
            try errors.throwIfAny()
            let snapshot = try await Publication.publish(figures, scope: .ngo(ngo.id!), period: period, selfReported: true,
                                                         reason: typed["reason"], in: try request.workContext())
            return request.redirect(to: IndicatorsRoute.snapshot(.of(snapshot.id!)).path)
        } catch let errors as ValidationErrors {
            return try await show(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }
}
