import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// A periodic report to a partner enterprise for a whole month or quarter: counts by category and site
/// with their totals, and by severity, all from one table under one rule (see `KAnonymousReport`); the
/// totals of the partnership's earlier reports as they were issued; response times, resolution and
/// satisfaction rates (only where they single no one out); the approved summaries; and the NGO's
/// recommendations. Nothing in it comes from a worker's own words.
struct ReportBuilder {
    let db: any Database
    let partnership: Partnership

    static let categories = FeedbackCategory.allCases.map(\.rawValue), severities = FeedbackSeverity.allCases.map(\.rawValue)

    func items(in period: ReportPeriod) async throws -> [Feedback] {
        let start = ShanghaiTime.instant(localMinute: "\(period.start)T00:00")!, end = ShanghaiTime.instant(localMinute: "\(period.end)T00:00")!
        return try await Feedback.query(on: db).filter(\.$partnershipID == partnership.requireID())
            .filter(\.$createdAt >= start).filter(\.$createdAt < end).all()
    }

    func table(_ items: [Feedback]) -> KAnonymousReport {
        KAnonymousReport(items.map { .init(category: $0.category.rawValue, site: $0.site, severity: $0.severity.rawValue) },
                         k: partnership.k, categories: Self.categories, sites: partnership.sites, severities: Self.severities)
    }

    /// The report for a period, and the total it shows; `earlier` are the partnership's reports in force
    /// (the latest revision of each period), whose totals as issued make the trend.
    func render(_ period: ReportPeriod, earlier: [EnterpriseReport], recommendations: String, issuedAt: Date,
                _ t: Localizer) async throws -> (html: Node<HTML.BodyContext>, total: Int?) {
        let k = partnership.k
        let items = try await items(in: period)
        let table = table(items)
        let hidden = t("report.hidden", String(k))
        let trend = ReportPeriod.trend(earlier: earlier.compactMap { report in report.period.map { ($0, report.shownTotal) } },
                                       this: (period, table.total))
        let responded = items.compactMap { item in item.respondedAt.flatMap { at in item.forwardedAt.map { at.timeIntervalSince($0) } } }.sorted()
        let closed = items.filter { $0.status == .closed || $0.status == .verified }.count
        let verdicts = items.compactMap(\.verdict)
        func rate(_ part: Int, _ whole: Int) -> String {
            KAnonymousReport.rate(part, of: whole, k: k).map { "\($0)%" } ?? t("report.too_few", String(k))
        }
        let summaries = table.total.map { $0 >= k } == true ? items.compactMap(\.summary) : []
        func category(_ name: String) -> String {
            name == KAnonymousReport.otherCategories ? t("report.other_categories") : t("feedback_category.\(name)")
        }
        func site(_ name: String) -> String { name == KAnonymousReport.otherSites ? t("report.other_sites") : name }
        func severity(_ name: String) -> String {
            name == KAnonymousReport.otherSeverities ? t("report.other_severities") : t("feedback_severity.\(name)")
        }
        let merged = [table.mergedCategories.isEmpty ? nil : t("report.merged_categories", table.mergedCategories.map(category).joined(separator: "、")),
                      table.mergedSites.isEmpty ? nil : t("report.merged_sites", table.mergedSites.joined(separator: "、")),
                      table.mergedSeverities.isEmpty ? nil : t("report.merged_severities", table.mergedSeverities.map(severity).joined(separator: "、"))]
            .compactMap { $0 }
        let html: Node<HTML.BodyContext> = .article(.class("document enterprise-report"),
            .h1(.text(t("report.enterprise_title", partnership.name))),
            .p(.text(t("report.period", period.start.description, period.last.description, t.date(issuedAt)))),
            .p(.strong(.text(t("report.total", table.total.map(String.init) ?? hidden)))),
            .if(table.total.map { $0 > 0 } == true, .group(
                .h2(.text(t("report.by_category"))),
                .table(.class("k-table"),
                    .thead(.tr(.th(), .forEach(table.sites) { .th(.text(site($0))) }, .th(.text(t("report.row_total"))))),
                    .tbody(.forEach(Array(table.categories.enumerated())) { r, name in
                        .tr(.th(.text(category(name))), .forEach(table.cells[r]) { .td(.text(String($0))) }, .td(.text(String(table.rowTotals[r]))))
                    }),
                    .tfoot(.tr(.th(.text(t("report.column_total"))), .forEach(table.columnTotals) { .td(.text(String($0))) },
                               .td(.text(table.total.map(String.init) ?? ""))))),
                .forEach(merged) { .p(.class("hint"), .text($0)) },
                .h2(.text(t("report.by_severity"))),
                .ul(.forEach(Array(zip(table.severities, table.severityCounts))) { name, count in
                    .li(.text("\(severity(name))：\(count)"))
                }))),
            .h2(.text(t("report.trend"))),
            .ul(.forEach(trend) { period, total in .li(.text("\(period)：\(total.map(String.init) ?? hidden)")) }),
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
        return (html, table.total)
    }
}

/// The reports section of a partnership's page: those issued (a replaced one marked so), and issuing
/// one for a month or quarter that has ended; choosing a period already reported issues a revision,
/// which needs a reason.
enum ReportsView {
    static func section(_ partnership: Partnership, reports: [EnterpriseReport], manage: Bool, today: CalendarDate,
                        _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let replaced = Set(reports.compactMap(\.replacesID))
        return .section(.class("card"), .id("reports"), .h2(.text(t("report.reports"))),
            .ul(.forEach(reports) { report in
                .li(.a(.href(EnterpriseRoute.report(.of(report.id!)).path),
                       .text("\(report.periodLabel) · \(t.date(report.issuedAt))")),
                    .if(replaced.contains(report.id!), .text(" · \(t("report.replaced"))")))
            }),
            .if(manage, Forms.post(EnterpriseRoute.partnerReports(.of(partnership.id!)).path, page,
                Forms.select("period", options: ReportPeriod.ended(by: today).map { ($0.description, $0.description) }, selected: nil,
                             errors: ValidationErrors(), t),
                Forms.text("revision_reason", value: nil, errors: ValidationErrors(), t, required: false, hint: t("report.revision_hint")),
                Forms.textarea("recommendations", value: nil, errors: ValidationErrors(), t, rows: 3),
                Forms.submit(t("report.issue")))))
    }
}
