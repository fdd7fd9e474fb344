import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// `GET /volunteers/firms`: the firms whose lawyers served in a year with their approved hours, and each
/// firm's report (its lawyers month by month), printable and as CSV. Audited: it names lawyers.
enum FirmReportController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(VolunteersRoute.firms, use: page)
        routes.get(VolunteersRoute.firmsCSV, use: csv)
    }

    /// The year and firm asked for: this year and every firm unless the query says otherwise.
    struct Asked {
        let year: Int
        let firm: String?

        init(_ request: Request) {
            let year = request.query[Int.self, at: "year"] ?? request.today.year
            self.year = (2000...request.today.year).contains(year) ? year : request.today.year
            firm = (request.query[String.self, at: "firm"]).map(FirmHours.name(of:)).flatMap { $0.isEmpty ? nil : $0 }
        }

        func link(_ path: String, firm: String? = nil) -> String {
            queryLink(path, [("year", String(year))] + [(firm ?? self.firm).map { ("firm", $0) }].compactMap { $0 })
        }
    }

    static func load(_ request: Request, _ asked: Asked) async throws -> [FirmHours] {
        let work = try request.workContext()
        try work.keepsVolunteers()
        let firms = try await FirmHours.year(asked.year, in: try request.visibility(.manageVolunteers), db: request.db,
                                             cipher: request.application.fieldCipher).filter { asked.firm == nil || $0.firm == asked.firm }
        try await work.write { work in
            try await work.audit(.reportFirms, recordType: "firms", recordID: nil, ngoID: work.actor.ngoID,
                                 detail: .count(firms.reduce(0) { $0 + $1.lawyers.count }, "lawyers"))
        }
        return firms
    }

    static func page(_ request: Request) async throws -> Response {
        let asked = Asked(request)
        let firms = try await load(request, asked)
        let t = request.t
        return request.page(t("firms.title"), .group(
            .form(.method(.get), .action(VolunteersRoute.firms.path), .class("filters"),
                  Forms.select("year", options: (max(2000, request.today.year - 5)...request.today.year).reversed().map { (String($0), String($0)) },
                               selected: String(asked.year), errors: ValidationErrors(), t),
                  .unwrap(asked.firm) { Forms.hidden("firm", $0) },
                  Forms.submit(t("list.filter"))),
            .p(.class("no-print"), .a(.href(asked.link(VolunteersRoute.firmsCSV.path)), .text(t("firms.csv"))),
               .if(asked.firm != nil, .group(.text(" · "), .a(.href(queryLink(VolunteersRoute.firms.path, [("year", String(asked.year))])), .text(t("firms.all")))))),
            .if(firms.isEmpty, .p(.class("empty"), .text(t("firms.none", String(asked.year))))),
            asked.firm == nil ? summary(firms, asked, t) : .forEach(firms) { report($0, asked, today: request.today, t) }))
    }

    private static func summary(_ firms: [FirmHours], _ asked: Asked, _ t: Localizer) -> Node<HTML.BodyContext> {
        .if(!firms.isEmpty, .table(.class("stack"),
            .thead(.tr(.th(.text(t("field.firm"))), .th(.text(t("firms.lawyers"))), .th(.text(t("firms.hours"))))),
            .tbody(.forEach(firms) { firm in
                .tr(.td(.attribute(named: "data-label", value: t("field.firm")),
                        .a(.href(asked.link(VolunteersRoute.firms.path, firm: firm.firm)), .text(firm.firm))),
                    .td(.attribute(named: "data-label", value: t("firms.lawyers")), .text(String(firm.lawyers.count))),
                    .td(.attribute(named: "data-label", value: t("firms.hours")), .text(Hours.text(firm.total))))
            })))
    }

    /// One firm's report: each lawyer's hours month by month, the total, the day it was issued.
    private static func report(_ firm: FirmHours, _ asked: Asked, today: CalendarDate, _ t: Localizer) -> Node<HTML.BodyContext> {
        let months = (1...12).map { t("firms.month", String($0)) }
        func cells(_ minutes: [Int], total: Int) -> Node<HTML.TableRowContext> {
            .group(.forEach(Array(zip(months, minutes))) { month, minutes in
                       .td(.attribute(named: "data-label", value: month), .text(minutes == 0 ? "" : Hours.text(minutes)))
                   },
                   .td(.attribute(named: "data-label", value: t("firms.hours")), .strong(.text(Hours.text(total)))))
        }
        let monthly = (0..<12).map { month in firm.lawyers.reduce(0) { $0 + $1.months[month] } }
        return .article(.class("document"),
            .h2(.text(t("firms.report_heading", firm.firm, String(asked.year)))),
            .p(.text(t("firms.report_text", firm.firm, String(asked.year)))),
            .table(.class("stack firm-hours"),
                .thead(.tr(.th(.text(t("field.name"))), .th(.text(t("field.certificate"))), .forEach(months) { .th(.text($0)) },
                           .th(.text(t("firms.hours"))))),
                .tbody(.forEach(firm.lawyers) { lawyer in
                    .tr(.td(.attribute(named: "data-label", value: t("field.name")), .text(lawyer.name)),
                        .td(.attribute(named: "data-label", value: t("field.certificate")), .text(lawyer.certificate)),
                        cells(lawyer.months, total: lawyer.total))
                }),
                .tfoot(.tr(.th(.attribute(named: "colspan", value: "2"), .text(t("firms.total"))), cells(monthly, total: firm.total)))),
            .p(.text(t("firms.issued", today.description))),
            .p(.class("signature"), .text(t("certificate.seal"))))
    }

    static func csv(_ request: Request) async throws -> Response {
        let asked = Asked(request)
        let firms = try await load(request, asked)
        let t = request.t
        var lines = [CSV.line([t("field.firm"), t("field.name"), t("field.certificate")] + (1...12).map { t("firms.month", String($0)) }
                              + [t("firms.hours")])]
        for firm in firms {
            for lawyer in firm.lawyers {
                lines.append(CSV.line([firm.firm, lawyer.name, lawyer.certificate] + lawyer.months.map(Hours.text) + [Hours.text(lawyer.total)]))
            }
        }
        return .csv(lines, filename: "pro-bono-hours-\(asked.year).csv")
    }
}
