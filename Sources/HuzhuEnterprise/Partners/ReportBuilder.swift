import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// A periodic report to a partner enterprise: counts by category and site and by severity (every
/// group under k hidden, see `KAnonymousReport`), six months of totals under the same rule, response
/// times, resolution and satisfaction rates (only over at least k items), the approved summaries, and
/// the NGO's recommendations. Nothing in it comes from a worker's own words.
struct ReportBuilder {
    let db: any Database
    let partnership: Partnership

    func items(from: CalendarDate, to: CalendarDate) async throws -> [Feedback] {
        let start = ShanghaiTime.instant(localMinute: "\(from)T00:00")!, end = ShanghaiTime.instant(localMinute: "\(to)T00:00")!
        return try await Feedback.query(on: db).filter(\.$partnershipID == partnership.requireID())
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).all()
    }

    static func anonymised(_ items: [Feedback]) -> [KAnonymousReport.Item] {
        items.map { .init(category: $0.category.rawValue, site: $0.site ?? KAnonymousReport.otherSites, severity: $0.severity.rawValue) }
    }

    func render(from: CalendarDate, to: CalendarDate, recommendations: String, issuedAt: Date, _ t: Localizer) async throws -> Node<HTML.BodyContext> {
        let k = partnership.k
        let items = try await items(from: from, to: to)
        let table = KAnonymousReport(Self.anonymised(items), k: k)
        var trend: [(String, Int?)] = []
        for back in (0..<6).reversed() {
            let start = CalendarDate(year: from.year, month: from.month, day: 1)!.adding(months: -back)
            trend.append((String(start.description.prefix(7)),
                          KAnonymousReport.shownTotal(Self.anonymised(try await self.items(from: start, to: start.adding(months: 1))), k: k)))
        }
        let responded = items.compactMap { item in item.respondedAt.flatMap { at in item.forwardedAt.map { at.timeIntervalSince($0) } } }.sorted()
        let closed = items.filter { $0.status == .closed || $0.status == .verified }.count
        let verdicts = items.compactMap(\.verdict)
        func rate(_ part: Int, _ whole: Int) -> String { whole >= k ? "\(part * 100 / whole)%" : t("report.too_few", String(k)) }
        let summaries = items.compactMap(\.summary).filter { _ in items.count >= k }
        let hidden = t("report.hidden", String(k))
        return .article(.class("document enterprise-report"),
            .h1(.text(t("report.enterprise_title", partnership.name))),
            .p(.text(t("report.period", from.description, to.adding(days: -1).description, t.date(issuedAt)))),
            .h2(.text(t("report.by_category"))),
            .table(.class("k-table"),
                .thead(.tr(.th(), .forEach(partnership.sites + [KAnonymousReport.otherSites]) { site in
                    .th(.text(site == KAnonymousReport.otherSites ? t("report.other_sites") : site))
                })),
                .tbody(.forEach(FeedbackCategory.allCases.filter { table.cells[$0.rawValue] != nil }) { category in
                    .tr(.th(.text(t("feedback_category.\(category.rawValue)"))),
                        .forEach(partnership.sites + [KAnonymousReport.otherSites]) { site in
                            .td(.text(table.cells[category.rawValue]?[site].map(String.init) ?? "—"))
                        })
                })),
            .p(.text(t("report.remainder", table.remainder.map(String.init) ?? hidden))),
            .p(.strong(.text(t("report.total", table.total.map(String.init) ?? hidden)))),
            .h2(.text(t("report.by_severity"))),
            .ul(.forEach(FeedbackSeverity.allCases) { severity in
                .li(.text("\(t("feedback_severity.\(severity.rawValue)"))：\(table.severities[severity.rawValue].map(String.init) ?? "—")"))
            }),
            .h2(.text(t("report.trend"))),
            .ul(.forEach(trend) { month, total in .li(.text("\(month)：\(total.map(String.init) ?? hidden)")) }),
            .h2(.text(t("report.follow_through"))),
            .ul(.li(.text(t("report.response_time", responded.count >= k
                                ? String(Int(responded[responded.count / 2] / 3600)) : t("report.too_few", String(k))))),
                .li(.text(t("report.resolution", rate(closed, items.count)))),
                .li(.text(t("report.satisfaction", rate(verdicts.filter { $0 == .satisfied }.count, verdicts.count))))),
            .h2(.text(t("report.themes"))),
            .if(summaries.isEmpty, .p(.text("—"))),
            .ul(.forEach(summaries) { .li(.text($0)) }),
            .h2(.text(t("report.recommendations"))),
            .p(.class("prose"), .text(recommendations)))
    }
}

/// The reports section of a partnership's page: issue one for a period, and those issued.
enum ReportsView {
    static func section(_ partnership: Partnership, reports: [EnterpriseReport], manage: Bool, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(.class("card"), .id("reports"), .h2(.text(t("report.reports"))),
            .ul(.forEach(reports) { report in
                .li(.a(.href(EnterpriseRoute.report(.of(report.id!)).path),
                       .text("\(report.periodFrom) – \(report.periodTo) · \(t.date(report.issuedAt))")))
            }),
            .if(manage, Forms.post(EnterpriseRoute.partnerReports(.of(partnership.id!)).path, page,
                Forms.text("period_from", value: nil, errors: ValidationErrors(), t, type: .date),
                Forms.text("period_last", value: nil, errors: ValidationErrors(), t, type: .date),
                Forms.textarea("recommendations", value: nil, errors: ValidationErrors(), t, rows: 3),
                Forms.submit(t("report.issue")))))
    }
}
