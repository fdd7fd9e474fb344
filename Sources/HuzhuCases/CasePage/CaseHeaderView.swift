import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The top of a case's page: where it stands, its next step, the deadlines that run next, the money
/// (claimed, confirmed, paid, still owed), and a menu to each section below — links to anchors, so it
/// works without JavaScript and on a phone.
enum CaseHeaderView {
    /// The page's sections, in page order: anchor and catalogue key.
    static let sections: [(anchor: String, key: String)] = [
        ("workers", "case.section_workers"), ("ledger", "ledger.title"), ("deadlines", "deadlines.title"),
        ("mediation", "mediation.title"), ("respondents", "case.respondents"), ("assignees", "case.assignees"),
        ("files", "case.files"), ("timeline", "case.timeline"),
    ]

    static func render(_ model: CasePageModel, _ t: Localizer) -> Node<HTML.BodyContext> {
        let found = model.case
        let total = model.ledger.total
        let next = model.mediation.deadlines.filter { $0.state == .open }.compactMap { deadline in deadline.date.map { (deadline, $0) } }
            .sorted { $0.1 < $1.1 }.prefix(2)
        let status = t("status.\(found.status.rawValue)") + (found.closingCode.map { " · \(t("closing.\($0.rawValue)"))" } ?? "")
        return .group(
            .section(.class("card case-header"), .id("header"),
                .div(.class("facts"),
                    .p(.span(.class("status"), .text(status)),
                       .text(" · \(t("field.next_action_on")): "),
                       .strong(.text(found.nextActionOn?.description ?? "—"))),
                    .if(!next.isEmpty, .ul(.class("deadlines-next"), .forEach(Array(next)) { deadline, date in
                        .li(.span(.class(date < model.today ? "status overdue" : "status due"), .text(date.description)),
                            .text(" \(t("law_item.\(deadline.line.item)"))"))
                    }))),
                .dl(.class("money"),
                    t.detail("ledger.claimed", total.claimed.formatted),
                    t.detail("ledger.agreed", total.agreed.formatted),
                    t.detail("ledger.paid", total.paid.formatted),
                    t.detail("ledger.outstanding", CasePeopleView.outstanding(total, t)))),
            .nav(.class("case-sections"), .attribute(named: "aria-label", value: t("case.sections")),
                 .ul(.forEach(sections) { section in .li(.a(.href("#\(section.anchor)"), .text(t(section.key)))) })))
    }
}
