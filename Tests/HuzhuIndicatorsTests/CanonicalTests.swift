import HuzhuCore
import HuzhuPlatform
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
        let t = Localizer(.zhHans)
        #expect(FigureText.text(figures, .amountRecoveredFen, t) == "¥100,998,182.96")
        #expect(FigureText.text(figures, .hotlineCalls, t) == "34,457")
    }

    @Test("Hours nobody logged are named as not recorded; without them the text is what it always was")
    func unrecorded() {
        var figures = IndicatorFigures([.hotlineCalls: 12])
        let before = figures.canonical(period: .month(2026, 10), scope: "network")
        #expect(!before.contains("unrecorded"))
        figures.unrecorded = [.humanInputHours]
        let text = figures.canonical(period: .month(2026, 10), scope: "network")
        #expect(text.contains(#""training_participants":0,"unrecorded":["human_input_hours"],"visits":0"#))
        #expect(text != before)
        #expect(FigureText.text(figures, .humanInputHours, Localizer(.zhHans)) == "未记录")
        #expect(FigureText.text(figures, .humanInputHours, Localizer(.en)) == "not recorded")
        #expect(FigureText.text(IndicatorFigures(), .humanInputHours, Localizer(.en)) == "0")
    }
}
