import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The case lists: tabs for mine, the office's and overdue cases, the filters, and a page of cases.
enum CaseListView {
    struct Choices {
        let assignees: [(value: String, label: String)]
        let mayOpen: Bool
        let lawyer: Bool
        let today: CalendarDate
    }

    static func render(_ page: CaseListQuery.Page, filter: CaseFilter, choices: Choices, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.t
        let none = ValidationErrors()
        let views = choices.lawyer ? ["mine"] : ["mine", "office", "overdue"]
        return .group(
            .if(choices.mayOpen, .p(.class("tools"), .a(.class("button"), .href(CasesRoute.newCase.path), .text(t("cases.new"))))),
            .p(.class("tools"), .forEach(views) { view in
                .group(.a(.href(queryLink(CasesRoute.cases.path, [("view", view == "office" ? nil : view)]).attributeEscaped),
                          .if((filter.view ?? "office") == view, .attribute(named: "aria-current", value: "page")),
                          .text(t("cases.view_\(view)"))), .text(" "))
            }),
            .form(.class("filters"), .method(.get), .action(CasesRoute.cases.path),
                Forms.hidden("view", filter.view ?? ""),
                Forms.text("q", value: filter.q, errors: none, t, required: false, hint: t("cases.q_hint")),
                Forms.select("status", options: CaseStatus.allCases.map { ($0.rawValue, t("status.\($0.rawValue)")) },
                             selected: filter.status, errors: none, t, required: false),
                Forms.select("type", options: DisputeType.allCases.map { ($0.rawValue, t("dispute.\($0.rawValue)")) },
                             selected: filter.type, errors: none, t, required: false),
                .if(!choices.lawyer, Forms.select("assignee", options: choices.assignees, selected: filter.assignee,
                                                  errors: none, t, required: false)),
                Forms.text("from", value: filter.from, errors: none, t, type: .date, required: false),
                Forms.text("to", value: filter.to, errors: none, t, type: .date, required: false),
                .unwrap(filter.employer) { Forms.hidden("employer", $0) },
                .div(.class("actions"), .button(.type(.submit), .text(t("list.filter"))))),
            .if(page.rows.isEmpty, .p(.class("empty"), .text(t("cases.empty")))),
            .if(!page.rows.isEmpty, .table(.class("stack cases"),
                .thead(.tr(.th(.text(t("field.case_number"))), .th(.text(t("field.title"))), .th(.text(t("field.status"))),
                           .th(.text(t("cases.workers"))), .th(.text(t("field.next_action_on"))), .th(.text(t("cases.updated"))))),
                .tbody(.forEach(page.rows) { row in
                    let number = Node<HTML.TableRowContext>.td(.attribute(named: "data-label", value: t("field.case_number")),
                                                            .a(.href(CasesRoute.casePage(.of(row.id)).path), .text(row.number)))
                    if let respondents = row.pendingRespondents {
                        return .tr(number,
                                   .td(.attribute(named: "data-label", value: t("field.title")),
                                       .text(t("cases.pending_conflict_check", respondents.joined(separator: "、")))),
                                   .td(), .td(), .td(), .td())
                    }
                    let overdue = row.status != .closed && (row.nextActionOn.map { $0 < choices.today } ?? false)
                    return .tr(
                        number,
                        .td(.attribute(named: "data-label", value: t("field.title")), .text(row.title ?? "")),
                        .td(.attribute(named: "data-label", value: t("field.status")),
                            .span(.class(row.closingPending ? "status due" : "status"),
                                  .text(t("status.\(row.status.rawValue)")))),
                        .td(.attribute(named: "data-label", value: t("cases.workers")), .text(String(row.workers))),
                        .td(.attribute(named: "data-label", value: t("field.next_action_on")),
                            .span(.class(overdue ? "status overdue" : ""), .text(row.nextActionOn?.description ?? "—"))),
                        .td(.attribute(named: "data-label", value: t("cases.updated")), .text(t.date(row.updatedAt))))
                }))),
            .unwrap(page.next) { next in
                .p(.a(.class("button"), .href(queryLink(CasesRoute.cases.path, filter.items + [("after", next)]).attributeEscaped),
                      .text(t("list.next"))))
            })
    }
}
