import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The audit log with its filters.
enum AuditLogView {
    static func render(_ page: AuditLogPage, filter: AuditLogFilter, actions: [AuditAction],
                       _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.t
        let none = ValidationErrors()
        return .group(
            .form(.class("filters"), .method(.get), .action(OrgRoute.auditLog.path),
                Forms.select("action", options: actions.map { ($0.name, t("audit.action.\($0.name)")) },
                             selected: filter.action, errors: none, t, required: false),
                Forms.text("login", value: filter.login, errors: none, t, required: false),
                Forms.text("record", value: filter.record, errors: none, t, required: false),
                .div(.class("actions"), .button(.type(.submit), .text(t("list.filter"))))),
            .if(page.events.isEmpty, .p(.class("empty"), .text(t("audit.empty")))),
            .if(!page.events.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("audit.when"))), .th(.text(t("audit.who"))), .th(.text(t("field.action"))),
                           .th(.text(t("audit.what"))), .th(.text(t("audit.from"))))),
                .tbody(.forEach(page.events) { event in
                    .tr(.td(.attribute(named: "data-label", value: t("audit.when")), .text(t.dateTime(event.occurredAt))),
                        .td(.attribute(named: "data-label", value: t("audit.who")), .text(event.actorLogin)),
                        .td(.attribute(named: "data-label", value: t("field.action")), .text(t("audit.action.\(event.action)"))),
                        .td(.attribute(named: "data-label", value: t("audit.what")),
                            .text([event.recordType, event.recordID?.uuidString.lowercased(), event.detail]
                                .compactMap { $0 }.joined(separator: " · "))),
                        .td(.attribute(named: "data-label", value: t("audit.from")), .text(event.address)))
                }))),
            .unwrap(page.nextCursor) { cursor in
                .p(.a(.class("button"), .href(queryLink(OrgRoute.auditLog.path, [("action", filter.action), ("login", filter.login),
                                                          ("record", filter.record), ("before", cursor)]).attributeEscaped), .text(t("list.next"))))
            }
        )
    }
}
