import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The one-screen record of a contact: whom it is with (a known worker, a new one typed in place, or
/// anonymous), then what it was about. Reading order is keyboard order.
struct IntakeFormView {
    var contact: ContactDraft
    var worker: WorkerDraft
    var errors: ValidationErrors
    var topics: [Topic]
    var lookup: PhoneLookup?
    /// Known workers the new one typed may be (`KnownWorker`): the operator says which.
    var matches: [PhoneLookup.WorkerCard] = []

    func render(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        var subjects: [(value: String, label: String)] = (lookup?.workers ?? []).map { ($0.id.uuidString, t("hotline.subject_known", $0.name)) }
        subjects.append(("new", t("hotline.subject_new")))
        subjects.append(("anonymous", t("hotline.subject_anonymous")))
        var newWorker = worker
        newWorker.phones = worker.phones ?? lookup?.phone.digits
        return .group(
            Forms.errorSummary(errors, t),
            Forms.post(IntakeRoute.intake.path, page,
                Forms.hidden("phone", lookup?.phone.digits ?? contact.phone ?? ""),
                Forms.hidden("call_id", contact.call_id ?? ""),
                knownWorkerChoice(t),
                Forms.radios("subject", options: subjects, selected: contact.subject ?? defaultSubject, errors: errors, t),
                .details(.class("new-worker"), .open((contact.subject ?? defaultSubject) == "new" || lookup == nil),
                    .summary(.text(t("hotline.new_worker"))),
                    .p(.class("hint"), .text(t("hotline.new_worker_hint"))),
                    WorkerViews.fields(newWorker, errors: errors, t, nameRequired: false, story: false)),
                .element(named: "fieldset", nodes: [
                    .class("contact"),
                    .element(named: "legend", nodes: [.text(t("hotline.contact"))]),
                    Forms.select("channel", options: Contact.Channel.allCases.map { ($0.rawValue, t("channel.\($0.rawValue)")) },
                                 selected: contact.channel ?? Contact.Channel.hotline.rawValue, errors: errors, t),
                    Forms.select("direction", options: Contact.Direction.allCases.map { ($0.rawValue, t("direction.\($0.rawValue)")) },
                                 selected: contact.direction ?? Contact.Direction.inbound.rawValue, errors: errors, t),
                    Forms.text("started_at", value: contact.started_at, errors: errors, t, type: .datetimeLocal,
                               required: false, hint: t("hotline.started_hint")),
                    Forms.text("duration_minutes", value: contact.duration_minutes, errors: errors, t, required: false),
                    Forms.checkboxes("topics", options: topics.map { ($0.id!.uuidString, $0.name(in: t.language)) },
                                     checked: Set(contact.topics ?? []), errors: errors, t),
                    Forms.textarea("summary", value: contact.summary, errors: errors, t, rows: 4),
                    Forms.textarea("advice", value: contact.advice, errors: errors, t, required: false),
                    Forms.select("outcome", options: Contact.Outcome.allCases.map { ($0.rawValue, t("outcome.\($0.rawValue)")) },
                                 selected: contact.outcome ?? Contact.Outcome.advice.rawValue, errors: errors, t),
                    Forms.text("follow_up_on", value: contact.follow_up_on, errors: errors, t, type: .date, required: false),
                ]),
                Forms.submit(t("hotline.save")))
        )
    }

    /// When the new worker may be a known one: each match, or a different person. Nothing is chosen for
    /// the operator; saving without a choice stops here again.
    private func knownWorkerChoice(_ t: Localizer) -> Node<HTML.FormContext> {
        guard !matches.isEmpty else { return .empty }
        let options = matches.map { card in
            (card.id.uuidString, t("hotline.same_person", ([card.name] + card.maskedPhones + [card.birthYear.map(String.init), card.currentCity]
                .compactMap { $0 }).joined(separator: " · ")))
        } + [("different", t("hotline.different_person"))]
        return .div(.class("notice due known-worker"), Forms.radios("use_worker", options: options, selected: nil, errors: errors, t))
    }

    /// One known worker: them; several: the operator must choose; none: a new worker.
    private var defaultSubject: String? {
        guard let workers = lookup?.workers else { return "new" }
        switch workers.count {
        case 0: return "new"
        case 1: return workers[0].id.uuidString
        default: return nil
        }
    }
}
