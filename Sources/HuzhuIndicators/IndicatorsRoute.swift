import HuzhuPlatform

/// The transparency feature's URLs: the staff dashboard, and the public pages and open data.
enum IndicatorsRoute: TypedRoute {
    case dashboard, publish, selfReport, api
    case transparency, snapshot(RouteID), snapshotJSON(RouteID), snapshotCSV(RouteID), feed, report

    var path: String {
        switch self {
        case .dashboard: "/indicators"
        case .publish: "/indicators/publish"
        case .selfReport: "/indicators/self-report"
        case .api: "/api/v1/indicators"
        case .transparency: "/transparency"
        case .snapshot(let id): "/transparency/snapshots/\(id.text)"
        case .snapshotJSON(let id): "/transparency/snapshots/\(id.text)/json"
        case .snapshotCSV(let id): "/transparency/snapshots/\(id.text)/csv"
        case .feed: "/transparency/feed.json"
        case .report: "/transparency/report"
        }
    }
}
