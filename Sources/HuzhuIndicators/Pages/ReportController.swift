import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// The network report for a period, printable: the results in the form of the network's sentence
/// (calls answered, visits received, workers helped to recover wages, amount recovered) for the network
/// and each NGO, then all ten indicators side by side.
enum ReportController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IndicatorsRoute.report, use: show)
    }

    static func show(_ request: Request) async throws -> Response {
        let label = request.query[String.self, at: "period"] ?? ""
        let all = TransparencyController.current(try await IndicatorSnapshot.query(on: request.db).all())
            .filter { $0.period?.label == label }
        guard !all.isEmpty else { throw HuzhuAbort.notFound }
        let names = try await TransparencyController.Names.load(on: request.db)
        let t = request.t
        let network = all.first { $0.scopeKind == "network" }
        let ngos = all.filter { $0.scopeKind == "ngo" }.sorted { names.of($0, t) < names.of($1, t) }
        func sentence(_ key: String, _ snapshot: IndicatorSnapshot, _ name: String) -> String {
            let figures = snapshot.figures
            return t(key, name, Money.grouped(figures[.hotlineCalls]), Money.grouped(figures[.visits]),
                     Money.grouped(figures[.workersRecoveringWages]), Money(fen: figures[.amountRecoveredFen]).formatted)
        }
        let columns = ([network].compactMap { $0 }) + ngos
        return request.page(t("report.title", label), .group(
            .unwrap(network) { network in .p(.class("lead"), .text(sentence("report.network_sentence", network, String(ngos.count)))) },
            .ul(.forEach(ngos) { snapshot in
                .li(.text(sentence("report.ngo_sentence", snapshot, names.of(snapshot, t))),
                    .if(snapshot.selfReported, .text(" (\(t("transparency.self_reported")))")))
            }),
            .table(.class("figures report"),
                .thead(.tr(.th(), .forEach(columns) { .th(.text(names.of($0, t))) })),
                .tbody(.forEach(Indicator.allCases) { indicator in
                    .tr(.th(.text(t("figure.\(indicator.rawValue)"))),
                        .forEach(columns) { .td(.text(FigureText.text($0.figures, indicator, t))) })
                })),
            .p(.class("hint"), .text(t("report.note")))))
    }
}
