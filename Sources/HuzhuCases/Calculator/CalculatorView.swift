import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The calculator page: the situations, the few facts each asks for, and the breakdown with its
/// deadlines and sources. Opened from a case, it can save the result as that case's claims.
enum CalculatorView {
    struct Model {
        let input: CalculatorInput
        let regions: [String]
        let result: Calculation?
        let errors: ValidationErrors
        /// Deadlines before it are marked expired.
        let today: CalendarDate
        /// The case the calculation may be saved to, with its workers.
        let target: (found: Case, workers: [(id: UUID, name: String)])?
    }

    static func render(_ model: Model, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let chosen = model.input.chosen
        let caseID = model.target.map { $0.found.id!.uuidString.lowercased() }
        return .group(
            .unwrap(model.target) { target in
                .p(.class("notice"), .text(t("calculator.for_case", target.found.number)))
            },
            .nav(.class("tools situations"), .ariaLabel(t("calculator.situation")), .forEach(Situation.allCases) { situation in
                .group(.a(.class(situation == chosen ? "button primary" : "button"),
                          .href(queryLink(CasesRoute.calculator.path, [("situation", situation.rawValue), ("case", caseID)]).attributeEscaped),
                          .text(t("situation.\(situation.rawValue)"))), .text(" "))
            }),
            .unwrap(chosen) { situation in
                .group(
                    Forms.errorSummary(model.errors, t),
                    .form(.class("calculator no-print"), .method(.get), .action(CasesRoute.calculator.path),
                        Forms.hidden("situation", situation.rawValue),
                        .unwrap(caseID) { Forms.hidden("case", $0) },
                        .forEach(situation.fields) { field in
                            input(field, required: !situation.isOptional(field), model, t)
                        },
                        Forms.submit(t("calculator.calculate"))))
            },
            .unwrap(model.result) { result in results(result, model, page) })
    }

    private static func input(_ field: String, required: Bool, _ model: Model, _ t: Localizer) -> Node<HTML.FormContext> {
        let value = model.input.text(field)
        if field == "region" {
            return Forms.select(field, options: model.regions.map { ($0, $0) }, selected: value, errors: model.errors, t)
        }
        if Situation.flags.contains(field) { return Forms.checkbox(field, checked: model.input.flag(field), t) }
        let hint = ["filed_on": "calculator.filed_on_hint", "workday_hours": "calculator.hours_hint",
                    "rest_day_hours": "calculator.hours_hint", "holiday_hours": "calculator.hours_hint"][field].map { t($0) }
        return Forms.text(field, value: value, errors: model.errors, t, type: Situation.dates.contains(field) ? .date : .text,
                          required: required, hint: hint)
    }

    private static func results(_ result: Calculation, _ model: Model, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let total = result.claims.values.reduce(0) { $0 + $1.fen }
        return .section(.class("card"), .id("results"),
            .h2(.text(t("calculator.results"))),
            LegalLineView.table(result.lines, t, id: "money"),
            .p(.class("total"), .strong(.text(t("calculator.total", Money(fen: total).formatted)))),
            .if(!result.deadlines.isEmpty, .group(.h2(.text(t("calculator.deadlines"))),
                                                  LegalLineView.table(result.deadlines, t, id: "deadlines", today: model.today))),
            .if(!result.parameters.isEmpty, .group(.h3(.text(t("calculator.parameters"))), .ul(.forEach(result.parameters) { row in
                .li(.text("\(row.region) · \(t("parameter_kind.\(row.kind.rawValue)")) \(Money(fen: row.amountFen).formatted) · "
                          + "\(t("calculator.effective_on", row.effectiveOn.description)) · \(row.source)"))
            }))),
            .p(.class("hint"), .text(t("calculator.disclaimer"))),
            .unwrap(model.target) { target in
                Forms.post(CasesRoute.calculations(.of(target.found.id!)).path, page,
                    .forEach(Situation.allCases.first { $0 == result.situation }!.fields + ["situation"]) { field in
                        .unwrap(model.input.text(field)) { Forms.hidden(field, $0) }
                    },
                    Forms.select("worker", options: target.workers.map { ($0.id.uuidString, $0.name) }, selected: nil,
                                 errors: model.errors, t),
                    Forms.submit(t("calculator.save_to_case")))
            })
    }
}
