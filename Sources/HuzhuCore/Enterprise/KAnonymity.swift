/// Counts an enterprise may see, with every small group hidden so that no worker can be singled out:
/// no number shown is between 1 and k-1, and none can be recovered by subtracting one shown number
/// from another.
///
/// The rule: a (category, site) cell under k joins its category's "other sites" cell; an "other sites"
/// cell still under k joins one undisclosed remainder. Severity counts under k join a second remainder.
/// No row or column totals are shown; the grand total is shown only if both remainders are empty or at
/// least k, so that the grand total minus the shown cells (or severities) is never a small number.
public struct KAnonymousReport: Equatable, Sendable {
    public struct Item: Sendable {
        public let category: String
        public let site: String
        public let severity: String

        public init(category: String, site: String, severity: String) {
            self.category = category
            self.site = site
            self.severity = severity
        }
    }

    /// The "other sites" column.
    public static let otherSites = "*"

    public let k: Int
    /// category → site (or `otherSites`) → count; only shown cells.
    public let cells: [String: [String: Int]]
    /// severity → count; only shown severities.
    public let severities: [String: Int]
    /// What was hidden, if it may be shown (empty or at least k); nil when it must stay hidden.
    public let remainder: Int?
    public let total: Int?

    public init(_ items: [Item], k: Int) {
        self.k = max(k, 2)
        let k = self.k
        var byCell: [String: [String: Int]] = [:]
        var bySeverity: [String: Int] = [:]
        for item in items {
            byCell[item.category, default: [:]][item.site, default: 0] += 1
            bySeverity[item.severity, default: 0] += 1
        }
        var cells: [String: [String: Int]] = [:]
        var hidden = 0
        for (category, sites) in byCell {
            var row: [String: Int] = [:]
            var other = 0
            for (site, count) in sites {
                if site != Self.otherSites && count >= k { row[site] = count } else { other += count }
            }
            if other >= k { row[Self.otherSites] = other } else { hidden += other }
            if !row.isEmpty { cells[category] = row }
        }
        var severities: [String: Int] = [:]
        var hiddenSeverity = 0
        for (severity, count) in bySeverity {
            if count >= k { severities[severity] = count } else { hiddenSeverity += count }
        }
        self.cells = cells
        self.severities = severities
        let safe = (hidden == 0 || hidden >= k) && (hiddenSeverity == 0 || hiddenSeverity >= k)
        remainder = safe ? hidden : nil
        total = safe ? items.count : nil
    }

    /// Every number the report would show.
    public var shownNumbers: [Int] {
        cells.values.flatMap(\.values) + Array(severities.values) + [remainder, total].compactMap { $0 }
    }

    /// A period's total as a trend shows it: under the same rule, so that no report reveals what another hid.
    public static func shownTotal(_ items: [Item], k: Int) -> Int? { KAnonymousReport(items, k: k).total }
}
