import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The workers list, one worker's page, and the worker form.
enum WorkerViews {
    /// `tools` are the links this person may follow from the list (duplicates, import, export).
    static func list(_ page: WorkerList.Page, filter: WorkerFilter, tools: [(path: String, titleKey: String)],
                     _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.t
        return .group(
            .if(!tools.isEmpty, .p(.class("tools"), .forEach(tools) { tool in
                .a(.class("button"), .href(tool.path), .text(t(tool.titleKey)))
            })),
            .form(.class("filters"), .method(.get), .action(IntakeRoute.workers.path),
                Forms.text("q", value: filter.q, errors: ValidationErrors(), t, required: false, hint: t("workers.q_hint")),
                .div(.class("actions"), .button(.type(.submit), .text(t("list.filter"))))),
            .p(.class("toolbar"), .text(t("list.count", String(page.rows.count)))),
            .if(page.rows.isEmpty, .p(.class("empty"), .text(t("workers.empty")))),
            .if(!page.rows.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.full_name"))), .th(.text(t("field.phones"))), .th(.text(t("field.current_city"))),
                           .th(.text(t("field.employer"))), .th(.text(t("workers.since"))))),
                .tbody(.forEach(page.rows) { row in
                    .tr(.td(.attribute(named: "data-label", value: t("field.full_name")),
                            .a(.href(IntakeRoute.worker(.of(row.worker.id!)).path), .text(row.name))),
                        .td(.attribute(named: "data-label", value: t("field.phones")), .text(row.maskedPhones.joined(separator: ", "))),
                        .td(.attribute(named: "data-label", value: t("field.current_city")), .text(row.worker.currentCity ?? "—")),
                        .td(.attribute(named: "data-label", value: t("field.employer")), .text(row.worker.employer ?? "—")),
                        .td(.attribute(named: "data-label", value: t("workers.since")), .text(t.date(row.worker.createdAt))))
                }))),
            .unwrap(page.next) { next in
                .p(.a(.class("button"),
                      .href(queryLink(IntakeRoute.workers.path, [("q", filter.q), ("office", filter.office), ("after", next)])
                          .attributeEscaped),
                      .text(t("list.next"))))
            })
    }

    /// What the worker's page shows of the record besides its sealed fields.
    struct Profile {
        let id: UUID
        let gender: Gender
        let birthYear: Int?
        let homeProvince: String?
        let currentCity: String?
        let industry: String?
        let employer: String?
        let languages: String?
        let consentNetworkOn: CalendarDate?
        let consentSMSOn: CalendarDate?
        let consentStoryOn: CalendarDate?

        init(_ worker: Worker) throws {
            id = try worker.requireID()
            gender = worker.gender
            birthYear = worker.birthYear
            homeProvince = worker.homeProvince
            currentCity = worker.currentCity
            industry = worker.industry
            employer = worker.employer
            languages = worker.languages
            consentNetworkOn = worker.consentNetworkOn
            consentSMSOn = worker.consentSMSOn
            consentStoryOn = worker.consentStoryOn
        }
    }

    struct Detail {
        let worker: Profile
        let name: String
        let notes: String?
        /// Masked unless revealed.
        let phones: [String]
        let idNumber: String?
        let revealed: Bool
        let mayReveal: Bool
        let history: [ContactLine]
        /// Cards of later features (the worker's cases).
        let sections: [Node<HTML.BodyContext>]
    }

    static func page(_ detail: Detail, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.t
        let worker = detail.worker
        func consent(_ date: CalendarDate?) -> String { date.map { t("workers.consent_given", $0.description) } ?? t("workers.consent_not_given") }
        return .group(
            .section(.class("card"),
                .dl(t.detail("field.full_name", detail.name),
                    t.detail("field.phones", detail.phones.joined(separator: ", ")),
                    t.detail("field.id_number", detail.idNumber),
                    t.detail("field.gender", t("gender.\(worker.gender.rawValue)")),
                    t.detail("field.birth_year", worker.birthYear.map(String.init)),
                    t.detail("field.home_province", worker.homeProvince),
                    t.detail("field.current_city", worker.currentCity),
                    t.detail("field.industry", worker.industry),
                    t.detail("field.employer", worker.employer),
                    t.detail("field.languages", worker.languages),
                    t.detail("field.notes", detail.notes),
                    t.detail("field.consent_network", consent(worker.consentNetworkOn)),
                    t.detail("field.consent_sms", consent(worker.consentSMSOn)),
                    t.detail("field.consent_story", consent(worker.consentStoryOn))),
                .div(.class("actions"),
                    .if(detail.mayReveal && !detail.revealed,
                        Forms.post(IntakeRoute.revealWorker(.of(worker.id)).path, context,
                                   .button(.type(.submit), .text(t("workers.reveal"))))),
                    .if(detail.mayReveal, .a(.class("button"), .href(IntakeRoute.editWorker(.of(worker.id)).path),
                                             .text(t("workers.edit")))))),
            .section(.class("card"), .h2(.text(t("hotline.history"))),
                .if(detail.history.isEmpty, .p(.class("empty"), .text(t("hotline.no_history")))),
                .if(!detail.history.isEmpty, ContactViews.list(detail.history, t))),
            .group(detail.sections))
    }

    static func form(_ draft: WorkerDraft, id: UUID, errors: ValidationErrors, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.t
        return .group(
            Forms.errorSummary(errors, t),
            Forms.post(IntakeRoute.editWorker(.of(id)).path, context,
                fields(draft, errors: errors, t, nameRequired: true, story: true),
                Forms.submit(t("form.save"))))
    }

    /// A worker's fields, the same on the intake page (name optional there: only a new worker needs it)
    /// and on the edit form.
    static func fields<C: HTML.BodyContext>(_ draft: WorkerDraft, errors: ValidationErrors, _ t: Localizer,
                                            nameRequired: Bool, story: Bool) -> Node<C> {
        .group(
            Forms.text("full_name", value: draft.full_name, errors: errors, t, required: nameRequired),
            Forms.text("phones", value: draft.phones, errors: errors, t, type: .tel, required: false,
                       hint: t("worker.phones_hint")),
            Forms.select("gender", options: Gender.allCases.map { ($0.rawValue, t("gender.\($0.rawValue)")) },
                         selected: draft.gender, errors: errors, t, required: false),
            Forms.text("birth_year", value: draft.birth_year, errors: errors, t, required: false),
            Forms.text("home_province", value: draft.home_province, errors: errors, t, required: false),
            Forms.text("current_city", value: draft.current_city, errors: errors, t, required: false),
            Forms.text("industry", value: draft.industry, errors: errors, t, required: false),
            Forms.text("employer", value: draft.employer, errors: errors, t, required: false),
            Forms.text("id_number", value: draft.id_number, errors: errors, t, required: false),
            Forms.text("languages", value: draft.languages, errors: errors, t, required: false),
            Forms.textarea("notes", value: draft.notes, errors: errors, t, required: false),
            Forms.checkbox("consent_sms", checked: draft.consent_sms == "on", t),
            Forms.checkbox("consent_network", checked: draft.consent_network == "on", t),
            .if(story, Forms.checkbox("consent_story", checked: draft.consent_story == "on", t)))
    }
}
