import Foundation
import HuzhuCore

// Reads partnerships with their feedback and the reports issued to them (JSON on standard input) and
// prints every figure each report shows, with the items it counts, and its trend: what a liaison sees.
// `Tests/audit/report_audit.py` audits the output independently of how the figures were chosen.

struct Input: Decodable {
    struct Item: Decodable { let category: String; let site: String?; let severity: String; let month: String }
    struct Partnership: Decodable { let k: Int; let sites: [String]; let reports: [String]; let items: [Item] }
    let partnerships: [Partnership]
}

struct Output: Encodable {
    struct Report: Encodable {
        let period: String
        let figures: [KAnonymousReport.Figure]
        let trend: [TrendPoint]
    }
    struct TrendPoint: Encodable { let period: String; let total: Int? }
    let partnerships: [[Report]]
}

let categories = FeedbackCategory.allCases.map(\.rawValue), severities = FeedbackSeverity.allCases.map(\.rawValue)
let input = try JSONDecoder().decode(Input.self, from: FileHandle.standardInput.readDataToEndOfFile())
var output: [[Output.Report]] = []
for partnership in input.partnerships {
    var issued: [(period: ReportPeriod, total: Int?)] = []
    var reports: [Output.Report] = []
    for text in partnership.reports {
        guard let period = ReportPeriod(text), !issued.contains(where: { $0.period.overlaps(period) }) else {
            fatalError("not a period, or overlapping an earlier report: \(text)")
        }
        let items = partnership.items.filter { ReportPeriod($0.month).map { $0.start >= period.start && $0.start < period.end } == true }
            .map { KAnonymousReport.Item(category: $0.category, site: $0.site, severity: $0.severity) }
        let table = KAnonymousReport(items, k: partnership.k, categories: categories, sites: partnership.sites, severities: severities)
        let trend = ReportPeriod.trend(earlier: issued, this: (period, table.total))
        reports.append(.init(period: period.description,
                             figures: table.figures(allCategories: categories, allSites: partnership.sites, allSeverities: severities),
                             trend: trend.map { .init(period: $0.period.description, total: $0.total) }))
        issued.append((period, table.total))
    }
    output.append(reports)
}
let encoder = JSONEncoder()
encoder.outputFormatting = .sortedKeys
FileHandle.standardOutput.write(try encoder.encode(Output(partnerships: output)))
