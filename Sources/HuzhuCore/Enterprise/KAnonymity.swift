/// The counts of an enterprise report, from one table under one rule, so that no worker can be singled
/// out: every figure shown is 0 or at least k, and so is every sum or difference of shown figures that
/// counts a group of items.
///
/// The table is the period's items by category and site, with its row and column totals, the total,
/// and the counts by severity. The rule is global recoding: a site column that holds a count between 1
/// and k-1 joins the "other sites" column (which also holds items from no listed site) for every
/// category at once, a category row likewise joins "other categories", and a severity joins "other
/// severities", the smallest first, until every cell is 0 or at least k (each step merges the row or
/// column that leaves the fewest small cells, and of those the one holding the fewest items). Because whole rows and columns
/// merge, the shown figures form a real table whose totals add up; every group of items a reader can
/// compute from them is a union of shown cells, so it is 0 or at least k; and a count inside a merged
/// cell can be anything from 0 to that cell. A period whose total is under k shows nothing at all.
public struct KAnonymousReport: Codable, Equatable, Sendable {
    public struct Item: Sendable {
        public let category: String
        /// nil: no listed site.
        public let site: String?
        public let severity: String

        public init(category: String, site: String?, severity: String) {
            self.category = category
            self.site = site
            self.severity = severity
        }
    }

    /// A shown figure and the items it counts: those whose category, site and severity are in its lists
    /// (a site list holding `otherSites` also counts items from no listed site).
    public struct Figure: Codable, Equatable, Sendable {
        public let categories: [String]
        public let sites: [String]
        public let severities: [String]
        public let count: Int
    }

    /// The merged column, row and severity.
    public static let otherSites = "*", otherCategories = "*", otherSeverities = "*"

    public let k: Int
    /// The rows shown, in order (`otherCategories` last, if any), and the columns (`otherSites` last, if any).
    public let categories: [String]
    public let sites: [String]
    /// cells[row][column].
    public let cells: [[Int]]
    public let severities: [String]
    public let severityCounts: [Int]
    /// nil when the period holds fewer than k items (then nothing else is shown).
    public let total: Int?
    /// What the merged row, column and severity stand for.
    public let mergedCategories: [String]
    public let mergedSites: [String]
    public let mergedSeverities: [String]

    /// - Parameters: categories, sites and severities in the order they are shown; every item's values
    ///   must be among them (a site not listed counts as no listed site).
    public init(_ items: [Item], k: Int, categories allCategories: [String], sites allSites: [String], severities allSeverities: [String]) {
        self.k = max(k, 2)
        let k = self.k
        let siteIndex = Dictionary(allSites.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let categoryIndex = Dictionary(allCategories.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let severityIndex = Dictionary(allSeverities.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // Counts by category × site, the last column for items from no listed site.
        var counts = Array(repeating: Array(repeating: 0, count: allSites.count + 1), count: allCategories.count)
        var bySeverity = Array(repeating: 0, count: allSeverities.count)
        for item in items {
            guard let row = categoryIndex[item.category], let severity = severityIndex[item.severity] else { continue }
            counts[row][item.site.flatMap { siteIndex[$0] } ?? allSites.count] += 1
            bySeverity[severity] += 1
        }
        let total = bySeverity.reduce(0, +)
        guard total == 0 || total >= k else {
            (categories, sites, cells, severities, severityCounts, self.total) = ([], [], [], [], [], nil)
            (mergedCategories, mergedSites, mergedSeverities) = ([], [], [])
            return
        }
        // Rows and columns still shown on their own; rows without items are left out (a reader cannot
        // tell them from merged ones). The unlisted-site column is always merged.
        var rows = allCategories.indices.filter { counts[$0].reduce(0, +) > 0 }
        var columns = Array(allSites.indices)
        func cell(_ row: Int?, _ column: Int?) -> Int {
            let rowSet = row.map { [$0] } ?? allCategories.indices.filter { !rows.contains($0) }
            let columnSet = column.map { [$0] } ?? (allSites.indices.filter { !columns.contains($0) } + [allSites.count])
            return rowSet.reduce(0) { sum, r in columnSet.reduce(sum) { $0 + counts[r][$1] } }
        }
        func small(_ n: Int) -> Bool { n > 0 && n < k }
        func rowTotal(_ r: Int) -> Int { counts[r].reduce(0, +) }
        func columnTotal(_ c: Int) -> Int { allCategories.indices.reduce(0) { $0 + counts[$1][c] } }
        while true {
            let shownRows: [Int?] = rows + [nil], shownColumns: [Int?] = columns + [nil]
            var candidates: [(margin: Int, isRow: Bool, index: Int)] = []
            for r in shownRows { for c in shownColumns where small(cell(r, c)) {
                // Merging this cell's own row or column takes it out; a cell of the merged row or column
                // grows when a row or column with items in it joins.
                if let r { candidates.append((rowTotal(r), true, r)) } else {
                    candidates += rows.filter { r in cell(r, c) > 0 }.map { (rowTotal($0), true, $0) }
                }
                if let c { candidates.append((columnTotal(c), false, c)) } else {
                    candidates += columns.filter { c in cell(r, c) > 0 }.map { (columnTotal($0), false, $0) }
                }
            } }
            if candidates.isEmpty && shownRows.contains(where: { r in shownColumns.contains { c in small(cell(r, c)) } }) {
                // Only the merged corner is small and nothing shown touches it: merge any row with items.
                candidates = rows.filter { rowTotal($0) > 0 }.map { (rowTotal($0), true, $0) }
            }
            // The merge that leaves the fewest small cells, then the one that hides the fewest items.
            func smallCellsAfter(_ merge: (margin: Int, isRow: Bool, index: Int)) -> Int {
                let (keptRows, keptColumns) = (rows, columns)
                defer { (rows, columns) = (keptRows, keptColumns) }
                if merge.isRow { rows.removeAll { $0 == merge.index } } else { columns.removeAll { $0 == merge.index } }
                return (rows + [nil]).reduce(0) { sum, r in (columns + [nil]).reduce(sum) { $0 + (small(cell(r, $1)) ? 1 : 0) } }
            }
            let ranked = candidates.map { (after: smallCellsAfter($0), merge: $0) }
            guard let merge = ranked.min(by: { ($0.after, $0.merge.margin, $0.merge.isRow ? 1 : 0, $0.merge.index)
                                             < ($1.after, $1.merge.margin, $1.merge.isRow ? 1 : 0, $1.merge.index) })?.merge else { break }
            if merge.isRow { rows.removeAll { $0 == merge.index } } else { columns.removeAll { $0 == merge.index } }
        }
        let allRows: [Int?] = rows + [nil], allColumns: [Int?] = columns + [nil]
        let otherRow = allColumns.contains { cell(nil, $0) > 0 }, otherColumn = allRows.contains { cell($0, nil) > 0 }
        let tableRows: [Int?] = rows + (otherRow ? [nil] : [])
        let tableColumns: [Int?] = columns + (otherColumn ? [nil] : [])
        categories = tableRows.map { $0.map { allCategories[$0] } ?? Self.otherCategories }
        sites = tableColumns.map { $0.map { allSites[$0] } ?? Self.otherSites }
        cells = tableRows.map { r in tableColumns.map { c in cell(r, c) } }
        mergedCategories = allCategories.indices.filter { !rows.contains($0) && rowTotal($0) > 0 }.map { allCategories[$0] }
        mergedSites = allSites.indices.filter { !columns.contains($0) }.map { allSites[$0] }
        // Severities: the small ones merge, and the smallest shown joins them while their sum is small.
        var shownSeverities = allSeverities.indices.filter { bySeverity[$0] >= k }
        var merged = allSeverities.indices.filter { !shownSeverities.contains($0) }.reduce(0) { $0 + bySeverity[$1] }
        while small(merged), let smallest = shownSeverities.min(by: { (bySeverity[$0], $0) < (bySeverity[$1], $1) }) {
            shownSeverities.removeAll { $0 == smallest }
            merged += bySeverity[smallest]
        }
        severities = shownSeverities.map { allSeverities[$0] } + (merged > 0 ? [Self.otherSeverities] : [])
        severityCounts = shownSeverities.map { bySeverity[$0] } + (merged > 0 ? [merged] : [])
        mergedSeverities = allSeverities.indices.filter { !shownSeverities.contains($0) && bySeverity[$0] > 0 }.map { allSeverities[$0] }
        self.total = total
    }

    public var rowTotals: [Int] { cells.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] { sites.indices.map { c in cells.reduce(0) { $0 + $1[c] } } }

    /// Every figure the report shows, each with the items it counts, for an audit that knows nothing of
    /// how they were chosen.
    public func figures(allCategories: [String], allSites: [String], allSeverities: [String]) -> [Figure] {
        guard let total else { return [] }
        let categoryLists = categories.map { $0 == Self.otherCategories ? allCategories.filter { c in !categories.contains(c) } : [$0] }
        let siteLists = sites.map { $0 == Self.otherSites ? allSites.filter { s in !sites.contains(s) } + [Self.otherSites] : [$0] }
        let severityLists = severities.map { $0 == Self.otherSeverities ? allSeverities.filter { s in !severities.contains(s) } : [$0] }
        var figures = [Figure(categories: allCategories, sites: allSites + [Self.otherSites], severities: allSeverities, count: total)]
        for (r, categoryList) in categoryLists.enumerated() {
            figures.append(Figure(categories: categoryList, sites: allSites + [Self.otherSites], severities: allSeverities, count: rowTotals[r]))
            for (c, siteList) in siteLists.enumerated() {
                figures.append(Figure(categories: categoryList, sites: siteList, severities: allSeverities, count: cells[r][c]))
            }
        }
        for (c, siteList) in siteLists.enumerated() {
            figures.append(Figure(categories: allCategories, sites: siteList, severities: allSeverities, count: columnTotals[c]))
        }
        for (v, severityList) in severityLists.enumerated() {
            figures.append(Figure(categories: allCategories, sites: allSites + [Self.otherSites], severities: severityList, count: severityCounts[v]))
        }
        return figures
    }

    /// Every number the report shows.
    public var shownNumbers: [Int] {
        cells.flatMap { $0 } + rowTotals + columnTotals + severityCounts + [total].compactMap { $0 }
    }

    /// A rate over the items, shown only when it cannot single anyone out: over at least k items, and
    /// with those it counts and those it does not each 0 or at least k. nil otherwise.
    public static func rate(_ part: Int, of whole: Int, k: Int) -> Int? {
        let safe = { (n: Int) in n == 0 || n >= k }
        return whole >= k && safe(part) && safe(whole - part) ? part * 100 / whole : nil
    }
}
