import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// The volunteer corps' part of the indicators: human input, the approved hours of staff and volunteers
/// (shifts attended and hours logged outside them) on days of the period, in whole hours (half up).
struct HoursIndicatorFacts: IndicatorFactSource {
    func contribute(_ period: IndicatorPeriod, scope: Scope, to facts: inout IndicatorFacts, on db: any SQLDatabase) async throws {
        // Cast: PostgreSQL's SUM of integers is numeric, which decodes as no Int.
        let row = try await db.raw("""
            SELECT CAST(COALESCE(SUM(h.minutes), 0) AS BIGINT) AS minutes, COUNT(*) AS entries FROM hour_logs h WHERE h.approved_at IS NOT NULL
              AND h.worked_on >= \(bind: period.from.description) AND h.worked_on < \(bind: period.to.description) \(scope.sqlCondition("h"))
            """).first()
        facts.figures[.humanInputHours] += ((try row?.number("minutes") ?? 0) + 30) / 60
        if try row?.number("entries") ?? 0 > 0 { facts.recorded.insert(.humanInputHours) }
    }
}

/// Who is on a hotline or reception shift now, and where: the offices of their places on shifts under
/// way, not given up.
struct ShiftDutyRoster: DutyRoster {
    func officesOnDuty(userID: UUID, at instant: Date, on db: any Database) async throws -> Set<UUID> {
        guard let volunteer = try await Volunteer.query(on: db).filter(\.$userID == userID).filter(\.$status == .active).first() else { return [] }
        let places = try await ShiftPlace.query(on: db).filter(\.$volunteerID == volunteer.id!).filter(\.$cancelledAt == nil)
            .join(Shift.self, on: \ShiftPlace.$shiftID == \Shift.$id)
            .filter(Shift.self, \.$startsAt <= instant).filter(Shift.self, \.$endsAt > instant)
            .filter(Shift.self, \.$duty ~~ Duty.allCases.filter(\.answersWorkers)).all()
        return Set(places.map(\.officeID))
    }
}
