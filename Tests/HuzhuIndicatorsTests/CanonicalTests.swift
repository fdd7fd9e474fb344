import HuzhuCore
@testable import HuzhuIndicators
import Testing

@Suite("Snapshots' canonical form and digest")
struct CanonicalTests {
    @Test("Sorted keys, integers only; the digest is the same however the figures were built")
    func canonical() {
        var figures = IndicatorFigures()
        figures[.amountRecoveredFen] = 10_099_818_296
        figures[.hotlineCalls] = 34_457
        let text = figures.canonical(period: .month(2026, 10), scope: "network")
        #expect(text.hasPrefix(#"{"amount_recovered_fen":10099818296,"cases_accepted":0,"definition_version":1,"#))
        #expect(text.hasSuffix(#""scope":"network","training_participants":0,"visits":0,"workers_recovering_wages":0}"#))
        let same = IndicatorFigures([.hotlineCalls: 34_457, .amountRecoveredFen: 10_099_818_296])
        #expect(Publication.digest(same.canonical(period: .month(2026, 10), scope: "network")) == Publication.digest(text))
        #expect(Publication.digest(text).count == 64)
        #expect(Publication.digest(text) != Publication.digest(figures.canonical(period: .month(2026, 9), scope: "network")))
        #expect(FigureText.text(10_099_818_296, .amountRecoveredFen) == "¥100,998,182.96")
        #expect(FigureText.text(34_457, .hotlineCalls) == "34,457")
    }
}
