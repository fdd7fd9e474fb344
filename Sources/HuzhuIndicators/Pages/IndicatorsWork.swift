import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The indicators' part of a publisher's work queue: last month's figures of each scope they publish,
/// until a snapshot of that month is published (due mid-month). Published periods whose figures have
/// since changed are on the dashboard, which recomputes them; the home page does not.
enum IndicatorsWork {
    static let source: WorkSource = { request, actor in
        let scopes = try await DashboardController.scopes(request).filter { request.may(.publishIndicators, in: $0.scope) }
        guard !scopes.isEmpty else { return [] }
        let (t, today) = (request.t, request.today)
        let thisMonth = CalendarDate(year: today.year, month: today.month, day: 1)!
        let lastMonth = thisMonth.adding(months: -1)
        let published = try await IndicatorSnapshot.query(on: request.db).filter(\.$periodKind == .month)
            .filter(\.$periodFrom == lastMonth).all().map { IndicatorSnapshot.scopeKey($0.scope) }
        let items = scopes.filter { !published.contains(IndicatorSnapshot.scopeKey($0.scope)) }.map { scope in
            WorkItem(queue: "work.publishing", title: scope.name,
                     detail: t("work.publish_month", String(lastMonth.description.prefix(7))),
                     path: IndicatorsRoute.dashboard.path, dueOn: thisMonth.adding(days: 14),
                     urgency: WorkItem.urgency(of: thisMonth.adding(days: 14), today: today))
        }
        return items
    }
}
