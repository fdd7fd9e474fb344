import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot

/// The forms that open a case and edit its facts.
enum CaseFormView {
    static func new(_ draft: CaseDraft, contact: Contact?, workerName: String?, errors: ValidationErrors,
                    _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            Forms.errorSummary(errors, t),
            .unwrap(contact) { contact in
                .p(.class("notice"), .text(t("case.from_contact", contact.number, workerName ?? t("hotline.subject_anonymous"))))
            },
            Forms.post(CasesRoute.newCase.path, page,
                Forms.hidden("contact", draft.contact ?? ""),
                facts(draft, errors: errors, t),
                Forms.text("respondent_name", value: draft.respondent_name, errors: errors, t, required: false,
                           hint: t("case.respondent_hint")),
                Forms.select("respondent_role", options: ChainRole.allCases.map { ($0.rawValue, t("chain_role.\($0.rawValue)")) },
                             selected: draft.respondent_role ?? ChainRole.employer.rawValue, errors: errors, t, required: false),
                Forms.textarea("roster", value: draft.roster, errors: errors, t, required: false, rows: 5),
                .p(.class("hint"), .text(t("case.roster_hint"))),
                Forms.submit(t("cases.open"))))
    }

    static func edit(_ draft: CaseDraft, id: UUID, errors: ValidationErrors, _ page: PageContext) -> Node<HTML.BodyContext> {
        .group(Forms.errorSummary(errors, page.t),
               Forms.post(CasesRoute.editCase(.of(id)).path, page, facts(draft, errors: errors, page.t),
                          Forms.submit(page.t("form.save"))))
    }

    private static func facts(_ draft: CaseDraft, errors: ValidationErrors, _ t: Localizer) -> Node<HTML.FormContext> {
        .group(
            Forms.text("title", value: draft.title, errors: errors, t),
            Forms.checkboxes("dispute_types", options: DisputeType.allCases.map { ($0.rawValue, t("dispute.\($0.rawValue)")) },
                             checked: Set(draft.dispute_types ?? []), errors: errors, t),
            Forms.textarea("summary", value: draft.summary, errors: errors, t, required: false, rows: 4),
            .forEach(CaseDraft.dateFields) { field in
                Forms.text(field, value: draft.value(of: field), errors: errors, t, type: .date, required: false)
            },
            Forms.text("next_action_on", value: draft.next_action_on, errors: errors, t, type: .date, required: false))
    }
}

extension CaseDraft {
    func value(of dateField: String) -> String? {
        switch dateField {
        case "employment_start": employment_start
        case "employment_end": employment_end
        case "last_payday": last_payday
        case "knew_on": knew_on
        case "injury_on": injury_on
        default: nil
        }
    }
}
