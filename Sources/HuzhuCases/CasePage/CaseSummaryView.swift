import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// A case's facts (its dates, types and summary), a closing waiting for approval, and the form that moves it.
enum CaseSummaryView {
    static func render(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let found = model.case
        let id = RouteID.of(found.id!)
        return .group(
            .section(.class("card"), .id("summary"),
                .dl(t.detail("field.case_number", found.number),
                    t.detail("field.office", model.officeName),
                    t.detail("field.dispute_types", found.disputeTypes.map { t("dispute.\($0.rawValue)") }.joined(separator: "、")),
                    t.detail("field.employment_start", found.employmentStart?.description),
                    t.detail("field.employment_end", found.employmentEnd?.description),
                    t.detail("field.last_payday", found.lastPayday?.description),
                    t.detail("field.knew_on", found.knewOn?.description),
                    t.detail("field.injury_on", found.injuryOn?.description),
                    t.detail("case.opened_on", found.openedOn.description),
                    t.detail("field.summary", model.caseSummary.isEmpty ? nil : model.caseSummary)),
                .if(model.access.mayManage, .p(.class("actions"),
                    .a(.class("button"), .href(CasesRoute.editCase(id).path), .text(t("case.edit")))))),
            pending(model, form: form, page),
            .if(model.access.mayWork && found.pendingClosingCode == nil, moveForm(model, form: form, page)))
    }

    private static func pending(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let found = model.case
        guard let code = found.pendingClosingCode else { return .empty }
        return .section(.class("notice due"), .id("approval"),
            .p(.text(t("case.closing_pending", t("closing.\(code.rawValue)"), found.pendingOn?.description ?? "",
                       found.pendingBy.flatMap { model.names[$0] } ?? "—"))),
            .p(.class("prose"), .text(found.pendingReason ?? "")),
            .if(model.mayApprove, Forms.post(CasesRoute.approval(.of(found.id!)).path, page,
                Forms.textarea("comment", value: form["comment"], errors: form.errors, t, required: false, rows: 2),
                .div(.class("actions"),
                     .button(.type(.submit), .name("decision"), .value("approve"), .class("primary"), .text(t("case.approve"))),
                     .text(" "),
                     .button(.type(.submit), .name("decision"), .value("reject"), .text(t("case.reject")))))))
    }

    private static func moveForm(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let found = model.case
        let approval = model.closingNeedsApproval && !model.mayApprove
        return .section(.class("card"), .id("move"),
            form.action(t("case.move"), CasesRoute.status(.of(found.id!)).path, page,
                Forms.select("status", options: found.status.moves.map { ($0.rawValue, t("status.\($0.rawValue)")) },
                             selected: form["status"], errors: form.errors, t),
                Forms.text("moved_on", value: form["moved_on"] ?? model.today.description, errors: form.errors, t, type: .date,
                           hint: t("case.moved_on_hint")),
                Forms.textarea("reason", value: form["reason"], errors: form.errors, t, rows: 2),
                Forms.select("closing_code", options: ClosingCode.allCases.map { ($0.rawValue, t("closing.\($0.rawValue)")) },
                             selected: form["closing_code"], errors: form.errors, t, required: false),
                .if(approval, .p(.class("hint"), .text(t("case.closing_needs_approval")))),
                Forms.submit(t("case.move"))))
    }
}
