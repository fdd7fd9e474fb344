import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

enum CallbackViews {
    struct Row {
        let id: UUID
        let name: String?
        let maskedPhone: String
        let reason: Callback.Reason
        let dueAt: Date
        let attempts: Int
        let overdue: Bool
    }

    static func queue(_ rows: [Row], _ t: Localizer) -> Node<HTML.BodyContext> {
        .group(
            .p(.class("toolbar"), .text(t("list.count", String(rows.count)))),
            .if(rows.isEmpty, .p(.class("empty"), .text(t("callbacks.empty")))),
            .if(!rows.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("callback.due"))), .th(.text(t("field.subject"))), .th(.text(t("field.phone"))),
                           .th(.text(t("callbacks.reason"))), .th(.text(t("callback.attempts"))), .th(.text(t("field.action"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.attribute(named: "data-label", value: t("callback.due")),
                            .span(.class(row.overdue ? "status overdue" : "status due"),
                                  .text("\(t.dateTime(row.dueAt)) · \(t(row.overdue ? "callbacks.overdue" : "callbacks.due_soon"))"))),
                        .td(.attribute(named: "data-label", value: t("field.subject")), .text(row.name ?? t("hotline.subject_anonymous"))),
                        .td(.attribute(named: "data-label", value: t("field.phone")), .text(row.maskedPhone)),
                        .td(.attribute(named: "data-label", value: t("callbacks.reason")), .text(t("callback.reason.\(row.reason.rawValue)"))),
                        .td(.attribute(named: "data-label", value: t("callback.attempts")), .text(String(row.attempts))),
                        .td(.attribute(named: "data-label", value: t("field.action")),
                            .a(.class("button"), .href(IntakeRoute.callback(.of(row.id)).path), .text(t("callbacks.call")))))
                }))))
    }

    static func call(_ callback: Callback, phone: PhoneNumber, name: String?, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(.class("card"),
            .p(.text(name ?? t("hotline.subject_anonymous"))),
            .p(.a(.class("phone"), .href("tel:\(phone.digits)"), .text(phone.digits))),
            .p(.text("\(t("callback.reason.\(callback.reason.rawValue)")) · \(t("callback.attempts")) \(callback.attempts)")),
            Forms.post(IntakeRoute.callbackAttempt(.of(callback.id!)).path, page,
                Forms.radios("result", options: [Callback.Result.reached, .noAnswer, .wrongNumber]
                    .map { ($0.rawValue, t("callback.result.\($0.rawValue)")) }, selected: nil, errors: ValidationErrors(), t),
                Forms.submit(t("callbacks.record_attempt"))))
    }
}
