import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// A message's preview before it is sent, and its page after: the text as sent, the segments, and each
/// copy's state.
struct MessageView {
    struct Row {
        let copy: SMSRecipient
        let name: String
        let phone: String
    }

    let message: SMSMessage
    /// The text as sent.
    let text: String
    let rows: [Row]
    let back: String

    var inProgress: Bool { rows.contains { $0.copy.state == .queued || $0.copy.state == .sending } }

    static func load(_ message: SMSMessage, request: Request) async throws -> MessageView {
        let cipher = request.application.fieldCipher
        let copies = try await SMSRecipient.query(on: request.db).filter(\.$messageID == message.id!).all()
        let workers = Dictionary(uniqueKeysWithValues: try await Worker.query(on: request.db).filter(\.$id ~~ copies.map(\.workerID)).all()
            .map { ($0.id!, $0) })
        let rows = try copies.map { copy in
            Row(copy: copy, name: try workers[copy.workerID]?.openName(cipher) ?? "",
                phone: (try? PhoneNumber(try cipher.open(copy.phoneCipher)).masked) ?? "")
        }.sorted { $0.name < $1.name }
        var command = ComposeMessage(form: [:])
        command.audience = message.audience.rawValue
        command.audienceID = message.audienceID
        return MessageView(message: message, text: try message.openText(cipher), rows: rows, back: MessagesController.audiencePath(command))
    }

    /// Copies by state, for many messages at once.
    static func counts(_ ids: [UUID], on db: any Database) async throws -> [UUID: [SMSState: Int]] {
        guard !ids.isEmpty else { return [:] }
        var counts: [UUID: [SMSState: Int]] = [:]
        for copy in try await SMSRecipient.query(on: db).filter(\.$messageID ~~ ids).field(\.$messageID).field(\.$state).all() {
            counts[copy.messageID, default: [:]][copy.state, default: 0] += 1
        }
        return counts
    }

    static func summary(_ counts: [SMSState: Int], _ t: Localizer) -> String {
        SMSState.allCases.compactMap { state in counts[state].map { t("sms.state.\(state.rawValue)") + " \($0)" } }.joined(separator: " · ")
    }

    static func preview(_ plan: Messages.Plan, dryRun: Bool, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .section(.class("card"),
                .p(.strong(.text(t("sms.as_sent")))),
                .p(.class("sms-text"), .text(plan.text)),
                .p(.text(t("sms.segments", String(plan.text.count), String(plan.segments))))),
            .p(.text(t("sms.recipients", String(plan.recipients.count)))),
            .if(!plan.skipped.isEmpty, .ul(.forEach(Messages.Skipped.allCases.filter { plan.skipped[$0] != nil }) { reason in
                .li(.text(t("sms.skipped.\(reason.rawValue)", String(plan.skipped[reason]!))))
            })),
            .p(.class("hint"), .text(t(dryRun ? "sms.dry_run" : "sms.gateway_on"))),
            Forms.post(WorkerNetworkRoute.messages.path, page,
                Forms.hidden("audience", plan.audience.rawValue), Forms.hidden("audience_id", plan.audienceID.uuidString),
                Forms.hidden("body", plan.body), Forms.hidden("confirm", "on"),
                Forms.submit(t("sms.send", String(plan.recipients.count)))))
    }

    func render(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let counts = rows.reduce(into: [SMSState: Int]()) { $0[$1.copy.state, default: 0] += 1 }
        return .group(
            .nav(.class("subnav"), .a(.href(WorkerNetworkRoute.messages.path), .text(t("sms.title"))), .text(" · "),
                 .a(.href(back), .text(t("sms.audience.\(message.audience.rawValue)")))),
            .section(.class("card"),
                .p(.class("sms-text"), .text(text)),
                .p(.text(ShanghaiTime.dateTime(message.createdAt, in: t.language) + " · "
                         + t("sms.segments", String(text.count), String(message.segments)))),
                .p(.attribute(named: "role", value: "status"), .text(Self.summary(counts, t)))),
            .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.full_name"))), .th(.text(t("field.phone"))), .th(.text(t("sms.state"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.attribute(named: "data-label", value: t("field.full_name")), .text(row.name)),
                        .td(.attribute(named: "data-label", value: t("field.phone")), .text(row.phone)),
                        .td(.attribute(named: "data-label", value: t("sms.state")),
                            .text(t("sms.state.\(row.copy.state.rawValue)") + (row.copy.reason.map { " · " + t($0) } ?? ""))))
                })))
    }
}
