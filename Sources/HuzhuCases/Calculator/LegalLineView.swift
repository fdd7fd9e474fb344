import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// Results of the labour-law rules as the reader sees them: each line's value, its working with the
/// numbers filled in, its statute, and what the law treats specially about it.
enum LegalLineView {
    /// `today`, for deadlines: a date already past is marked expired.
    static func table(_ lines: [LegalLine], _ t: Localizer, id: String, today: CalendarDate? = nil) -> Node<HTML.BodyContext> {
        .table(.class("stack legal"), .id(id),
            .thead(.tr(.th(.text(t("calculator.item"))), .th(.text(t("calculator.value"))), .th(.text(t("calculator.working"))),
                       .th(.text(t("calculator.statute"))))),
            .tbody(.forEach(lines) { line in
                .tr(.data(named: "item", value: line.item),
                    .td(.attribute(named: "data-label", value: t("calculator.item")), .strong(.text(t("law_item.\(line.item)")))),
                    .td(.attribute(named: "data-label", value: t("calculator.value")), .class("value"), .text(value(line, t)),
                        .if(expired(line, today: today),
                            .span(.class("status overdue"), .text(" · \(t("calculator.expired"))")))),
                    .td(.attribute(named: "data-label", value: t("calculator.working")),
                        .text(working(line, t)),
                        .forEach(line.notes) { note in .p(.class("hint law-note"), .text(t("law_note.\(note.rawValue)"))) }),
                    .td(.attribute(named: "data-label", value: t("calculator.statute")), .text(statute(line, t))))
            }))
    }

    /// Whether a line's date has passed by `today`.
    static func expired(_ line: LegalLine, today: CalendarDate?) -> Bool {
        guard let date = line.date, let today else { return false }
        return date < today
    }

    static func value(_ line: LegalLine, _ t: Localizer) -> String {
        switch line.value {
        case .money(let money): money.formatted
        case .range(let low, let high): "\(low.formatted) – \(high.formatted)"
        case .date(let date): date.description
        case .open: t("calculator.no_limit")
        case .unavailable: t("calculator.unavailable")
        }
    }

    static func working(_ line: LegalLine, _ t: Localizer) -> String {
        t.catalogue.text("formula.\(line.formula)", t.language, line.arguments)
    }

    static func statute(_ line: LegalLine, _ t: Localizer) -> String {
        line.citations.map { citation in
            t("law.\(citation.law.rawValue)") + t("law.articles", citation.articles.joined(separator: t("law.article_separator")))
        }.joined(separator: t("law.citation_separator"))
    }

    /// The working of a line in one line of text, as a claim keeps it.
    static func text(_ line: LegalLine, _ t: Localizer) -> String {
        "\(t("law_item.\(line.item)")) \(value(line, t)): \(working(line, t)) [\(statute(line, t))]"
    }
}
