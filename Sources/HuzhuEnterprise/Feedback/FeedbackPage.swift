import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// One piece of feedback as the NGO sees it: the worker's words (never shown to the enterprise), the
/// summary the enterprise sees, the enterprise's answer, and the forms that move it along.
struct FeedbackPage {
    let feedback: Feedback
    let partnership: Partnership
    let notes: [FeedbackNote]
    let description: String
    let name: String?
    let callback: String?
    let now: Date

    func render(errors: ValidationErrors, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let id = RouteID.of(feedback.id!)
        let overdue = feedback.ackDueAt.map { $0 < now } == true && feedback.acknowledgedAt == nil
        return .group(
            Forms.errorSummary(errors, t),
            .if(overdue, .p(.class("notice error"), .text(t("feedback.ack_overdue")))),
            .section(.class("card"),
                .dl(t.detail("field.category", t("feedback_category.\(feedback.category.rawValue)")),
                    t.detail("field.severity", t("feedback_severity.\(feedback.severity.rawValue)")),
                    t.detail("field.site", feedback.site),
                    t.detail("field.channel", t("feedback_channel.\(feedback.channel.rawValue)")),
                    t.detail("field.treatment", t("feedback_treatment.\(feedback.treatment.rawValue)")),
                    t.detail("field.worker_name", name), t.detail("field.callback", callback.flatMap { try? PhoneNumber($0).masked }),
                    t.detail("field.status", t("feedback_status.\(feedback.status.rawValue)")),
                    t.detail("feedback.ack_due", feedback.ackDueAt.map(t.dateTime)),
                    t.detail("feedback.acknowledged", feedback.acknowledgedAt.map(t.dateTime)),
                    t.detail("feedback.response", feedback.response),
                    t.detail("field.verdict", feedback.verdict.map { t("feedback_verdict.\($0.rawValue)") })),
                .h3(.text(t("feedback.words"))), .p(.class("prose"), .text(description)),
                .p(.class("hint"), .text(t(feedback.treatment == .named && name != nil ? "feedback.words_hint_named" : "feedback.words_hint")))),
            .section(.class("card"), .h2(.text(t("feedback.summary"))),
                .p(.class("hint"), .text(t("feedback.summary_hint"))),
                Forms.post(EnterpriseRoute.feedbackSummary(id).path, page,
                    Forms.textarea("summary", value: feedback.summary, errors: errors, t, rows: 3),
                    .if(feedback.severity == .urgent && feedback.escalatedAt == nil, Forms.checkbox("escalate", checked: true, t)),
                    Forms.submit(t("feedback.approve_summary")))),
            .section(.class("card"), .h2(.text(t("feedback.follow_through"))),
                .ul(.forEach(notes) { note in .li(.text("\(t.dateTime(note.createdAt)) · \(note.text)")) }),
                .if(!feedback.status.moves.isEmpty, Forms.post(EnterpriseRoute.feedbackStatus(id).path, page,
                    Forms.select("status", options: feedback.status.moves.map { ($0.rawValue, t("feedback_status.\($0.rawValue)")) },
                                 selected: nil, errors: errors, t),
                    Forms.textarea("note", value: nil, errors: errors, t, required: false, rows: 2),
                    Forms.submit(t("feedback.move")))),
                .if(feedback.status >= .responded, Forms.post(EnterpriseRoute.feedbackVerdict(id).path, page,
                    Forms.radios("verdict", options: FeedbackVerdict.allCases.map { ($0.rawValue, t("feedback_verdict.\($0.rawValue)")) },
                                 selected: feedback.verdict?.rawValue, errors: errors, t),
                    Forms.submit(t("feedback.record_verdict"))))))
    }
}
