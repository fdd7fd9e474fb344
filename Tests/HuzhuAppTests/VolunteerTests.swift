import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIndicators
@testable import HuzhuIntake
@testable import HuzhuCases
@testable import HuzhuOrg
import HuzhuPlatform
@testable import HuzhuVolunteers
import Testing
import Vapor

/// The volunteer corps: training before duty, shifts with places and notice, duty that lets a lawyer
/// answer the hotline, hours that count once approved.
@Suite("Volunteers and rosters")
struct VolunteerTests {
    /// Wednesday 2026-11-18, 19:06 in Beijing.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    /// The Beijing corps: a hotline course (valid 12 months) required for the hotline, and the demo lawyer
    /// and hotline volunteer enrolled and active, the lawyer trained.
    struct Corps {
        let course: Course
        let lawyer: Volunteer
        let student: Volunteer
    }

    static func corps(_ app: Application) async throws -> Corps {
        let work = try await app.work(as: "supervisor")
        let office = try await app.office("BJ")
        let course = try await Training.createCourse(name: "热线基础", validityMonths: "12", in: work)
        try await Training.require(course.id!.uuidString, for: "hotline", in: work)
        try await Training.require(course.id!.uuidString, for: "reception", in: work)
        func enrol(_ name: String, _ login: String, kind: String, certificate: String = "") async throws -> Volunteer {
            try await Volunteers.enrol(EnrolVolunteer(form: ["office": office.id!.uuidString, "name": name, "volunteer_kind": kind, "status": "active",
                                                             "certificate": certificate, "user": try await app.user(login).id!.uuidString]), in: work)
        }
        let lawyer = try await enrol("刘志强", "lawyer", kind: "lawyer", certificate: "11101201510234567")
        let student = try await enrol("张晓雨", "volunteer", kind: "law_student")
        try await Training.recordCompletion(of: lawyer, form: ["course": course.id!.uuidString, "completed_on": "2026-06-01",
                                                               "trainer": "李静", "result": "passed"], in: work)
        return Corps(course: course, lawyer: lawyer, student: student)
    }

    /// Shifts planned by the supervisor: the day, times, duty and places.
    static func plan(_ app: Application, day: String, _ start: String, _ end: String, duty: String = "hotline", capacity: Int = 2,
                     weeks: Int = 1) async throws -> [Shift] {
        try await Volunteers.plan(PlanShifts(form: ["office": try await app.office("BJ").id!.uuidString, "duty": duty, "first_day": day,
                                                    "starts": start, "ends": end, "capacity": String(capacity), "weeks": String(weeks)]),
                                  in: try await app.work(as: "supervisor"))
    }

    @Test("A volunteer without the required course, or with it expired, is neither rostered nor signed up, and is told which course")
    func trainingGate() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            let corps = try await Self.corps(app)
            let shift = try await Self.plan(app, day: "2026-11-20", "18:30", "21:00")[0]
            try await browser.login("volunteer")
            let signUp = try await browser.post("/shifts/\(shift.id!)/places")
            #expect(signUp.status == .unprocessableEntity && signUp.text.contains("尚未通过必修课程「热线基础」"))
            let supervisor = browser.fresh()
            try await supervisor.login("supervisor")
            let assign = try await supervisor.post("/shifts/\(shift.id!)/places", ["volunteer": corps.student.id!.uuidString])
            #expect(assign.status == .unprocessableEntity && assign.text.contains("热线基础"))
            #expect(try await ShiftPlace.query(on: app.db).count() == 0)
            #expect(try await Shift.find(shift.id, on: app.db)?.taken == 0)

            // Passed 2025-10-01, valid twelve months: good through 2026-09-30, so expired for a November shift.
            try await Training.recordCompletion(of: corps.student, form: ["course": corps.course.id!.uuidString, "completed_on": "2025-10-01",
                                                                          "trainer": "李静", "result": "passed"], in: try await app.work(as: "supervisor"))
            let expired = try await browser.post("/shifts/\(shift.id!)/places")
            #expect(expired.status == .unprocessableEntity && expired.text.contains("课程「热线基础」已于 2026-09-30 过期"))
            // A failed attempt does not count.
            try await Training.recordCompletion(of: corps.student, form: ["course": corps.course.id!.uuidString, "completed_on": "2026-11-01",
                                                                          "trainer": "李静", "result": "failed"], in: try await app.work(as: "supervisor"))
            #expect(try await browser.post("/shifts/\(shift.id!)/places").status == .unprocessableEntity)
            let page = try await supervisor.get("/volunteers/\(corps.student.id!)").text
            #expect(page.contains("缺少：热线基础"))
            // The API says the same, in the caller's language.
            try await Training.recordCompletion(of: corps.student, form: ["course": corps.course.id!.uuidString, "completed_on": "2026-11-02",
                                                                          "trainer": "李静", "result": "passed"], in: try await app.work(as: "supervisor"))
            #expect(try await browser.post("/shifts/\(shift.id!)/places").status == .seeOther)
            #expect(try await Shift.find(shift.id, on: app.db)?.taken == 1)
        }
    }

    @Test("Of two sign-ups for the last place exactly one wins; a cancellation needs notice and frees the place")
    func capacityAndNotice() async throws {
        let clock = TestClock(Self.start)
        try await withHuzhu(clock: clock) { app, browser in
            let corps = try await Self.corps(app)
            try await Training.recordCompletion(of: corps.student, form: ["course": corps.course.id!.uuidString, "completed_on": "2026-11-01",
                                                                          "trainer": "李静", "result": "passed"], in: try await app.work(as: "supervisor"))
            let shift = try await Self.plan(app, day: "2026-11-20", "18:30", "21:00", capacity: 1)[0]
            let lawyer = try await app.work(as: "lawyer")
            let student = try await app.work(as: "volunteer")
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for (work, volunteer) in [(lawyer, corps.lawyer), (student, corps.student)] {
                    group.addTask { (try? await Volunteers.place(volunteer, on: shift, in: work)) != nil }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await ShiftPlace.query(on: app.db).filter(\.$cancelledAt == nil).count() == 1)
            #expect(try await Shift.find(shift.id, on: app.db)?.taken == 1)
            let holder = try await ShiftPlace.query(on: app.db).first()!.volunteerID == corps.lawyer.id ? "lawyer" : "volunteer"
            let other = holder == "lawyer" ? "volunteer" : "lawyer"
            try await browser.login(other)
            let full = try await browser.post("/shifts/\(shift.id!)/places")
            #expect(full.status == .unprocessableEntity && full.text.contains("此班次已满"))

            // 2 days before: fine to give up. Within 24 hours of the start: refused, the place kept.
            clock.advance(2 * 24 * 3600 - 3600)  // Friday 18:06, under half an hour before 18:30.
            let mine = browser.fresh()
            try await mine.login(holder)
            let late = try await mine.post("/shifts/\(shift.id!)/cancel")
            #expect(late.status == .unprocessableEntity && late.text.contains("须至少提前 24 小时"))
            #expect(try await Shift.find(shift.id, on: app.db)?.taken == 1)
            // Staff may still take them off; the place is then free for the other.
            let supervisor = browser.fresh()
            try await supervisor.login("supervisor")
            let holderID = holder == "lawyer" ? corps.lawyer.id! : corps.student.id!
            #expect(try await supervisor.post("/shifts/\(shift.id!)/cancel", ["volunteer": holderID.uuidString]).status == .seeOther)
            #expect(try await Shift.find(shift.id, on: app.db)?.taken == 0)
            try await browser.login(other)  // signed in again: the clock moved past the session's idle limit
            #expect(try await browser.post("/shifts/\(shift.id!)/places").status == .seeOther)
            #expect(try await Shift.find(shift.id, on: app.db)?.taken == 1)
        }
    }

    @Test("A volunteer cancels in time and the place is free again")
    func cancelInTime() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            _ = try await Self.corps(app)
            let shift = try await Self.plan(app, day: "2026-11-23", "18:30", "21:00")[0]
            try await browser.login("lawyer")
            #expect(try await browser.post("/shifts/\(shift.id!)/places").status == .seeOther)
            #expect(try await browser.get("/shifts?week=2026-11-23").text.contains("你在此班次中"))
            #expect(try await browser.post("/shifts/\(shift.id!)/cancel").status == .seeOther)
            #expect(try await Shift.find(shift.id, on: app.db)?.taken == 0)
            #expect(try await browser.post("/shifts/\(shift.id!)/places").status == .seeOther)
            #expect(try await Shift.find(shift.id, on: app.db)?.taken == 1)
            #expect(try await app.auditActions().suffix(3) == ["corps.place.take", "corps.place.cancel", "corps.place.take"])
        }
    }

    @Test("A lawyer on a hotline shift records a contact; the same lawyer outside the shift gets 403")
    func onDuty() async throws {
        let clock = TestClock(Self.start)
        try await withHuzhu(clock: clock) { app, browser in
            let corps = try await Self.corps(app)
            // This evening, 18:30-21:00: now is 19:06.
            let now = try await Self.plan(app, day: "2026-11-18", "18:30", "21:00")[0]
            try await Volunteers.place(corps.lawyer, on: now, in: try await app.work(as: "lawyer"))
            try await browser.login("lawyer")
            #expect(try await browser.get("/intake").status == .ok)
            #expect(try await browser.recordContact(phone: "13800138000", newWorker: "王建国").status == .seeOther)
            #expect(try await app.contacts().count == 1)
            #expect(try await browser.get("/contacts/\(try await app.contacts()[0].id!)").status == .ok)
            clock.advance(2 * 3600)  // 21:06: the shift is over.
            try await browser.login("lawyer")  // again: the clock moved past the session's idle limit
            #expect(try await browser.get("/intake").status == .forbidden)
            #expect(try await browser.recordContact(phone: "13800138001", newWorker: "李四").status == .forbidden)
            #expect(try await app.contacts().count == 1)
            // Outside any shift from the start, and a mediation shift is not hotline duty.
            let mediation = try await Self.plan(app, day: "2026-11-18", "21:00", "23:00", duty: "mediation")[0]
            try await Volunteers.place(corps.lawyer, on: mediation, in: try await app.work(as: "lawyer"))
            #expect(try await browser.get("/intake").status == .forbidden)
        }
    }

    @Test("Approved hours count in human input for the office, the NGO and the network; unapproved and rejected do not")
    func hoursIndicator() async throws {
        let clock = TestClock(Self.start)
        try await withHuzhu(clock: clock) { app, browser in
            let corps = try await Self.corps(app)
            let shift = try await Self.plan(app, day: "2026-11-18", "18:30", "21:00")[0]
            try await Volunteers.place(corps.lawyer, on: shift, in: try await app.work(as: "lawyer"))
            try await browser.login("lawyer")
            #expect(try await browser.post("/shifts/\(shift.id!)/check-in").status == .seeOther)
            clock.advance(3600 + 54 * 60)  // 21:00
            try await browser.login("lawyer")  // again: the clock moved past the session's idle limit
            #expect(try await browser.post("/shifts/\(shift.id!)/check-out").status == .seeOther)
            #expect(try await browser.post("/hours", ["worked_on": "2026-11-17", "hours": "3", "hours_kind": "case_work", "note": "起草仲裁申请书"]).status == .seeOther)
            #expect(try await browser.post("/hours", ["worked_on": "2026-11-16", "hours": "1.5", "hours_kind": "travel"]).status == .seeOther)
            let logs = try await HourLog.query(on: app.db).sort(\.$workedOn, .descending).all()
            try #require(logs.count == 3)
            #expect(logs.map(\.minutes) == [113, 180, 90])
            let engine = IndicatorEngine(db: app.db, sources: app.indicatorSources)
            let office = try await app.office("BJ")
            let scopes: [Scope] = [.office(ngo: office.ngoID, office: office.id!), .ngo(office.ngoID), .network]
            let november = IndicatorPeriod.month(2026, 11)
            for scope in scopes { #expect(try await engine.compute(november, scope: scope)[.humanInputHours] == 0) }

            let supervisor = browser.fresh()
            try await supervisor.login("supervisor")
            #expect(try await supervisor.get("/").text.contains("3 条时长待审核"))
            #expect(try await supervisor.post("/hours/\(logs[0].id!)/decision", ["decision": "approve"]).status == .seeOther)
            #expect(try await supervisor.post("/hours/\(logs[1].id!)/decision", ["decision": "approve"]).status == .seeOther)
            #expect(try await supervisor.post("/hours/\(logs[2].id!)/decision", ["decision": "reject"]).status == .seeOther)
            // 113 + 180 minutes: 4.9 hours, 5 in whole hours.
            for scope in scopes { #expect(try await engine.compute(november, scope: scope)[.humanInputHours] == 5) }
            let shenzhen = try await app.office("SZ")
            #expect(try await engine.compute(november, scope: .office(ngo: shenzhen.ngoID, office: shenzhen.id!))[.humanInputHours] == 0)
            #expect(try await engine.compute(IndicatorPeriod.month(2026, 10), scope: .network)[.humanInputHours] == 0)
            // Decided once; nobody decides on their own hours.
            #expect(try await supervisor.post("/hours/\(logs[0].id!)/decision", ["decision": "reject"]).status == .unprocessableEntity)
            #expect(try await browser.post("/hours/\(logs[2].id!)/decision", ["decision": "approve"]).status == .notFound)
        }
    }

    @Test("Bad input gets a localised error and writes nothing")
    func badInput() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            _ = try await Self.corps(app)
            try await browser.login("supervisor")
            let office = try await app.office("BJ").id!.uuidString
            let volunteers = try await Volunteer.query(on: app.db).count()
            let short = try await browser.post("/volunteers", ["office": office, "name": "陈律师", "volunteer_kind": "lawyer", "certificate": "1110120151023"])
            #expect(short.status == .unprocessableEntity && short.text.contains("执业证号") && short.text.contains("17"))
            #expect(try await Volunteer.query(on: app.db).count() == volunteers)

            let shifts = try await Shift.query(on: app.db).count()
            let backwards = try await browser.post("/shifts", ["office": office, "duty": "hotline", "first_day": "2026-11-25", "starts": "21:00",
                                                               "ends": "18:30", "capacity": "2", "weeks": "1"])
            #expect(backwards.status == .unprocessableEntity && backwards.text.contains("结束时间不晚于开始时间"))
            #expect(try await Shift.query(on: app.db).count() == shifts)

            let first = try await Self.plan(app, day: "2026-11-25", "18:30", "21:00")[0]
            let overlapping = try await Self.plan(app, day: "2026-11-25", "20:00", "22:00")[0]
            let lawyer = browser.fresh()
            try await lawyer.login("lawyer")
            #expect(try await lawyer.post("/shifts/\(first.id!)/places").status == .seeOther)
            let overlap = try await lawyer.post("/shifts/\(overlapping.id!)/places")
            #expect(overlap.status == .unprocessableEntity && overlap.text.contains("同一时间已有其他班次"))
            #expect(try await Shift.find(overlapping.id, on: app.db)?.taken == 0)

            #expect(try await lawyer.post("/hours", ["worked_on": "2026-11-17", "hours": "20", "hours_kind": "case_work"]).status == .seeOther)
            let over = try await lawyer.post("/hours", ["worked_on": "2026-11-17", "hours": "5", "hours_kind": "case_work"])
            #expect(over.status == .unprocessableEntity && over.text.contains("一天登记的时长不能超过 24 小时"))
            let zero = try await lawyer.post("/hours", ["worked_on": "2026-11-17", "hours": "0", "hours_kind": "case_work"])
            #expect(zero.status == .unprocessableEntity && zero.text.contains("时长须大于零"))
            let future = try await lawyer.post("/hours", ["worked_on": "2026-12-17", "hours": "1", "hours_kind": "case_work"])
            #expect(future.status == .unprocessableEntity)
            #expect(try await HourLog.query(on: app.db).count() == 1)
        }
    }

    @Test("A lawyer whose firm acts for a respondent is not assigned the case, with the reason")
    func firmConflict() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            let office = try await app.office("BJ")
            _ = try await Volunteers.enrol(EnrolVolunteer(form: [
                "office": office.id!.uuidString, "name": "刘志强", "volunteer_kind": "lawyer", "status": "active", "certificate": "11101201510234567",
                "firm": "某律师事务所", "firm_clients": "某建筑劳务有限公司\n另一家公司", "user": try await app.user("lawyer").id!.uuidString,
            ]), in: try await app.work(as: "supervisor"))
            try await browser.login("caseworker")
            let caseID = try await browser.openCase(title: "欠薪", respondent: "某建筑劳务 有限公司").id!
            let refused = try await browser.post("/cases/\(caseID)/assignees", ["assignee": try await app.user("lawyer").id!.uuidString])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("其律所代理被申请人"))
            #expect(try await CaseAssignee.query(on: app.db).filter(\.$userID == app.user("lawyer").id!).count() == 0)
        }
    }

    /// The sealed roster a preview page carries to its confirmation.
    static func sealedRoster(_ page: String) -> String? {
        guard let range = page.range(of: #"name="roster" value="[^"]+""#, options: .regularExpression) else { return nil }
        return String(page[range].dropFirst(#"name="roster" value=""#.count).dropLast())
    }

    @Test("A roster is previewed with every row's problems and nothing written, then imported once; known and repeated phones are skipped")
    func rosterImport() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            let office = try await app.office("BJ").id!.uuidString
            _ = try await Volunteers.enrol(EnrolVolunteer(form: ["office": office, "name": "已在册", "volunteer_kind": "counsellor",
                                                                 "phone": "13800138109"]), in: try await app.work(as: "supervisor"))
            try await browser.login("supervisor")
            let csv = """
                姓名,手机,类别,状态,执业证号,律所,律所代理的用人单位
                王律师,13800138101,律师,在岗,11101201510234568,某律师事务所,某建筑公司；某电子厂
                李同学,13800138102,law_student,trainee,,,
                赵律师,13800138103,lawyer,,123,,
                钱老师,,counsellor,,,,
                王律师重复,13800138101,,,,,
                已在册,13800138109,,,,,
                """.replacingOccurrences(of: "\n", with: "\r\n")
            let before = try await Volunteer.query(on: app.db).count()
            let preview = try await browser.upload("/volunteers/import", fields: [("office", office)], file: "名册.csv", type: "text/csv",
                                                   data: Data(csv.utf8))
            #expect(preview.status == .ok)
            #expect(preview.text.contains("可以导入：2 行") && preview.text.contains("有问题：2 行"))
            #expect(preview.text.contains("已在册（跳过）：1 行 (7)") && preview.text.contains("文件中重复（跳过）：1 行 (6)"))
            #expect(preview.text.contains("执业证号") && preview.text.contains("17"))
            #expect(try await Volunteer.query(on: app.db).count() == before, "a preview writes nothing")
            let sealed = try #require(Self.sealedRoster(preview.text))
            #expect(!sealed.contains("13800138101"), "the file travels sealed")

            // Another manager cannot import it, nor can an altered blob be imported.
            let other = browser.fresh()
            try await other.login("ngoadmin")
            let stolen = try await other.post("/volunteers/import/confirm", ["roster": sealed])
            #expect(stolen.status == .unprocessableEntity && stolen.text.contains("此预览已失效"))
            var bytes = try #require(Data(base64Encoded: sealed))
            bytes[bytes.count / 2] ^= 0x01
            #expect(try await browser.post("/volunteers/import/confirm", ["roster": bytes.base64EncodedString()]).status == .unprocessableEntity)
            #expect(try await Volunteer.query(on: app.db).count() == before)

            let done = try await browser.post("/volunteers/import/confirm", ["roster": sealed])
            #expect(done.status == .ok && done.text.contains("已录入 2 名志愿者"))
            let imported = try await Volunteer.query(on: app.db).filter(\.$officeID == app.office("BJ").id!).all()
            let names = try imported.map { try app.fieldCipher.open($0.nameCipher) }
            let lawyer = try #require(imported.enumerated().first { names[$0.offset] == "王律师" }?.element)
            #expect(lawyer.kind == .lawyer && lawyer.status == .active && lawyer.firmClientNames == ["某建筑公司", "某电子厂"])
            #expect(imported.enumerated().first { names[$0.offset] == "李同学" }?.element.status == .trainee)
            // The same confirmation pressed again finds everyone known.
            let again = try await browser.post("/volunteers/import/confirm", ["roster": sealed])
            #expect(again.text.contains("已录入 0 名志愿者") && again.text.contains("已在册（跳过）：3 行"))
            #expect(try await Volunteer.query(on: app.db).count() == before + 2)

            let noPhone = try await browser.upload("/volunteers/import", fields: [("office", office)], file: "名册.csv", type: "text/csv",
                                                   data: Data("姓名,备注\r\n王五,无\r\n".utf8))
            #expect(noPhone.status == .unprocessableEntity && noPhone.text.contains("手机"))
            let template = try await browser.get("/volunteers/import/template.csv")
            #expect(template.status == .ok && template.text.contains("姓名") && template.text.contains("执业证号"))
        }
    }

    @Test("An hour the hotline is open with nobody on shift is flagged on the week page and the supervisor's home until someone trained is placed")
    func hotlineCoverage() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            let corps = try await Self.corps(app)
            let office = try await app.office("BJ").id!.uuidString.lowercased()
            try await browser.login("supervisor")
            // Thursday 2026-11-19, open 18:00-21:00.
            #expect(try await browser.post("/shifts/openings", ["office": office, "weekday": "4", "opens": "18:00", "closes": "21:00"]).status == .seeOther)
            let week = "/shifts?office=\(office)&week=2026-11-16"
            #expect(try await browser.get(week).text.contains("热线开放但无人值班：18:00–21:00"))
            #expect(try await browser.get("/").text.contains("热线开放但无人值班"))

            let shift = try await Self.plan(app, day: "2026-11-19", "18:30", "21:00")[0]
            #expect(try await browser.get(week).text.contains("热线开放但无人值班：18:00–21:00"), "a shift nobody is on covers nothing")
            #expect(try await browser.post("/shifts/\(shift.id!)/places", ["volunteer": corps.lawyer.id!.uuidString]).status == .seeOther)
            let covered = try await browser.get(week).text
            #expect(covered.contains("热线开放但无人值班：18:00–18:30") && !covered.contains("无人值班：18:00–21:00"))

            // Bad hours are refused with the reason and change nothing.
            let backwards = try await browser.post("/shifts/openings", ["office": office, "weekday": "4", "opens": "21:00", "closes": "18:00"])
            #expect(backwards.status == .unprocessableEntity && backwards.text.contains("关闭时间必须晚于开放时间"))
            let overlap = try await browser.post("/shifts/openings", ["office": office, "weekday": "4", "opens": "20:00", "closes": "22:00"])
            #expect(overlap.status == .unprocessableEntity && overlap.text.contains("重叠"))
            let badDay = try await browser.post("/shifts/openings", ["office": office, "weekday": "8", "opens": "09:00", "closes": "10:00"])
            #expect(badDay.status == .unprocessableEntity)
            #expect(try await HotlineOpening.query(on: app.db).count() == 1)

            // A volunteer cannot change the hours; the supervisor removes them and the gap goes.
            let opening = try #require(try await HotlineOpening.query(on: app.db).first())
            let volunteer = browser.fresh()
            try await volunteer.login("volunteer")
            #expect(try await volunteer.post("/shifts/openings/\(opening.id!)/remove").status == .forbidden)
            #expect(try await browser.post("/shifts/openings/\(opening.id!)/remove").status == .seeOther)
            #expect(!(try await browser.get(week).text.contains("热线开放但无人值班")))
        }
    }

    @Test("A supervisor corrects a profile; bad input, a phone another volunteer has, or someone who keeps no corps changes nothing")
    func profileCorrection() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            let corps = try await Self.corps(app)
            let office = try await app.office("BJ").id!.uuidString
            _ = try await Volunteers.enrol(EnrolVolunteer(form: ["office": office, "name": "另一位", "volunteer_kind": "other", "phone": "13800138222"]),
                                           in: try await app.work(as: "supervisor"))
            try await browser.login("supervisor")
            let path = "/volunteers/\(corps.student.id!)/profile"
            var form = ["office": office, "name": "张晓雨（法学院）", "phone": "13800138111", "volunteer_kind": "law_student", "skills": "粤语热线",
                        "user": try await app.user("volunteer").id!.uuidString]
            #expect(try await browser.post(path, form).status == .seeOther)
            let page = try await browser.get("/volunteers/\(corps.student.id!)").text
            #expect(page.contains("张晓雨（法学院）") && page.contains("粤语热线") && !page.contains("13800138111"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "corps.profile.update").count() == 1)

            // The phone left empty is kept; a lawyer needs a certificate; a phone is one volunteer's.
            form["phone"] = ""
            form["skills"] = "粤语、四川话热线"
            #expect(try await browser.post(path, form).status == .seeOther)
            let kept = try #require(try await Volunteer.find(corps.student.id, on: app.db))
            #expect(try kept.phoneCipher.map { try app.fieldCipher.open($0) } == "13800138111")
            let lawyer = try await browser.post(path, form.merging(["volunteer_kind": "lawyer"]) { $1 })
            #expect(lawyer.status == .unprocessableEntity && lawyer.text.contains("律师执业证号"))
            let taken = try await browser.post(path, form.merging(["phone": "13800138222"]) { $1 })
            #expect(taken.status == .unprocessableEntity && taken.text.contains("本机构已有志愿者使用这个手机号"))
            let elsewhere = try await browser.post(path, form.merging(["office": try await app.office("SZ").id!.uuidString]) { $1 })
            #expect(elsewhere.status == .unprocessableEntity, "the supervisor keeps no corps in Shenzhen")
            let after = try #require(try await Volunteer.find(corps.student.id, on: app.db))
            #expect(after.kind == .lawStudent && after.skills == "粤语、四川话热线" && after.officeID.uuidString == office)

            let volunteer = browser.fresh()
            try await volunteer.login("volunteer")
            #expect(try await volunteer.post(path, form.merging(["name": "改名"]) { $1 }).status == .forbidden)
            #expect(try app.fieldCipher.open(try #require(try await Volunteer.find(corps.student.id, on: app.db)).nameCipher) == "张晓雨（法学院）")
        }
    }

    @Test("A firm's report counts its lawyers' approved hours month by month; pending hours, other years, other offices and lawyers of no firm do not count")
    func firmReport() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            let work = try await app.work(as: "supervisor")
            let beijing = try await app.office("BJ")
            func lawyer(_ name: String, _ certificate: String, firm: String) async throws -> Volunteer {
                try await Volunteers.enrol(EnrolVolunteer(form: ["office": beijing.id!.uuidString, "name": name, "volunteer_kind": "lawyer",
                                                                 "certificate": certificate, "firm": firm, "status": "active"]), in: work)
            }
            let chen = try await lawyer("陈律师", "11101200810345678", firm: "北京某律师事务所")
            let wang = try await lawyer("王律师", "11101201210456789", firm: " 北京某律师事务所 ")
            let li = try await lawyer("李律师", "11101201510234567", firm: "另一律所")
            let admin = try await app.user("supervisor").id!
            func hours(_ volunteer: Volunteer, _ day: String, minutes: Int, approved: Bool = true) async throws {
                let entry = HourLog()
                entry.ngoID = volunteer.ngoID
                entry.officeID = volunteer.officeID
                entry.volunteerID = volunteer.id!
                entry.workedOn = CalendarDate(iso: day)!
                entry.minutes = minutes
                entry.kind = .caseWork
                entry.loggedBy = admin
                entry.loggedAt = Self.start
                entry.approvedBy = approved ? admin : nil
                entry.approvedAt = approved ? Self.start : nil
                try await entry.create(on: app.db)
            }
            try await hours(chen, "2026-03-02", minutes: 150)
            try await hours(chen, "2026-03-20", minutes: 90)
            try await hours(chen, "2026-11-02", minutes: 60)
            try await hours(wang, "2026-11-03", minutes: 180)
            try await hours(wang, "2026-11-04", minutes: 600, approved: false)
            try await hours(wang, "2025-12-31", minutes: 600)
            try await hours(li, "2026-05-01", minutes: 30)

            try await browser.login("supervisor")
            let summary = try await browser.get("/volunteers/firms?year=2026")
            #expect(summary.status == .ok)
            // 北京某律师事务所: 150 + 90 + 60 + 180 minutes = 8 hours; 另一律所: half an hour.
            #expect(summary.text.contains("北京某律师事务所") && summary.text.contains(">8<") && summary.text.contains(">0.5<"))
            let report = try await browser.get("/volunteers/firms?year=2026&firm=" + "北京某律师事务所".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(report.text.contains("北京某律师事务所 2026 年公益法律服务时长") && report.text.contains("陈律师") && report.text.contains("王律师"))
            #expect(!report.text.contains("李律师") && report.text.contains("11101200810345678"))
            let csv = try await browser.get("/volunteers/firms.csv?year=2026")
            let rows = CSV.parse(String(csv.text.dropFirst(CSV.byteOrderMark.count)))
            #expect(rows.count == 4)
            #expect(rows.contains(["北京某律师事务所", "陈律师", "11101200810345678", "0", "0", "4", "0", "0", "0", "0", "0", "0", "0", "1", "0", "5"]))
            #expect(rows.contains(["北京某律师事务所", "王律师", "11101201210456789", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "3", "0", "3"]))
            #expect(try await browser.get("/volunteers/firms?year=2025").text.contains(">10<"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "corps.firms.report").count() == 4)

            // Shenzhen's supervisor would see none of Beijing's lawyers; a caseworker may not open it.
            let caseworker = browser.fresh()
            try await caseworker.login("caseworker")
            #expect(try await caseworker.get("/volunteers/firms").status == .forbidden)
            let shenzhen = try await app.office("SZ")
            let nothing = try await FirmHours.year(2026, in: .office(ngo: shenzhen.ngoID, office: shenzhen.id!), db: app.db, cipher: app.fieldCipher)
            #expect(nothing.isEmpty)
        }
    }
}
