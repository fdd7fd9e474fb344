import Foundation
import HuzhuCore
import Testing

@Suite("Instalments and a case's tracked deadlines")
struct MediationRulesTests {
    @Test("Payments fill instalments in due order; an unpaid instalment is overdue after its date")
    func instalments() {
        let (first, second) = (UUID(), UUID())
        let schedule = [Instalments.Due(id: second, dueOn: day("2026-12-31"), amount: yuan(5_000)),
                        Instalments.Due(id: first, dueOn: day("2026-11-30"), amount: yuan(5_000))]
        let partly = Instalments.match(schedule, received: yuan(7_000), today: day("2026-12-01"))
        #expect(partly.map(\.id) == [first, second])
        #expect(partly.map(\.state) == [.paid, .due])
        #expect(partly[1].outstanding == yuan(3_000))
        let late = Instalments.match(schedule, received: yuan(3_000), today: day("2026-12-01"))
        #expect(late.map(\.state) == [.overdue, .due])
        #expect(Instalments.match(schedule, received: yuan(3_000), today: day("2027-01-01")).map(\.state) == [.overdue, .overdue])
        #expect(Instalments.match(schedule, received: yuan(12_000), today: day("2027-01-01")).map(\.state) == [.paid, .paid])
    }

    @Test("The limitation period restarts at an interruption and is met by applying for arbitration")
    func limitation() {
        var facts = CaseDeadlines.Facts()
        facts.knewOn = day("2025-03-01")
        let missed = CaseDeadlines.compute(facts, today: day("2026-04-01"))
        #expect(missed.map(\.state) == [.missed])
        facts.events = [(.demandToEmployer, day("2025-12-01"))]
        let open = CaseDeadlines.compute(facts, today: day("2026-04-01"))
        #expect(open.map(\.date) == [day("2026-12-01")] && open.map(\.state) == [.open])
        facts.events.append((.arbitrationApplied, day("2026-05-01")))
        #expect(CaseDeadlines.compute(facts, today: day("2026-06-01")).map(\.state) == [.met])
    }

    @Test("Confirmation windows per agreement, award and appeal windows, injury windows")
    func windows() {
        var facts = CaseDeadlines.Facts()
        let agreement = UUID()
        facts.agreements = [(agreement, day("2026-11-01"))]
        facts.injuryOn = day("2026-01-10")
        facts.events = [(.arbitrationAccepted, day("2026-02-01")), (.awardReceived, day("2026-03-10")),
                        (.confirmationApplied, day("2026-11-20"))]
        let deadlines = CaseDeadlines.compute(facts, today: day("2026-11-23"))
        let byItem = Dictionary(uniqueKeysWithValues: deadlines.map { ($0.line.item, $0) })
        #expect(byItem["award_due"]?.state == .met)
        #expect(byItem["sue_after_award"]?.date == day("2026-03-25") && byItem["sue_after_award"]?.state == .missed)
        #expect(byItem["judicial_confirmation"]?.state == .met && byItem["judicial_confirmation"]?.agreementID == agreement)
        #expect(byItem["injury_worker_application"]?.state == .open)
        #expect(byItem["injury_employer_application"]?.state == .missed)
        #expect(byItem["limitation"] == nil)
    }
}
