import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// An office's shifts for a week, as a view value: each shift with its places (names for staff, a count
/// for volunteers), its gap, and what the person viewing may do on it.
struct WeekView {
    struct Row {
        let shift: Shift
        /// The people on the shift, with their places.
        let people: [(volunteer: Volunteer, name: String, place: ShiftPlace)]
        let mine: ShiftPlace?
    }

    let officeID: UUID
    let officeName: String
    let monday: CalendarDate
    let manage: Bool
    let profile: Volunteer?
    let rows: [Row]
    /// Active volunteers of the office, for staff to assign.
    let roster: [(id: UUID, name: String)]
    let noticeHours: Int
    /// The hotline's weekly openings, and the times of this week it is open with nobody on shift.
    let openings: [HotlineOpening]
    let gaps: [HotlineCoverage.Gap]

    static func load(officeID: UUID, monday: CalendarDate, manage: Bool, profile: Volunteer?, request: Request) async throws -> WeekView {
        let db = request.db
        let cipher = request.application.fieldCipher
        let from = ShanghaiTime.instant(localMinute: "\(monday)T00:00")!
        let shifts = try await Shift.query(on: db).filter(\.$officeID == officeID).filter(\.$startsAt >= from)
            .filter(\.$startsAt < from.addingTimeInterval(7 * 24 * 3600)).sort(\.$startsAt).all()
        let places = shifts.isEmpty ? [] : try await ShiftPlace.query(on: db).filter(\.$shiftID ~~ shifts.map { $0.id! })
            .filter(\.$cancelledAt == nil).all()
        let volunteers = try await Volunteer.query(on: db).filter(\.$officeID == officeID).all()
        let names = Dictionary(uniqueKeysWithValues: try volunteers.map { ($0.id!, try cipher.open($0.nameCipher)) })
        let rows = shifts.map { shift in
            let here = places.filter { $0.shiftID == shift.id }
            return Row(shift: shift,
                       people: here.compactMap { place in volunteers.first { $0.id == place.volunteerID }.map { ($0, names[$0.id!] ?? "", place) } },
                       mine: here.first { $0.volunteerID == profile?.id })
        }
        guard let office = try await Office.find(officeID, on: db) else { throw HuzhuAbort.notFound }
        return WeekView(officeID: officeID, officeName: office.name, monday: monday, manage: manage,
                        profile: profile, rows: rows,
                        roster: volunteers.filter { $0.status == .active }.map { ($0.id!, names[$0.id!] ?? "") }.sorted { $0.name < $1.name },
                        noticeHours: request.application.shiftNoticeHours,
                        openings: try await HotlineOpening.query(on: db).filter(\.$officeID == officeID).sort(\.$weekday).sort(\.$opens).all(),
                        gaps: try await HotlineCoverage.gaps(.office(ngo: office.ngoID, office: officeID), from: monday, days: 7, db: db))
    }

    func render(_ page: PageContext, offices: [Office], errors: ValidationErrors, typed: [String: String], now: Date) -> Node<HTML.BodyContext> {
        let t = page.t
        let office = officeID.uuidString.lowercased()
        let days = (0..<7).map { monday.adding(days: $0) }
        return .group(
            .p(.a(.href(queryLink(VolunteersRoute.shifts.path, [("office", office), ("week", monday.adding(days: -7).description)])),
                  .text(t("shifts.previous_week"))), .text(" · \(officeName) · \(monday) – \(monday.adding(days: 6)) · "),
               .a(.href(queryLink(VolunteersRoute.shifts.path, [("office", office), ("week", monday.adding(days: 7).description)])),
                  .text(t("shifts.next_week"))), .text(" · "), .a(.href(VolunteersRoute.hours.path), .text(t("hours.title"))),
               .if(manage, .group(.text(" · "), .a(.href(VolunteersRoute.volunteers.path), .text(t("volunteers.title")))))),
            .if(manage && offices.count > 1, .form(.method(.get), .action(VolunteersRoute.shifts.path), .class("filters"),
                Forms.hidden("week", monday.description),
                Forms.select("office", options: offices.map { ($0.id!.uuidString.lowercased(), $0.name) }, selected: office,
                             errors: ValidationErrors(), t),
                Forms.submit(t("list.filter")))),
            .if(profile != nil, .p(.class("hint"), .text(t("shifts.notice", String(noticeHours))))),
            .forEach(days) { day in
                let shifts = rows.filter { $0.shift.day == day }
                let unanswered = gaps.filter { CalendarDate($0.start) == day }
                return .section(.class("card day"), .h2(.text(t.date(ShanghaiTime.instant(localMinute: "\(day)T12:00")!) + " " + t("weekday.\(Coverage.weekday(day) - 1)"))),
                    .forEach(unanswered) { gap in .p(.class("notice error"), .text(t("coverage.gap", Self.span(gap.start, gap.end)))) },
                    .if(shifts.isEmpty, .p(.class("empty"), .text(t("shifts.none")))),
                    .ul(.class("shifts"), .forEach(shifts) { row in shiftItem(row, page, now: now) }))
            },
            .if(manage, openingsCard(page, errors: errors, typed: typed)),
            .if(manage, Forms.action(t("shifts.new"), open: !errors.isEmpty && !openingForm(errors), VolunteersRoute.shifts.path, page, nodes: [
                openingForm(errors) ? .empty : Forms.errorSummary(errors, t),
                Forms.hidden("office", office),
                Forms.select("duty", options: Duty.allCases.map { ($0.rawValue, t("duty.\($0.rawValue)")) }, selected: typed["duty"] ?? "hotline",
                             errors: errors, t),
                Forms.text("first_day", value: typed["first_day"] ?? monday.description, errors: errors, t, type: .date),
                Forms.text("starts", value: typed["starts"] ?? "18:30", errors: errors, t, type: .time),
                Forms.text("ends", value: typed["ends"] ?? "21:00", errors: errors, t, type: .time),
                Forms.text("capacity", value: typed["capacity"] ?? "2", errors: errors, t),
                Forms.text("weeks", value: typed["weeks"] ?? "1", errors: errors, t, hint: t("shifts.weeks_hint")),
                Forms.submit(t("shifts.new")),
            ])))
    }

    /// "18:30–21:00", in Beijing time.
    static func span(_ start: Date, _ end: Date) -> String {
        "\(ShanghaiTime.localMinute(start).suffix(5))–\(ShanghaiTime.localMinute(end).suffix(5))"
    }

    /// Whether the errors are the opening form's.
    private func openingForm(_ errors: ValidationErrors) -> Bool {
        ["weekday", "opens", "closes"].contains { errors.messageKey(for: $0) != nil }
    }

    /// The hotline's weekly openings, each removable, and the form to add one.
    private func openingsCard(_ page: PageContext, errors: ValidationErrors, typed: [String: String]) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(.class("card"), .h2(.text(t("coverage.openings"))),
            .if(openings.isEmpty, .p(.class("empty"), .text(t("coverage.no_openings")))),
            .ul(.forEach(openings) { opening in
                .li(.text("\(t("weekday.\(opening.weekday - 1)")) \(opening.opens)–\(opening.closes) "),
                    Forms.post(VolunteersRoute.openingRemove(.of(opening.id!)).path, page, Forms.submit(t("coverage.remove"))))
            }),
            Forms.action(t("coverage.add"), open: openingForm(errors), VolunteersRoute.openings.path, page, nodes: [
                openingForm(errors) ? Forms.errorSummary(errors, t) : .empty,
                Forms.hidden("office", officeID.uuidString),
                Forms.select("weekday", options: (1...7).map { (String($0), t("weekday.\($0 - 1)")) }, selected: typed["weekday"],
                             errors: errors, t),
                Forms.text("opens", value: typed["opens"] ?? "09:00", errors: errors, t, type: .time),
                Forms.text("closes", value: typed["closes"] ?? "18:00", errors: errors, t, type: .time),
                Forms.submit(t("coverage.add")),
            ]))
    }

    private func shiftItem(_ row: Row, _ page: PageContext, now: Date) -> Node<HTML.ListContext> {
        let t = page.t
        let shift = row.shift
        let id = RouteID.of(shift.id!)
        let open = shift.capacity - shift.taken
        let time = Self.span(shift.startsAt, shift.endsAt)
        let state = shift.taken == 0 ? t("shifts.uncovered") : open > 0 ? t("shifts.open_places", String(open)) : t("shifts.full")
        let ended = shift.endsAt <= now
        return .li(.class(shift.taken == 0 ? "shift uncovered" : open > 0 ? "shift gap" : "shift"),
            .p(.strong(.text("\(time) \(t("duty.\(shift.duty.rawValue)"))")), .text(" · \(shift.taken)/\(shift.capacity) · "),
               .span(.class("state"), .text(state))),
            .if(manage, .ul(.forEach(row.people) { person in
                .li(.text(person.name + (person.place.checkedInAt != nil ? " · \(t("shifts.checked_in"))" : "")),
                    .if(ended, Forms.post(VolunteersRoute.confirm(id).path, page,
                        Forms.hidden("volunteer", person.volunteer.id!.uuidString),
                        Forms.text("hours", value: Hours.text(shift.minutes), errors: ValidationErrors(), t,
                                   instance: person.place.id!.uuidString.lowercased()),
                        Forms.submit(t("shifts.confirm")))),
                    .if(!ended && shift.startsAt > now, Forms.post(VolunteersRoute.shiftCancel(id).path, page,
                        Forms.hidden("volunteer", person.volunteer.id!.uuidString), Forms.submit(t("shifts.remove")))))
            })),
            .if(manage && !ended && open > 0, Forms.post(VolunteersRoute.shiftPlaces(id).path, page,
                Forms.select("volunteer", options: roster.filter { person in !row.people.contains { $0.volunteer.id == person.id } }
                    .map { ($0.id.uuidString, $0.name) }, selected: nil, errors: ValidationErrors(), t, instance: shift.id!.uuidString.lowercased()),
                Forms.submit(t("shifts.assign")))),
            .unwrap(profile) { _ in ownActions(row, page, now: now) })
    }

    private func ownActions(_ row: Row, _ page: PageContext, now: Date) -> Node<HTML.BodyContext> {
        let t = page.t
        let shift = row.shift
        let id = RouteID.of(shift.id!)
        guard let mine = row.mine else {
            return .if(shift.endsAt > now && shift.taken < shift.capacity,
                       Forms.post(VolunteersRoute.shiftPlaces(id).path, page, Forms.submit(t("shifts.sign_up"))))
        }
        return .div(.class("mine"), .p(.text(t("shifts.you_are_on"))),
            .if(shift.startsAt > now, Forms.post(VolunteersRoute.shiftCancel(id).path, page, Forms.submit(t("shifts.cancel")))),
            .if(mine.checkedInAt == nil && now >= shift.startsAt.addingTimeInterval(-1800) && now < shift.endsAt,
                Forms.post(VolunteersRoute.checkIn(id).path, page, Forms.submit(t("shifts.check_in")))),
            .if(mine.checkedInAt != nil && mine.checkedOutAt == nil,
                Forms.post(VolunteersRoute.checkOut(id).path, page, Forms.submit(t("shifts.check_out")))),
            .if(mine.checkedOutAt != nil, .p(.text(t("shifts.checked_out")))))
    }
}
