import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot

/// The contacts list with its filters above it.
enum ContactFilterView {
    struct Choices {
        let offices: [(value: String, label: String)]
        let topics: [(value: String, label: String)]
        /// The people whose contacts may be filtered on; empty for those who see only their own.
        let operators: [(value: String, label: String)]

        /// The choices among the records the person may see (`visible`).
        static func load(_ visible: Visibility, ownOnly: Bool, on db: any Database, language: HuzhuCore.Language) async throws -> Choices {
            var offices: [(value: String, label: String)] = []
            if visible.officeID == nil {
                offices = try await Office.query(on: db).visible(visible).sort(\.$code).all()
                    .map { ($0.id!.uuidString, "\($0.code) \($0.name)") }
            }
            let topics = try await Topic.query(on: db).sort(\.$position).all()
                .map { ($0.id!.uuidString, $0.name(in: language)) }
            var operators: [(value: String, label: String)] = []
            if !ownOnly {
                operators = try await User.query(on: db).visible(visible).sort(\.$displayName).all().filter { $0.officeID != nil }.map { ($0.id!.uuidString, $0.displayName) }
            }
            return Choices(offices: offices, topics: topics, operators: operators)
        }
    }

    static func render(_ page: ContactList.Page, filter: ContactFilter, choices: Choices,
                       _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.t
        let none = ValidationErrors()
        return .group(
            .form(.class("filters"), .method(.get), .action(IntakeRoute.contacts.path),
                .if(!choices.offices.isEmpty, Forms.select("office", options: choices.offices, selected: filter.office,
                                                           errors: none, t, required: false)),
                Forms.select("channel", options: Contact.Channel.allCases.map { ($0.rawValue, t("channel.\($0.rawValue)")) },
                             selected: filter.channel, errors: none, t, required: false),
                Forms.select("outcome", options: Contact.Outcome.allCases.map { ($0.rawValue, t("outcome.\($0.rawValue)")) },
                             selected: filter.outcome, errors: none, t, required: false),
                Forms.select("topic", options: choices.topics, selected: filter.topic, errors: none, t, required: false),
                .if(!choices.operators.isEmpty, Forms.select("operator", options: choices.operators, selected: filter.operator,
                                                             errors: none, t, required: false)),
                Forms.text("from", value: filter.from, errors: none, t, type: .date, required: false),
                Forms.text("to", value: filter.to, errors: none, t, type: .date, required: false),
                Forms.text("q", value: filter.q, errors: none, t, required: false, hint: t("contacts.q_hint")),
                .div(.class("actions"), .button(.type(.submit), .text(t("list.filter"))))),
            .p(.class("toolbar"), .text(t("list.count", String(page.lines.count)))),
            .if(page.lines.isEmpty, .p(.class("empty"), .text(t("contacts.empty")))),
            .if(!page.lines.isEmpty, ContactViews.table(page.lines, t)),
            .unwrap(page.next) { next in
                .p(.a(.class("button"), .href(queryLink(IntakeRoute.contacts.path, [
                    ("office", filter.office), ("channel", filter.channel), ("outcome", filter.outcome), ("topic", filter.topic), ("from", filter.from),
                    ("to", filter.to), ("operator", filter.operator), ("q", filter.q), ("after", next),
                ]).attributeEscaped), .text(t("list.next"))))
            })
    }
}
