import HuzhuCore
import Testing

@Suite("k-anonymous counts for enterprises")
struct KAnonymityTests {
    static let categories = ["wages", "hours", "safety"], severities = ["urgent", "normal", "suggestion"]

    func items(_ spec: [(String, String?, String, Int)]) -> [KAnonymousReport.Item] {
        spec.flatMap { category, site, severity, count in
            Array(repeating: KAnonymousReport.Item(category: category, site: site, severity: severity), count: count)
        }
    }

    func report(_ spec: [(String, String?, String, Int)], k: Int = 5, sites: [String] = ["A", "B", "C"]) -> KAnonymousReport {
        KAnonymousReport(items(spec), k: k, categories: Self.categories, sites: sites, severities: Self.severities)
    }

    /// Every figure shown is 0 or at least k; the totals add up (so every difference of shown figures
    /// that counts items is a sum of shown cells); and each figure counts exactly the items it says.
    func expectSafe(_ report: KAnonymousReport, _ items: [KAnonymousReport.Item], sites: [String] = ["A", "B", "C"]) {
        #expect(report.shownNumbers.allSatisfy { $0 == 0 || $0 >= report.k }, "\(report)")
        guard let total = report.total else { return #expect(report.cells.isEmpty && report.severityCounts.isEmpty) }
        #expect(report.rowTotals.reduce(0, +) == total && report.columnTotals.reduce(0, +) == total)
        #expect(report.severityCounts.reduce(0, +) == total)
        for figure in report.figures(allCategories: Self.categories, allSites: sites, allSeverities: Self.severities) {
            let counted = items.filter { item in
                figure.categories.contains(item.category) && figure.severities.contains(item.severity)
                    && figure.sites.contains(item.site.flatMap { sites.contains($0) ? $0 : nil } ?? KAnonymousReport.otherSites)
            }.count
            #expect(counted == figure.count, "\(figure)")
        }
    }

    @Test("The attack on per-category merging: a shown cell of 5 and 'normal: 6' no longer give away a lone complaint")
    func severityDifference() {
        // Before: wages at A (5) shown, the lone safety complaint at B merged away and the total hidden,
        // but "normal: 6" was shown, so 6 - 5 = 1 complaint somewhere else, and its category.
        let spec: [(String, String?, String, Int)] = [("wages", "A", "normal", 5), ("safety", "B", "normal", 1)]
        let report = report(spec)
        expectSafe(report, items(spec))
        #expect(report.total == 6)
        // Site B holds a count under k, so it joins "other sites" for every category; safety joins
        // "other categories"; what is left of them is one merged cell that is not small.
        #expect(!report.cells.flatMap { $0 }.contains(1))
        #expect(!report.severityCounts.contains(1))
    }

    @Test("Row and column totals are shown and add up; a small site joins other sites in every row at once")
    func margins() {
        let spec: [(String, String?, String, Int)] = [("wages", "A", "normal", 7), ("wages", "B", "normal", 2), ("hours", "A", "urgent", 6),
                                                      ("hours", "B", "urgent", 4), ("safety", nil, "normal", 5)]
        let report = report(spec)
        expectSafe(report, items(spec))
        // B (6 items) joins other sites in every row; wages and hours are then still small in other
        // sites, and A joining them settles both at once (rather than two categories merging).
        #expect(report.sites == ["C", KAnonymousReport.otherSites] && report.mergedSites == ["A", "B"])
        #expect(report.categories == ["wages", "hours", "safety"] && report.mergedCategories.isEmpty)
        #expect(report.cells == [[0, 9], [0, 10], [0, 5]])
        #expect(report.rowTotals == [9, 10, 5] && report.columnTotals == [0, 24] && report.total == 24)
    }

    @Test("A period with fewer than k items shows nothing, not even its total")
    func tooFew() {
        let spec: [(String, String?, String, Int)] = [("wages", "A", "normal", 4)]
        let report = report(spec)
        #expect(report.total == nil && report.cells.isEmpty && report.shownNumbers.isEmpty)
    }

    @Test("Rates only where the counted and the uncounted are each 0 or at least k")
    func rates() {
        #expect(KAnonymousReport.rate(9, of: 10, k: 5) == nil)  // 1 not resolved
        #expect(KAnonymousReport.rate(5, of: 10, k: 5) == 50)
        #expect(KAnonymousReport.rate(4, of: 4, k: 5) == nil)
        #expect(KAnonymousReport.rate(12, of: 12, k: 5) == 100)
    }

    @Test("Any mix of groups is safe", arguments: 1...200)
    func random(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let k = 3 + Int(generator.next() % 6)
        var spec: [(String, String?, String, Int)] = []
        for category in Self.categories { for site in ["A", "B", "C", nil] as [String?] {
            spec.append((category, site, Self.severities[Int(generator.next() % 3)], Int(generator.next() % UInt64(2 * k))))
        } }
        let report = report(spec, k: k)
        expectSafe(report, items(spec))
        #expect(report.total == nil || report.total == items(spec).count)
    }
}

@Suite("Report periods")
struct ReportPeriodTests {
    @Test("Months and quarters, nothing else")
    func parse() {
        #expect(ReportPeriod("2026-03")?.end == CalendarDate(year: 2026, month: 4, day: 1))
        #expect(ReportPeriod("2026-Q4")?.last == CalendarDate(year: 2026, month: 12, day: 31))
        for bad in ["2026-13", "2026-Q5", "2026-03-01", "2026", "26-03", "2026-3", "2026-Q", ""] { #expect(ReportPeriod(bad) == nil, "\(bad)") }
        #expect(ReportPeriod("2026-Q1")!.overlaps(ReportPeriod("2026-03")!))
        #expect(!ReportPeriod("2026-Q1")!.overlaps(ReportPeriod("2026-04")!))
    }

    @Test("Only periods that have ended can be chosen, newest first")
    func ended() {
        let periods = ReportPeriod.ended(by: CalendarDate(year: 2026, month: 12, day: 2)!)
        #expect(periods.first?.description == "2026-11")
        #expect(periods.contains(ReportPeriod("2026-Q3")!) && !periods.contains(ReportPeriod("2026-Q4")!))
        #expect(periods.allSatisfy { $0.end <= CalendarDate(year: 2026, month: 12, day: 1)! })
    }

    @Test("The trend repeats earlier reports' totals as issued, the five latest before this one")
    func trend() {
        let earlier = (1...8).map { (period: ReportPeriod(month: 2026, $0), total: $0 == 3 ? nil : Optional($0 * 5)) }
        let trend = ReportPeriod.trend(earlier: earlier, this: (ReportPeriod(month: 2026, 9), 10))
        #expect(trend.map(\.period.description) == ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"])
        #expect(trend.map(\.total) == [20, 25, 30, 35, 40, 10])
    }
}

/// A small deterministic generator, so the random cases are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
