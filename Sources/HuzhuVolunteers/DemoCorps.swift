import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The demo's volunteer corps in Beijing: ten volunteers in every status (the demo lawyer and hotline
/// volunteer among them), two courses required for the hotline, a fortnight of evening hotline shifts
/// and Saturday reception against the hotline's weekday-evening hours (one evening with nobody on it), and last month's approved hours, so the
/// published demo figures show human input.
enum DemoCorps {
    static func loadIfEmpty(into app: Application) async throws -> [String] {
        let db = app.db
        guard try await Volunteer.query(on: db).count() == 0,
              let office = try await Office.query(on: db).filter(\.$code == "BJ").first(),
              let supervisor = try await User.query(on: db).filter(\.$login == "supervisor").first() else { return [] }
        let cipher = app.fieldCipher
        let now = app.clock.now()
        let today = CalendarDate(now)
        let lawyer = try await User.query(on: db).filter(\.$login == "lawyer").first()
        let hotline = try await User.query(on: db).filter(\.$login == "volunteer").first()
        let people: [(name: String, kind: VolunteerKind, status: VolunteerStatus, user: UUID?, certificate: String?)] = [
            ("刘志强", .lawyer, .active, lawyer?.id, "11101201510234567"),
            ("张晓雨", .lawStudent, .active, hotline?.id, nil),
            ("陈律师", .lawyer, .active, nil, "11101200810345678"),
            ("王同学", .lawStudent, .active, nil, nil),
            ("李咨询师", .counsellor, .active, nil, nil),
            ("赵记者", .journalist, .paused, nil, nil),
            ("孙老师", .scholar, .trainee, nil, nil),
            ("周同学", .lawStudent, .trainee, nil, nil),
            ("吴女士", .other, .applicant, nil, nil),
            ("郑律师", .lawyer, .left, nil, "11101201210456789"),
        ]
        try await db.write { db in
            let basics = course("热线基础", months: 24, office.ngoID, now)
            let law = course("劳动法基础", months: nil, office.ngoID, now)
            try await basics.create(on: db)
            try await law.create(on: db)
            for (duty, course) in [(Duty.hotline, basics), (.hotline, law), (.reception, law), (.mediation, law)] {
                let requirement = DutyRequirement()
                requirement.ngoID = office.ngoID
                requirement.duty = duty
                requirement.courseID = course.id!
                try await requirement.create(on: db)
            }
            var active: [Volunteer] = []
            for person in people {
                let volunteer = Volunteer()
                volunteer.ngoID = office.ngoID
                volunteer.officeID = office.id!
                volunteer.userID = person.user
                volunteer.nameCipher = try cipher.seal(person.name)
                volunteer.kind = person.kind
                volunteer.skills = person.kind == .lawyer ? "劳动争议仲裁、诉讼" : "热线接听"
                volunteer.languages = "普通话"
                volunteer.availability = "工作日晚上、周六上午"
                volunteer.certificate = person.certificate
                volunteer.firm = person.kind == .lawyer ? "北京某律师事务所（演示）" : nil
                volunteer.firmClients = ""
                volunteer.status = person.status
                volunteer.statusSince = today.adding(months: -6)
                volunteer.createdAt = now
                try await volunteer.create(on: db)
                let change = VolunteerStatusChange()
                change.volunteerID = volunteer.id!
                change.status = person.status
                change.on = volunteer.statusSince
                change.reason = ""
                change.byID = supervisor.id!
                change.at = now
                try await change.create(on: db)
                guard person.status == .active || person.status == .paused else { continue }
                for course in [basics, law] {
                    let completion = CourseCompletion()
                    completion.ngoID = office.ngoID
                    completion.volunteerID = volunteer.id!
                    completion.courseID = course.id!
                    completion.completedOn = today.adding(months: -7)
                    completion.trainer = "李静"
                    completion.passed = true
                    completion.recordedBy = supervisor.id!
                    try await completion.create(on: db)
                }
                if person.status == .active { active.append(volunteer) }
            }
            // The hotline answers on weekday evenings: what the shifts are measured against.
            for weekday in 1...5 {
                let opening = HotlineOpening()
                opening.ngoID = office.ngoID
                opening.officeID = office.id!
                opening.weekday = weekday
                opening.opens = "18:30"
                opening.closes = "21:00"
                try await opening.create(on: db)
            }
            // A fortnight from this week's Monday: hotline on weekday evenings, reception on Saturday mornings.
            let monday = today.adding(days: -((today.dayNumber % 7 + 10) % 7))
            for offset in 0..<14 {
                let day = monday.adding(days: offset)
                let weekday = (day.dayNumber % 7 + 10) % 7
                guard weekday < 6 else { continue }
                let duty: Duty = weekday == 5 ? .reception : .hotline
                let (start, end) = weekday == 5 ? ("09:00", "12:00") : ("18:30", "21:00")
                let shift = Shift()
                shift.ngoID = office.ngoID
                shift.officeID = office.id!
                shift.duty = duty
                shift.startsAt = ShanghaiTime.instant(localMinute: "\(day)T\(start)")!
                shift.endsAt = ShanghaiTime.instant(localMinute: "\(day)T\(end)")!
                shift.capacity = 2
                // The second Wednesday has nobody on it: the gap the supervisor's home page flags.
                let staffed = offset == 9 ? [] : [active[offset % active.count], active[(offset + 1) % active.count]]
                    .filter { $0.userID == nil || offset % 2 == 0 }
                shift.taken = staffed.count
                shift.createdBy = supervisor.id!
                shift.createdAt = now
                try await shift.create(on: db)
                for volunteer in staffed {
                    let place = ShiftPlace()
                    place.ngoID = office.ngoID
                    place.officeID = office.id!
                    place.shiftID = shift.id!
                    place.volunteerID = volunteer.id!
                    place.placedBy = supervisor.id!
                    place.placedAt = now
                    try await place.create(on: db)
                }
            }
            // Last month's hours, approved: two evenings a week each for the active volunteers.
            let lastMonth = CalendarDate(year: today.year, month: today.month, day: 1)!.adding(months: -1)
            for (index, volunteer) in active.enumerated() {
                for week in 0..<4 {
                    let entry = HourLog()
                    entry.ngoID = office.ngoID
                    entry.officeID = office.id!
                    entry.volunteerID = volunteer.id!
                    entry.workedOn = lastMonth.adding(days: week * 7 + index)
                    entry.minutes = 150 + 30 * (index % 3)
                    entry.kind = index == 2 ? .caseWork : .shift
                    entry.loggedBy = supervisor.id!
                    entry.loggedAt = now
                    entry.approvedBy = supervisor.id!
                    entry.approvedAt = now
                    try await entry.create(on: db)
                }
            }
        }
        return ["志愿者 / Volunteers: /volunteers · 排班 / Shifts: /shifts (supervisor, lawyer, volunteer)"]
    }

    private static func course(_ name: String, months: Int?, _ ngo: UUID, _ now: Date) -> Course {
        let course = Course()
        course.ngoID = ngo
        course.name = name
        course.validityMonths = months
        course.createdAt = now
        return course
    }
}
