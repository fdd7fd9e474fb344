import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// Contacts as a table (history, lists) and as a page of their own.
enum ContactViews {
    static func table<C: HTML.BodyContext>(_ lines: [ContactLine], _ t: Localizer) -> Node<C> {
        .table(.class("stack"),
            .thead(.tr(.th(.text(t("contact.number"))), .th(.text(t("contact.when"))), .th(.text(t("field.channel"))),
                       .th(.text(t("field.office"))), .th(.text(t("field.topics"))), .th(.text(t("field.outcome"))),
                       .th(.text(t("field.summary"))))),
            .tbody(.forEach(lines) { line in
                .tr(.td(.attribute(named: "data-label", value: t("contact.number")),
                        line.summary == nil ? .text(line.number) : .a(.href(IntakeRoute.contact(.of(line.id)).path), .text(line.number))),
                    .td(.attribute(named: "data-label", value: t("contact.when")), .text(t.dateTime(line.startedAt))),
                    .td(.attribute(named: "data-label", value: t("field.channel")), .text(t("channel.\(line.channel.rawValue)"))),
                    .td(.attribute(named: "data-label", value: t("field.office")), .text("\(line.officeName) · \(line.operatorName)")),
                    .td(.attribute(named: "data-label", value: t("field.topics")), .text(line.topics.joined(separator: "、"))),
                    .td(.attribute(named: "data-label", value: t("field.outcome")), .text(t("outcome.\(line.outcome.rawValue)"))),
                    .td(.attribute(named: "data-label", value: t("field.summary")),
                        .text(line.summary.map { String($0.prefix(140)) } ?? t("contact.summary_hidden"))))
            }))
    }

    /// A compact list for narrow places (the lookup pane, the screen-pop).
    static func list<C: HTML.BodyContext>(_ lines: [ContactLine], _ t: Localizer) -> Node<C> {
        .ol(.class("history"), .forEach(lines) { line in
            .li(.p(.strong(line.summary == nil ? .text(line.number)
                                               : .a(.href(IntakeRoute.contact(.of(line.id)).path), .text(line.number))),
                   .text(" · \(t.dateTime(line.startedAt)) · \(t("channel.\(line.channel.rawValue)")) · \(line.officeName) \(line.operatorName)")),
                .p(.text("\(line.topics.joined(separator: "、")) → \(t("outcome.\(line.outcome.rawValue)"))")),
                .unwrap(line.summary) { .p(.class("summary"), .text(String($0.prefix(280)))) })
        })
    }
}
