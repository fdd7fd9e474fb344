import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// One contact, in full.
struct ContactPageView {
    /// The contact's own facts, as the page shows them.
    struct Facts {
        let startedAt: Date
        let channel: Contact.Channel
        let direction: Contact.Direction
        let durationSeconds: Int?
        let outcome: Contact.Outcome
        let followUpOn: CalendarDate?
        /// When it was decided that no case will be opened from it.
        let noCaseAt: Date?

        init(_ contact: Contact) {
            startedAt = contact.startedAt
            channel = contact.channel
            direction = contact.direction
            durationSeconds = contact.durationSeconds
            outcome = contact.outcome
            followUpOn = contact.followUpOn
            noCaseAt = contact.noCaseAt
        }
    }

    let contact: Facts
    let advice: String
    /// Why no case will be opened from it, opened.
    let noCaseReason: String?
    /// Its summary is the line's (opened: this page is only shown to those who may read it in full).
    let line: ContactLine
    /// The worker the contact is with, if known.
    let workerID: UUID?
    let workerName: String
    let workerLink: Bool
    /// The masked callback number of an anonymous caller.
    let callbackNumber: String?
    /// Links of later features (open a case from this contact).
    let actions: [(path: String, titleKey: String)]

    func render(_ t: Localizer) -> Node<HTML.BodyContext> {
        let subject: Node<HTML.BodyContext> = workerID.map { id in
            workerLink ? .a(.href(IntakeRoute.worker(.of(id)).path), .text(workerName)) : .text(workerName)
        } ?? .text(t("hotline.subject_anonymous") + (callbackNumber.map { " · \(t("field.phone")) \($0)" } ?? ""))
        return .section(.class("card"),
            .dl(
                .dt(.text(t("field.subject"))), .dd(subject),
                .dt(.text(t("contact.when"))), .dd(.text(t.dateTime(contact.startedAt))),
                .dt(.text(t("field.channel"))), .dd(.text("\(t("channel.\(contact.channel.rawValue)")) · \(t("direction.\(contact.direction.rawValue)"))")),
                .dt(.text(t("field.duration_minutes"))), .dd(.text(contact.durationSeconds.map { DurationText.text($0, t) } ?? "—")),
                .dt(.text(t("field.office"))), .dd(.text("\(line.officeName) · \(line.operatorName)")),
                .dt(.text(t("field.topics"))), .dd(.text(line.topics.joined(separator: "、"))),
                .dt(.text(t("field.summary"))), .dd(.class("prose"), .text(line.summary ?? "")),
                .dt(.text(t("field.advice"))), .dd(.class("prose"), .text(advice.isEmpty ? "—" : advice)),
                .dt(.text(t("field.outcome"))), .dd(.text(t("outcome.\(contact.outcome.rawValue)"))),
                .unwrap(contact.noCaseAt) { at in
                    .group(.dt(.text(t("contact.no_case"))), .dd(.class("prose"), .text("\(t.dateTime(at)) · \(noCaseReason ?? "")")))
                },
                .dt(.text(t("field.follow_up_on"))), .dd(.text(contact.followUpOn?.description ?? "—"))
            ),
            .if(!actions.isEmpty, .p(.class("actions"), .forEach(actions) { action in
                .a(.class("button"), .href(action.path.attributeEscaped), .text(t(action.titleKey)))
            })))
    }
}

/// `4 分 12 秒` / `4 min 12 s`.
enum DurationText {
    static func text(_ seconds: Int, _ t: Localizer) -> String {
        t("duration.minutes_seconds", String(seconds / 60), String(seconds % 60))
    }
}
