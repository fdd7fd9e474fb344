import Fluent
import Foundation
import HuzhuPlatform
import Vapor

/// Transparency: the ten standard indicators computed from the records, published as verifiable
/// snapshots, and shown to the public.
package enum IndicatorsFeature: Feature {
    package static func migrations(_ cipher: FieldCipher) -> [any Migration] {
        [CreateIndicatorSnapshots()]
    }

    package static func grant(_ policy: inout Policy) {
        IndicatorsPolicy.grant(&policy)
    }

    package static let navigation: [NavItem] = [
        NavItem(titleKey: "dashboard.title", path: IndicatorsRoute.dashboard.path, permissions: [.readIndicators], order: 60),
        NavItem(titleKey: "self_report.title", path: IndicatorsRoute.selfReport.path, permissions: [.selfReportIndicators], order: 88),
    ]

    package static let auditActions = AuditAction.indicators
    package static let openAPI = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }

    package static func routes(_ app: Application) throws {
        app.workSources.append(IndicatorsWork.source)
        DashboardController.register(app.routes)
        SelfReportController.register(app.routes)
        TransparencyController.register(app.routes)
        OpenDataController.register(app.routes)
        ReportController.register(app.routes)
        IndicatorsAPI.register(app.routes)
    }

    package static func loadDemo(into app: Application) async throws -> [String] {
        try await DemoPublication.load(into: app)
    }

    package static func commands(_ app: Application) {
        var indicators = AsyncCommands()
        indicators.use(VerifySnapshotCommand(), as: "verify")
        app.asyncCommands.use(indicators.group(help: "Published indicator snapshots."), as: "indicators")
    }
}
