import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot

/// Who a case is for, against and worked by, with the forms that add to each.
enum CasePeopleView {
    static func workers(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let total = model.ledger.total
        return .section(.class("card"), .id("workers"),
            .h2(.text(t("case.workers_count", String(model.workers.count)))),
            .table(.class("stack ledger-totals"),
                .thead(.tr(.th(.text(t("field.full_name"))), .th(.text(t("field.phone"))), .th(.text(t("ledger.claimed"))),
                           .th(.text(t("ledger.agreed"))), .th(.text(t("ledger.paid"))), .th(.text(t("ledger.outstanding"))))),
                .tbody(.forEach(model.workers) { row in
                    .tr(.data(named: "worker", value: row.name.attributeEscaped),
                        cell(t("field.full_name"), model.mayReadWorkers
                             ? .a(.href(IntakeRoute.worker(.of(row.worker.id!)).path), .text(row.name)) : .text(row.name)),
                        cell(t("field.phone"), .text(row.maskedPhone ?? "—")),
                        totals(row.totals, t))
                }),
                .tfoot(.tr(.class("case-total"), .th(.text(t("ledger.case_total"))), .td(),
                           totals(total, t)))),
            .if(model.access.mayManage, form.action(t("case.add_workers"), CasesRoute.caseWorkers(.of(model.case.id!)).path, page,
                Forms.textarea("roster", value: form["roster"], errors: form.errors, t, rows: 4),
                .p(.class("hint"), .text(t("case.roster_hint"))),
                Forms.submit(t("case.add_workers")))))
    }

    static func totals(_ totals: Ledger.Totals, _ t: Localizer) -> Node<HTML.TableRowContext> {
        .group(cell(t("ledger.claimed"), .text(totals.claimed.formatted)),
               cell(t("ledger.agreed"), .text(totals.agreed.formatted)),
               cell(t("ledger.paid"), .text(totals.paid.formatted)),
               cell(t("ledger.outstanding"), .text(outstanding(totals, t))))
    }

    /// What is still owed: the sum of the confirmed claims' own figures, "not confirmed" for claims with no
    /// agreed amount yet, and any overpayment as its own figure (never netted against a debt).
    static func outstanding(_ totals: Ledger.Totals, _ t: Localizer) -> String {
        let owed = totals.unconfirmed == 0 ? totals.outstanding.formatted
            : totals.agreed.fen == 0 && totals.outstanding.fen == 0 ? t("ledger.not_confirmed")
            : t("ledger.outstanding_unconfirmed", totals.outstanding.formatted)
        return totals.overpaid.fen > 0 ? "\(owed) · \(t("ledger.overpaid_amount", totals.overpaid.formatted))" : owed
    }

    static func cell(_ label: String, _ content: Node<HTML.BodyContext>) -> Node<HTML.TableRowContext> {
        .td(.attribute(named: "data-label", value: label.attributeEscaped), content)
    }

    static func respondents(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(.class("card"), .id("respondents"), .h2(.text(t("case.respondents"))),
            .if(model.respondents.isEmpty, .p(.class("empty"), .text(t("case.no_respondents")))),
            .ul(.forEach(model.respondents) { respondent in
                .li(model.mayReadEmployers
                    ? .a(.href(CasesRoute.employer(.of(respondent.employer.id!)).path), .text(respondent.employer.name))
                    : .text(respondent.employer.name),
                    .text(" · \(t("chain_role.\(respondent.role.rawValue)"))"))
            }),
            .if(model.access.mayManage, form.action(t("case.add_respondent"), CasesRoute.respondents(.of(model.case.id!)).path, page,
                Forms.text("respondent_name", value: form["respondent_name"], errors: form.errors, t, hint: t("case.respondent_hint")),
                Forms.select("respondent_role", options: ChainRole.allCases.map { ($0.rawValue, t("chain_role.\($0.rawValue)")) },
                             selected: form["respondent_role"], errors: form.errors, t),
                Forms.submit(t("case.add_respondent")))))
    }

    static func assignees(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(.class("card"), .id("assignees"), .h2(.text(t("case.assignees"))),
            .ul(.forEach(model.assignees) { entry in
                .li(.text(entry.name),
                    .unwrap(entry.assignee.conflictConfirmedAt) { .text(" · \(t("case.no_conflict_confirmed", t.date($0)))") })
            }),
            .if(model.access.mayManage && !model.assignable.isEmpty,
                form.action(t("case.assign"), CasesRoute.assignees(.of(model.case.id!)).path, page,
                    Forms.select("assignee", options: model.assignable.map { ($0.id!.uuidString, "\($0.displayName) · \(t.role($0.role))") },
                                 selected: form["assignee"], errors: form.errors, t),
                    Forms.submit(t("case.assign")))))
    }
}
