import Foundation
import HuzhuCore
import Testing

@Suite("Volunteer rules: the training gate, certificate numbers, shifts and hours")
struct VolunteerRulesTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    let hotline = TrainingGate.Course(id: UUID(), validityMonths: nil)
    let safeguarding = TrainingGate.Course(id: UUID(), validityMonths: 12)

    @Test("A required course never passed, failed, or expired blocks the duty and is named; a valid one does not")
    func gate() {
        let required = [hotline, safeguarding]
        #expect(TrainingGate.gaps(required: required, completions: [], on: day("2026-12-02")).map(\.courseID)
                == [hotline.id, safeguarding.id])
        let failed = [TrainingGate.Completion(courseID: hotline.id, completedOn: day("2026-01-10"), passed: false)]
        #expect(TrainingGate.gaps(required: [hotline], completions: failed, on: day("2026-12-02")) == [.missing(hotline.id)])
        let done = [TrainingGate.Completion(courseID: hotline.id, completedOn: day("2020-01-10"), passed: true),
                    TrainingGate.Completion(courseID: safeguarding.id, completedOn: day("2025-12-02"), passed: true)]
        // Good from 2025-12-02 through 2026-12-01: on 2026-12-01 they may serve, on 2026-12-02 not.
        #expect(TrainingGate.gaps(required: required, completions: done, on: day("2026-12-01")).isEmpty)
        #expect(TrainingGate.gaps(required: required, completions: done, on: day("2026-12-02"))
                == [.expired(safeguarding.id, lastValidDay: day("2026-12-01"))])
        // A course taken after the duty's day does not count for it.
        let later = [TrainingGate.Completion(courseID: hotline.id, completedOn: day("2026-12-05"), passed: true)]
        #expect(TrainingGate.gaps(required: [hotline], completions: later, on: day("2026-12-02")) == [.missing(hotline.id)])
    }

    @Test("A practising-certificate number has 17 digits and a plausible licensing year")
    func certificate() throws {
        let today = day("2026-12-02")
        #expect(try PractisingCertificate("11101 2014 10123456", today: today).number == "11101201410123456")
        #expect(throws: FieldError("certificate", "error.certificate_format")) { try PractisingCertificate("1110120141012345", today: today) }
        #expect(throws: FieldError("certificate", "error.certificate_format")) { try PractisingCertificate("1110120141012345X", today: today) }
        #expect(throws: FieldError("certificate", "error.certificate_year")) { try PractisingCertificate("11101197010123456", today: today) }
        #expect(throws: FieldError("certificate", "error.certificate_year")) { try PractisingCertificate("11101203010123456", today: today) }
    }

    @Test("Shifts end after they start and last a day at most; overlaps, notice and a day's hours")
    func shifts() throws {
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(throws: FieldError("ends", "error.shift_ends_before_start")) { try ShiftRules.check(start: start, end: start) }
        #expect(throws: FieldError("ends", "error.shift_too_long")) { try ShiftRules.check(start: start, end: start + 24 * 3600 + 1) }
        try ShiftRules.check(start: start, end: start + 2.5 * 3600)
        #expect(ShiftRules.overlap((start, start + 3600), (start + 1800, start + 7200)))
        #expect(!ShiftRules.overlap((start, start + 3600), (start + 3600, start + 7200)))
        #expect(ShiftRules.mayCancel(start: start, now: start - 24 * 3600, noticeHours: 24))
        #expect(!ShiftRules.mayCancel(start: start, now: start - 23 * 3600, noticeHours: 24))
        try ShiftRules.checkDay(logged: 20 * 60, adding: 4 * 60)
        #expect(throws: FieldError("minutes", "error.hours_over_day")) { try ShiftRules.checkDay(logged: 20 * 60, adding: 4 * 60 + 1) }
        #expect(throws: FieldError("minutes", "error.hours_positive")) { try ShiftRules.checkDay(logged: 0, adding: 0) }
    }

    @Test("Coverage: the weekly openings become periods, and the gaps are what no shift with someone on it covers")
    func coverage() throws {
        // 2026-12-01 is a Tuesday.
        #expect(Coverage.weekday(day("2026-11-30")) == 1)
        #expect(Coverage.weekday(day("2026-12-06")) == 7)
        let evening = try Coverage.Opening(weekday: "2", opens: "18:30", closes: "21:00")
        let periods = Coverage.periods([evening], from: day("2026-11-30"), days: 14)
        #expect(periods.map { ShanghaiTime.localMinute($0.start) } == ["2026-12-01T18:30", "2026-12-08T18:30"])
        func at(_ text: String) -> Date { ShanghaiTime.instant(localMinute: text)! }
        let open = [(start: at("2026-12-01T09:00"), end: at("2026-12-01T18:00"))]
        // Nobody: all of it; 09:00-12:00 and 11:00-13:00 and 15:00-19:00 on: 13:00-15:00 left.
        #expect(Coverage.gaps(open: open, covered: []).map { ShanghaiTime.localMinute($0.start) } == ["2026-12-01T09:00"])
        let gaps = Coverage.gaps(open: open, covered: [(at("2026-12-01T15:00"), at("2026-12-01T19:00")),
                                                       (at("2026-12-01T09:00"), at("2026-12-01T12:00")),
                                                       (at("2026-12-01T11:00"), at("2026-12-01T13:00"))])
        #expect(gaps.map { [ShanghaiTime.localMinute($0.start), ShanghaiTime.localMinute($0.end)] } == [["2026-12-01T13:00", "2026-12-01T15:00"]])
        #expect(Coverage.gaps(open: open, covered: [(at("2026-12-01T08:00"), at("2026-12-01T20:00"))]).isEmpty)
        // Bad openings are refused with every problem.
        #expect(throws: ValidationErrors.self) { try Coverage.Opening(weekday: "8", opens: "9:00", closes: "18:00") }
        do { _ = try Coverage.Opening(weekday: "1", opens: "18:00", closes: "09:00") } catch {
            #expect(error.messageKey(for: "closes") == "error.closes_before_opens")
        }
    }
}
