import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The public pages (no sign-in): the network's, each NGO's and each office's published figures for a
/// period, with their publication date, digest and revisions, the network's trend, and one snapshot in
/// full. Only published snapshots are shown, and they hold counts and sums, never a record.
enum TransparencyController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IndicatorsRoute.transparency, use: overview)
        routes.get(IndicatorsRoute.snapshot(.parameter), use: snapshot)
    }

    struct Names {
        let ngos: [UUID: String]
        let offices: [UUID: String]

        static func load(on db: any Database) async throws -> Names {
            Names(ngos: Dictionary(uniqueKeysWithValues: try await NGO.query(on: db).all().map { ($0.id!, $0.name) }),
                  offices: Dictionary(uniqueKeysWithValues: try await Office.query(on: db).all().map { ($0.id!, $0.name) }))
        }

        func of(_ snapshot: IndicatorSnapshot, _ t: Localizer) -> String {
            switch snapshot.scope {
            case .network: t("transparency.network")
            case .ngo(let ngo): ngos[ngo] ?? "—"
            case .office(let ngo, let office): "\(ngos[ngo] ?? "—") · \(offices[office] ?? "—")"
            }
        }

        /// Who published a snapshot, as the public sees it: the NGO (the network for the network's figures),
        /// never the member of staff who pressed the button.
        func publisher(of snapshot: IndicatorSnapshot, _ t: Localizer) -> String {
            snapshot.ngoID.flatMap { ngos[$0] } ?? t("transparency.network")
        }
    }

    /// The latest revision of each scope and period.
    static func current(_ all: [IndicatorSnapshot]) -> [IndicatorSnapshot] {
        let replaced = Set(all.compactMap(\.replacesID))
        return all.filter { !replaced.contains($0.id!) }
    }

    static func overview(_ request: Request) async throws -> Response {
        let all = try await IndicatorSnapshot.query(on: request.db).sort(\.$periodFrom, .descending).sort(\.$publishedAt).all()
        let periods = Array(Set(all.compactMap(\.period))).sorted { ($0.from, $0.to) > ($1.from, $1.to) }
        let chosen = request.query[String.self, at: "period"].flatMap { label in periods.first { $0.label == label } } ?? periods.first
        let names = try await Names.load(on: request.db)
        let t = request.t
        let order = ["network": 0, "ngo": 1, "office": 2]
        let shown = current(all).filter { $0.period == chosen }
            .sorted { (order[$0.scopeKind] ?? 3, names.of($0, t)) < (order[$1.scopeKind] ?? 3, names.of($1, t)) }
        let trend = current(all).filter { $0.scopeKind == "network" && $0.periodKind == .month }
            .sorted { $0.periodFrom < $1.periodFrom }.suffix(12)
        return request.page(t("transparency.title"), .group(
            .p(.text(t("transparency.explain", String(names.ngos.count)))),
            .if(periods.isEmpty, .p(.class("empty"), .text(t("transparency.nothing")))),
            .nav(.class("tools"), .forEach(periods) { period in
                .group(.a(.href(queryLink(IndicatorsRoute.transparency.path, [("period", period.label)])),
                          .if(period == chosen, .attribute(named: "aria-current", value: "page")), .text(period.label)), .text(" "))
            }),
            .if(!trend.isEmpty, .section(.class("card"), .h2(.text(t("transparency.trend"))),
                .forEach([Indicator.hotlineCalls, .visits, .workersRecoveringWages, .amountRecoveredFen]) { indicator in
                    .div(.class("trend"), .h3(.text(t("figure.\(indicator.rawValue)"))),
                         BarChart.render(trend.map { (String(format: "%02d", $0.periodFrom.month), $0.figures[indicator]) },
                                         caption: t("figure.\(indicator.rawValue)"), money: indicator.isMoney))
                })),
            .if(chosen != nil, .group(
                .p(.a(.href(queryLink(IndicatorsRoute.report.path, [("period", chosen?.label)])), .text(t("transparency.report")))),
                .forEach(shown) { snapshot in card(snapshot, names: names, t) })),
            .p(.a(.href(IndicatorsRoute.feed.path), .text(t("transparency.feed"))))))
    }

    static func card(_ snapshot: IndicatorSnapshot, names: Names, _ t: Localizer) -> Node<HTML.BodyContext> {
        .section(.class("card snapshot"), .data(named: "scope", value: snapshot.scopeKind),
            .h2(.a(.href(IndicatorsRoute.snapshot(.of(snapshot.id!)).path), .text(names.of(snapshot, t))),
                .if(snapshot.selfReported, .span(.class("status due"), .text(" · \(t("transparency.self_reported"))")))),
            figures(snapshot.figures, t),
            .p(.class("hint"), .text(t("transparency.published", t.date(snapshot.publishedAt), names.publisher(of: snapshot, t))
                                     + " · SHA-256 \(snapshot.digest.prefix(16))…")))
    }

    static func figures(_ figures: IndicatorFigures, _ t: Localizer) -> Node<HTML.BodyContext> {
        .table(.class("stack figures"), .tbody(.forEach(Indicator.allCases) { indicator in
            .tr(.data(named: "indicator", value: indicator.rawValue),
                .th(.text(t("figure.\(indicator.rawValue)"))), .td(.class("value"), .text(FigureText.text(figures, indicator, t))))
        }))
    }

    static func snapshot(_ request: Request) async throws -> Response {
        guard let snapshot = try await IndicatorSnapshot.find(try request.routeID(), on: request.db) else {
            throw HuzhuAbort.notFound
        }
        let revisions = try await IndicatorSnapshot.query(on: request.db).filter(\.$replacesID == snapshot.id!).all()
        let names = try await Names.load(on: request.db)
        let t = request.t
        let id = RouteID.of(snapshot.id!)
        return request.page("\(names.of(snapshot, t)) · \(snapshot.period?.label ?? "")", .group(
            .if(snapshot.selfReported, .p(.class("notice due"), .text(t("transparency.self_reported_explain")))),
            .unwrap(revisions.first) { newer in
                .p(.class("notice due"), .text(t("transparency.replaced") + " "),
                   .a(.href(IndicatorsRoute.snapshot(.of(newer.id!)).path), .text(newer.period?.label ?? "")),
                   .text(" · \(newer.reason ?? "")"))
            },
            .unwrap(snapshot.replacesID) { older in
                .p(.class("notice"), .text("\(t("transparency.revision_of")) "),
                   .a(.href(IndicatorsRoute.snapshot(.of(older)).path), .text(t("transparency.previous"))),
                   .text(" · \(t("field.reason")): \(snapshot.reason ?? "")"))
            },
            figures(snapshot.figures, t),
            .dl(t.detail("transparency.published_at", t.dateTime(snapshot.publishedAt)),
                t.detail("transparency.publisher", names.publisher(of: snapshot, t)),
                t.detail("transparency.definition_version", String(snapshot.definitionVersion)),
                t.detail("transparency.digest", snapshot.digest)),
            .p(.class("hint"), .text(t("transparency.verify_hint"))),
            .pre(.code(.text(snapshot.canonical))),
            .p(.a(.href(IndicatorsRoute.snapshotJSON(id).path), .text("JSON")), .text(" · "),
               .a(.href(IndicatorsRoute.snapshotCSV(id).path), .text("CSV")))))
    }
}
