import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The corps' items on home pages: a volunteer's shifts of today and tomorrow (the reminder the day
/// before), a supervisor's hours to approve, the hotline and reception shifts of the coming week that
/// nobody is on, and the times of the coming week the hotline is open with nobody on shift.
enum VolunteersWork {
    static let source: WorkSource = { request, actor in
        var items: [WorkItem] = []
        let now = request.application.clock.now()
        let today = request.today
        if let profile = try await Volunteer.query(on: request.db).filter(\.$userID == actor.userID).first() {
            let places = try await ShiftPlace.query(on: request.db).filter(\.$volunteerID == profile.id!).filter(\.$cancelledAt == nil)
                .join(Shift.self, on: \ShiftPlace.$shiftID == \Shift.$id)
                .filter(Shift.self, \.$endsAt > now).filter(Shift.self, \.$startsAt < now.addingTimeInterval(2 * 24 * 3600)).all()
            for place in places {
                let shift = try place.joined(Shift.self)
                items.append(WorkItem(queue: "work.my_shifts", title: ShanghaiTime.dateTime(shift.startsAt, in: actor.language),
                                      detail: request.t("duty.\(shift.duty.rawValue)"), path: ShiftsController.backPath(shift),
                                      dueOn: shift.day, urgency: .due, since: shift.startsAt))
            }
        }
        let manage = request.application.policy.visibility(of: actor, for: .manageVolunteers)
        // The network's whole corps is no one person's queue: only an NGO's or an office's is.
        guard manage != .nothing, manage != .network else { return items }
        let pending = try await HourLog.query(on: request.db).visible(manage).filter(\.$approvedAt == nil).filter(\.$rejectedAt == nil).count()
        if pending > 0 {
            items.append(WorkItem(queue: "work.hours_to_approve", title: request.t("hours.pending_count", String(pending)), detail: "",
                                  path: VolunteersRoute.hours.path, urgency: .waiting))
        }
        let uncovered = try await Shift.query(on: request.db).visible(manage).filter(\.$taken == 0)
            .filter(\.$duty ~~ Duty.allCases.filter(\.answersWorkers)).filter(\.$startsAt > now)
            .filter(\.$startsAt < now.addingTimeInterval(7 * 24 * 3600)).sort(\.$startsAt).limit(20).all()
        for shift in uncovered {
            items.append(WorkItem(queue: "work.uncovered_shifts", title: ShanghaiTime.dateTime(shift.startsAt, in: actor.language),
                                  detail: request.t("duty.\(shift.duty.rawValue)"), path: ShiftsController.backPath(shift),
                                  dueOn: shift.day, urgency: WorkItem.urgency(of: shift.day, today: today, days: 2)))
        }
        for gap in try await HotlineCoverage.gaps(manage, from: today, days: 7, db: request.db).filter({ $0.end > now }).prefix(20) {
            let day = CalendarDate(gap.start)
            items.append(WorkItem(queue: "work.hotline_gaps", title: ShanghaiTime.date(gap.start, in: actor.language) + " " + WeekView.span(gap.start, gap.end),
                                  detail: request.t("coverage.gap_detail"),
                                  path: queryLink(VolunteersRoute.shifts.path, [("office", gap.officeID.uuidString.lowercased()), ("week", day.description)]),
                                  dueOn: day, urgency: WorkItem.urgency(of: day, today: today, days: 2)))
        }
        return items
    }
}
