import HuzhuCore
import Testing

@Suite("k-anonymous counts for enterprises")
struct KAnonymityTests {
    func items(_ spec: [(String, String, String, Int)]) -> [KAnonymousReport.Item] {
        spec.flatMap { category, site, severity, count in
            Array(repeating: KAnonymousReport.Item(category: category, site: site, severity: severity), count: count)
        }
    }

    /// Whatever is shown: no number from 1 to k-1, and the total minus the shown cells, or minus the
    /// shown severities, is never one either.
    func expectSafe(_ report: KAnonymousReport) {
        #expect(report.shownNumbers.allSatisfy { $0 == 0 || $0 >= report.k }, "\(report)")
        if let total = report.total {
            let cells = report.cells.values.flatMap(\.values).reduce(0, +)
            let severities = report.severities.values.reduce(0, +)
            for difference in [total - cells, total - severities] {
                #expect(difference == 0 || difference >= report.k, "\(report)")
            }
        }
    }

    @Test("Small cells join their category's other sites; a lone worker is never shown, nor recoverable by subtraction")
    func subtraction() {
        let report = KAnonymousReport(items([("wages", "A", "normal", 7), ("wages", "B", "normal", 1),
                                             ("safety", "A", "urgent", 6)]), k: 5)
        #expect(report.cells["wages"] == ["A": 7])
        #expect(report.cells["safety"] == ["A": 6])
        // The lone wages complaint at site B is hidden; showing the total (14) would give it away.
        #expect(report.remainder == nil && report.total == nil)
        #expect(report.severities == ["normal": 8, "urgent": 6])
        expectSafe(report)
    }

    @Test("Small groups that add up to k are shown merged, and then the total may be shown")
    func merged() {
        let report = KAnonymousReport(items([("wages", "A", "normal", 3), ("wages", "B", "normal", 2),
                                             ("hours", "A", "normal", 9)]), k: 5)
        #expect(report.cells["wages"] == [KAnonymousReport.otherSites: 5])
        #expect(report.cells["hours"] == ["A": 9])
        #expect(report.total == 14 && report.remainder == 0)
        expectSafe(report)
    }

    @Test("Any mix of groups is safe", arguments: 1...40)
    func random(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let categories = ["wages", "hours", "safety"], sites = ["A", "B", "C", "*"], severities = ["urgent", "normal"]
        var spec: [(String, String, String, Int)] = []
        for category in categories { for site in sites {
            spec.append((category, site, severities[Int(generator.next() % 2)], Int(generator.next() % 8)))
        } }
        let report = KAnonymousReport(items(spec), k: 5)
        expectSafe(report)
        // Nothing is lost: what is shown and what was merged away add up to every item.
        if let total = report.total, let remainder = report.remainder {
            #expect(report.cells.values.flatMap(\.values).reduce(0, +) + remainder == total)
        }
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
