import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The demo publishes last month's figures for the network and each NGO, as its network admin would,
/// so that `/transparency` shows what the public sees. Nothing is published twice.
enum DemoPublication {
    static func load(into app: Application) async throws -> [String] {
        guard try await IndicatorSnapshot.query(on: app.db).count() == 0,
              let admin = try await User.query(on: app.db).filter(\.$role == .networkAdmin).filter(\.$active == true).first(),
              let actor = try await app.actorDirectory.activeActor(userID: admin.requireID(), on: app.db) else { return [] }
        let work = WorkContext(db: app.db, clock: app.clock, cipher: app.fieldCipher, actor: actor, source: .console, policy: app.policy)
        let today = work.today
        let thisMonth = CalendarDate(year: today.year, month: today.month, day: 1)!
        let lastMonth = thisMonth.adding(months: -1)
        let period = IndicatorPeriod.month(lastMonth.year, lastMonth.month)
        let engine = IndicatorEngine(db: app.db, sources: app.indicatorSources)
        let scopes: [Scope] = [.network] + (try await NGO.query(on: app.db).sort(\.$name).all().map { .ngo(try $0.requireID()) })
        for scope in scopes {
            try await Publication.publish(try await engine.compute(period, scope: scope), scope: scope, period: period,
                                          selfReported: false, reason: nil, in: work)
        }
        return ["已发布 \(String(lastMonth.description.prefix(7))) 的服务指标 / Published the figures of \(String(lastMonth.description.prefix(7))): /transparency"]
    }
}
