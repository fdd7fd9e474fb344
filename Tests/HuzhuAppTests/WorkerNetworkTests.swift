import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIndicators
@testable import HuzhuIntake
import HuzhuPlatform
@testable import HuzhuWorkerNetwork
import Testing
import Vapor
import VaporTesting

/// The worker network: groups reached through leaders, and trainings with places, a waiting list and a
/// roll call whose attendances are indicator 10 and whose trainees are direct beneficiaries.
@Suite("The worker network: groups and trainings")
struct WorkerNetworkTests {
    /// Wednesday 2026-11-18, 19:06 in Beijing.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func training(_ app: Application, day: String = "2026-11-20", starts: String = "19:00", capacity: Int = 2,
                         waitingList: Bool = true) async throws -> Training {
        try await Trainings.create(CreateTraining(form: [
            "office": try await app.office("BJ").id!.uuidString, "training_kind": "legal_knowledge", "training_title": "劳动合同与欠薪",
            "day": day, "starts": starts, "ends": "21:00", "place": "活动室", "trainer": "王磊", "capacity": String(capacity),
            "waiting_list": waitingList ? "on" : "",
        ]), in: try await app.work(as: "caseworker"))
    }

    static func person(_ number: Int) -> Person {
        Person(form: ["full_name": "工友\(number)", "phone": "1380013\(String(format: "%04d", number))"])
    }

    @Test("A group gains members (a known phone reuses the worker), leaders and leavers; its size outside 10-100 is a warning")
    func groups() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            try await browser.login("caseworker")
            try await browser.recordContact(phone: "13800130001", newWorker: "老工友")
            let office = try await app.office("BJ").id!.uuidString
            let created = try await browser.post("/groups", ["office": office, "name": "朝阳工地组", "site": "建筑工地"])
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            #expect(try await browser.post(path + "/members", ["full_name": "新名字", "phone": "13800130001", "leader": "on"]).status == .seeOther)
            #expect(try await browser.post(path + "/members", ["full_name": "工友2", "phone": "13800130002"]).status == .seeOther)
            let workers = try await Worker.query(on: app.db).count()
            #expect(workers == 2, "the known phone found the worker on record")
            let page = try await browser.get(path).text
            #expect(page.contains("老工友") && !page.contains("新名字") && page.contains("2 名组员，1 名骨干") && page.contains("不足 10 人"))
            #expect(!page.contains("13800130002") && page.contains("138****0002"))

            let again = try await browser.post(path + "/members", ["full_name": "工友2", "phone": "13800130002"])
            #expect(again.status == .unprocessableEntity && again.text.contains("该工友已在小组中"))
            let badPhone = try await browser.post(path + "/members", ["full_name": "工友3", "phone": "12345"])
            #expect(badPhone.status == .unprocessableEntity && badPhone.text.contains("电话"))
            let noName = try await browser.post(path + "/members", ["full_name": " ", "phone": "13800130003"])
            #expect(noName.status == .unprocessableEntity)
            #expect(try await GroupMember.query(on: app.db).count() == 2)
            #expect(try await Worker.query(on: app.db).count() == 2)

            let member = try #require(try await GroupMember.query(on: app.db).filter(\.$leader == false).first())
            #expect(try await browser.post("/group-members/\(member.id!)/leave").status == .seeOther)
            #expect(try await browser.post("/group-members/\(member.id!)/leave").status == .unprocessableEntity)
            #expect(try await browser.get(path).text.contains("1 名组员，1 名骨干"))
            // Rejoining opens the same membership again.
            #expect(try await browser.post(path + "/members", ["full_name": "工友2", "phone": "13800130002"]).status == .seeOther)
            #expect(try await GroupMember.query(on: app.db).filter(\.$leftOn == nil).count() == 2)
            #expect(GroupSize.warning(10) == nil && GroupSize.warning(100) == nil && GroupSize.warning(101) == "groups.size_large")

            // Shenzhen's caseworker does not see Beijing's group; a hotline volunteer organises nothing.
            let shenzhen = browser.fresh()
            try await shenzhen.login("sz.caseworker")
            #expect(try await shenzhen.get(path).status == .notFound)
            #expect(try await shenzhen.post(path + "/members", ["full_name": "外人", "phone": "13800130009"]).status == .notFound)
            let volunteer = browser.fresh()
            try await volunteer.login("volunteer")
            #expect(try await volunteer.get(path).status == .forbidden)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "outreach.member.change").count() == 4)
        }
    }

    @Test("Places, then the waiting list in turn; a place given up goes to the first waiting; full without a list is refused")
    func capacityAndWaitingList() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, _ in
            let work = try await app.work(as: "caseworker")
            let training = try await Self.training(app)
            for number in 1...4 { try await Trainings.register(Self.person(number), for: training, in: work) }
            var rows = try await TrainingRegistration.query(on: app.db).sort(\.$turn).all()
            #expect(rows.map(\.state) == [.registered, .registered, .waiting, .waiting])
            #expect(try await Training.find(training.id, on: app.db)?.taken == 2)
            try await Trainings.cancel(rows[0], of: training, in: work)
            rows = try await TrainingRegistration.query(on: app.db).sort(\.$turn).all()
            #expect(rows.map(\.state) == [.cancelled, .registered, .registered, .waiting])
            #expect(try await Training.find(training.id, on: app.db)?.taken == 2)
            await #expect(throws: ValidationErrors.self) { try await Trainings.register(Self.person(2), for: training, in: work) }

            let closed = try await Self.training(app, capacity: 1, waitingList: false)
            try await Trainings.register(Self.person(5), for: closed, in: work)
            do {
                try await Trainings.register(Self.person(6), for: closed, in: work)
                Issue.record("a full training without a waiting list took a registration")
            } catch let abort as HuzhuAbort {
                #expect(abort.messageKey == "error.training_full")
            }
            #expect(try await TrainingRegistration.query(on: app.db).filter(\.$trainingID == closed.id!).count() == 1)
        }
    }

    @Test("Of two registrations for the last place exactly one wins")
    func lastPlace() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, _ in
            let training = try await Self.training(app, capacity: 1, waitingList: false)
            let work = try await app.work(as: "caseworker")
            async let first: Bool = (try? await Trainings.register(Self.person(1), for: training, in: work)) != nil
            async let second: Bool = (try? await Trainings.register(Self.person(2), for: training, in: work)) != nil
            let won = await [first, second].filter { $0 }.count
            #expect(won == 1)
            #expect(try await Training.find(training.id, on: app.db)?.taken == 1)
            #expect(try await TrainingRegistration.query(on: app.db).count() == 1)
        }
    }

    @Test("The roll call from the training's day: attendances are training participants, trainees direct beneficiaries counted once")
    func rollCallAndIndicators() async throws {
        let clock = TestClock(Self.start)
        try await withHuzhu(clock: clock) { app, browser in
            try await browser.login("caseworker")
            try await browser.recordContact(phone: "13800130001", newWorker: "工友1")
            let training = try await Self.training(app, capacity: 5)
            let path = "/trainings/\(training.id!)"
            for number in 1...3 {
                #expect(try await browser.post(path + "/registrations", ["full_name": "工友\(number)", "phone": "1380013000\(number)"]).status == .seeOther)
            }
            let registrations = try await TrainingRegistration.query(on: app.db).sort(\.$turn).all()
            let early = try await browser.post("/registrations/\(registrations[0].id!)/attendance", ["present": "on"])
            #expect(early.status == .unprocessableEntity && early.text.contains("培训当天起才能点名"))
            #expect(try await browser.post(path + "/walk-ins", ["full_name": "路过", "phone": "13800130009"]).status == .unprocessableEntity)

            clock.advance(2 * 24 * 3600)  // Friday 2026-11-20, 19:06
            try await browser.login("caseworker")
            for registration in registrations.prefix(2) {
                #expect(try await browser.post("/registrations/\(registration.id!)/attendance", ["present": "on"]).status == .seeOther)
            }
            #expect(try await browser.post(path + "/walk-ins", ["full_name": "路过", "phone": "13800130009"]).status == .seeOther)
            // A mistaken tap is undone.
            #expect(try await browser.post("/registrations/\(registrations[1].id!)/attendance", ["present": "off"]).status == .seeOther)
            #expect(try await browser.post("/registrations/\(registrations[1].id!)/attendance", ["present": "on"]).status == .seeOther)
            let page = try await browser.get(path).text
            #expect(page.contains("3/4") && page.contains("现场加入"))

            let engine = IndicatorEngine(db: app.db, sources: app.indicatorSources)
            let office = try await app.office("BJ")
            let november = IndicatorPeriod.month(2026, 11)
            for scope: Scope in [.office(ngo: office.ngoID, office: office.id!), .ngo(office.ngoID), .network] {
                let figures = try await engine.compute(november, scope: scope)
                #expect(figures[.trainingParticipants] == 3, "\(scope)")
                // 工友1 called and came: one person. 工友2 and the walk-in came; 工友3 did not.
                #expect(figures[.directBeneficiaries] == 3, "\(scope)")
            }
            let shenzhen = try await app.office("SZ")
            #expect(try await engine.compute(november, scope: .office(ngo: shenzhen.ngoID, office: shenzhen.id!))[.trainingParticipants] == 0)
            #expect(try await engine.compute(IndicatorPeriod.month(2026, 10), scope: .network)[.trainingParticipants] == 0)

            // Over: registrations no longer change.
            clock.advance(3 * 3600)
            try await browser.login("caseworker")
            let late = try await browser.post(path + "/registrations", ["full_name": "迟到", "phone": "13800130008"])
            #expect(late.status == .unprocessableEntity && late.text.contains("培训已结束"))
            #expect(try await browser.post("/registrations/\(registrations[2].id!)/cancel").status == .unprocessableEntity)
        }
    }

    @Test("Bad input: a training in the past, ending before it starts, without title or with no places; a malformed phone")
    func badInput() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            try await browser.login("caseworker")
            let office = try await app.office("BJ").id!.uuidString
            func create(_ changes: [String: String]) async throws -> TestingHTTPResponse {
                try await browser.post("/trainings", ["office": office, "training_kind": "legal_knowledge", "training_title": "劳动法", "day": "2026-11-25",
                                                      "starts": "19:00", "ends": "21:00", "place": "活动室", "trainer": "王磊",
                                                      "capacity": "30"].merging(changes) { $1 })
            }
            let past = try await create(["day": "2026-11-17"])
            #expect(past.status == .unprocessableEntity && past.text.contains("培训时间须在将来"))
            let backwards = try await create(["starts": "21:00", "ends": "19:00"])
            #expect(backwards.status == .unprocessableEntity && backwards.text.contains("结束时间须晚于开始时间"))
            #expect(try await create(["training_title": ""]).status == .unprocessableEntity)
            #expect(try await create(["capacity": "0"]).status == .unprocessableEntity)
            #expect(try await create(["training_kind": "party"]).status == .unprocessableEntity)
            #expect(try await create(["office": try await app.office("SZ").id!.uuidString]).status == .unprocessableEntity)
            #expect(try await Training.query(on: app.db).count() == 0)
            let created = try await create([:])
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            let phone = try await browser.post(path + "/registrations", ["full_name": "工友", "phone": "1380013"])
            #expect(phone.status == .unprocessableEntity && phone.text.contains("电话"))
            #expect(try await TrainingRegistration.query(on: app.db).count() == 0)
            #expect(try await Worker.query(on: app.db).count() == 0)
        }
    }

    @Test("Merging two records of one worker keeps one membership and one registration, with the place counted once")
    func merge() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            let work = try await app.work(as: "caseworker")
            try await browser.login("supervisor")
            try await browser.recordContact(phone: "13800130001", newWorker: "刘一")
            try await browser.recordContact(phone: "13800130002", newWorker: "刘一")
            let workers = try await Worker.query(on: app.db).sort(\.$createdAt).all()
            let group = try await Groups.create(CreateGroup(form: ["office": try await app.office("BJ").id!.uuidString, "name": "组"]), in: work)
            let training = try await Self.training(app, capacity: 5)
            for phone in ["13800130001", "13800130002"] {
                let person = Person(form: ["full_name": "刘一", "phone": phone])
                try await Groups.add(person, leader: phone.hasSuffix("2"), to: group, in: work)
                try await Trainings.register(person, for: training, in: work)
            }
            #expect(try await Training.find(training.id, on: app.db)?.taken == 2)
            let merged = try await browser.post("/workers/merge", pairs: [
                ("survivor", workers[0].id!.uuidString), ("workers[]", workers[0].id!.uuidString), ("workers[]", workers[1].id!.uuidString),
                ("confirm", "on"),
            ])
            #expect(merged.status == .seeOther)
            let members = try await GroupMember.query(on: app.db).all()
            #expect(members.count == 1 && members[0].workerID == workers[0].id && members[0].leader)
            #expect(try await TrainingRegistration.query(on: app.db).all().map(\.workerID) == [workers[0].id!])
            #expect(try await Training.find(training.id, on: app.db)?.taken == 1)
            let page = try await browser.get("/workers/\(workers[0].id!)").text
            #expect(page.contains("小组与培训") && page.contains("劳动合同与欠薪"))
        }
    }

    @Test("A worker signs up through the public link without an account: known by phone or new with the consents ticked; repeats, bad phones and floods are refused")
    func publicSignUp() async throws {
        let clock = TestClock(Self.start)
        try await withHuzhu(clock: clock) { app, browser in
            let staff = browser.fresh()
            try await staff.login("caseworker")
            try await staff.recordContact(phone: "13800130001", newWorker: "老工友")
            let training = try await Self.training(app, capacity: 2, waitingList: true)
            let path = "/join/\(training.signupToken.uuidString.lowercased())"
            #expect(try await staff.get("/trainings/\(training.id!)").text.contains(path))

            let page = try await browser.get(path)
            #expect(page.status == .ok && page.text.contains("劳动合同与欠薪") && page.text.contains("尚余 2 个名额"))
            let known = try await browser.post(path, ["full_name": "别的名字", "phone": "13800130001"])
            #expect(known.status == .ok && known.text.contains("你已报名"))
            let fresh = try await browser.post(path, ["full_name": "新工友", "phone": "13800130002", "consent_sms": "on"])
            #expect(fresh.status == .ok && fresh.text.contains("你已报名"))
            let waiting = try await browser.post(path, ["full_name": "第三位", "phone": "13800130003"])
            #expect(waiting.status == .ok && waiting.text.contains("候补名单"))

            let workers = try await Worker.query(on: app.db).sort(\.$createdAt).all()
            #expect(workers.count == 3)
            #expect(try workers[0].openName(app.fieldCipher) == "老工友", "a known worker keeps their name")
            #expect(workers[1].consentSMSOn == CalendarDate(Self.start) && workers[1].consentNetworkOn == nil && workers[1].createdBy == nil)
            #expect(workers[2].consentSMSOn == nil)
            let registrations = try await TrainingRegistration.query(on: app.db).sort(\.$turn).all()
            #expect(registrations.map(\.state) == [.registered, .registered, .waiting] && registrations.allSatisfy { $0.registeredBy == nil })

            // A repeat is answered as any sign-up is: the public does not learn whose number is registered.
            let again = try await browser.post(path, ["full_name": "新工友", "phone": "13800130002"])
            #expect(again.status == .ok && again.text.contains("你已报名") && !again.text.contains("这个手机号已经报名"))
            #expect(try await TrainingRegistration.query(on: app.db).count() == 3)
            #expect(try await browser.get("/join/\(UUID())").status == .notFound)
            #expect(try await browser.post(path, ["full_name": "", "phone": ""]).status == .unprocessableEntity)
            // Five submissions in ten minutes from one address, then no more.
            let flooded = try await browser.post(path, ["full_name": "第六", "phone": "13800130006"])
            #expect(flooded.status == .tooManyRequests)
            #expect(try await TrainingRegistration.query(on: app.db).count() == 3)

            clock.advance(3600)
            let bad = try await browser.post(path, ["full_name": "工友", "phone": "1380013"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("电话"))
            let closed = try await Self.training(app, capacity: 1, waitingList: false)
            let closedPath = "/join/\(closed.signupToken.uuidString.lowercased())"
            #expect(try await browser.post(closedPath, ["full_name": "甲", "phone": "13800130011"]).status == .ok)
            let full = try await browser.post(closedPath, ["full_name": "乙", "phone": "13800130012"])
            #expect(full.status == .unprocessableEntity && full.text.contains("名额已满"))
            #expect(try await Worker.query(on: app.db).count() == 4, "a refused sign-up leaves no worker record")
            // Once the training is over the address answers no more.
            clock.advance(3 * 24 * 3600)
            #expect(try await browser.get(path).status == .notFound)
        }
    }

    @Test("A group leader sees only their groups' members who agreed to be reached, registers them for trainings, and nothing else")
    func leaderIsolation() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            let work = try await app.work(as: "caseworker")
            let office = try await app.office("BJ").id!.uuidString
            let group = try await Groups.create(CreateGroup(form: ["office": office, "name": "工地组"]), in: work)
            let other = try await Groups.create(CreateGroup(form: ["office": office, "name": "别的组"]), in: work)
            let leader = try await Groups.add(Self.person(1), leader: true, to: group, in: work)
            try await Groups.add(Self.person(2), leader: false, leaderMayContact: true, to: group, in: work)
            try await Groups.add(Self.person(3), leader: false, to: group, in: work)
            try await Groups.add(Self.person(4), leader: false, leaderMayContact: true, to: other, in: work)
            let training = try await Self.training(app)

            try await browser.login("leader")
            #expect(try await browser.get("/my-groups").text.contains("尚未关联小组"))
            let staff = browser.fresh()
            try await staff.login("caseworker")
            #expect(try await staff.post("/group-members/\(leader.id!)/login", ["user": try await app.user("leader").id!.uuidString]).status == .seeOther)
            let plain = try #require(try await GroupMember.query(on: app.db).filter(\.$leader == false).filter(\.$groupID == group.id!).first())
            #expect(try await staff.post("/group-members/\(plain.id!)/login", ["user": try await app.user("leader").id!.uuidString]).status
                    == .unprocessableEntity, "only a leader gets a leader's login")
            #expect(try await staff.post("/group-members/\(leader.id!)/login", ["user": try await app.user("caseworker").id!.uuidString]).status
                    == .unprocessableEntity, "only a group leader's login")

            let page = try await browser.get("/my-groups").text
            #expect(page.contains("工地组") && page.contains("工友2") && page.contains("13800130002"))
            #expect(!page.contains("工友3") && !page.contains("13800130003"), "a member who did not agree is not shown")
            #expect(!page.contains("别的组") && !page.contains("工友4"))
            #expect(page.contains("劳动合同与欠薪"))

            let workers = try await Worker.query(on: app.db).sort(\.$createdAt).all()
            let path = "/my-groups/trainings/\(training.id!)/registrations"
            #expect(try await browser.post(path, ["member": workers[1].id!.uuidString]).status == .seeOther)
            #expect(try await browser.post(path, ["member": workers[2].id!.uuidString]).status == .unprocessableEntity)
            #expect(try await browser.post(path, ["member": workers[3].id!.uuidString]).status == .unprocessableEntity)
            let registered = try await TrainingRegistration.query(on: app.db).all()
            let leaderLogin = try await app.user("leader")
            #expect(registered.map(\.workerID) == [workers[1].id!] && registered[0].registeredBy == leaderLogin.id)

            for path in ["/groups/\(group.id!)", "/workers/\(workers[1].id!)", "/trainings/\(training.id!)", "/groups", "/contacts", "/messages"] {
                let response = try await browser.get(path)
                #expect(response.status == .forbidden || response.status == .notFound, "leader GET \(path)")
            }
            // Once they no longer lead, the page shows nothing of the group.
            try await Groups.lead(leader, false, in: work)
            #expect(!(try await browser.get("/my-groups").text.contains("13800130002")))
        }
    }

    @Test("A saved list finds workers by place, industry, cases and trainings, runs again when opened, and fills a group, a training and a text")
    func savedLists() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            try await browser.login("caseworker")
            let office = try await app.office("BJ").id!.uuidString
            // Four workers: three building-site workers in Shenzhen (one with an open case, one trained), one elsewhere.
            _ = try await browser.openCase(title: "欠薪", roster: "深一 13800130001")
            let work = try await app.work(as: "caseworker")
            let group = try await Groups.create(CreateGroup(form: ["office": office, "name": "深圳组"]), in: work)
            for number in 2...4 { try await Groups.add(Self.person(number), leader: false, consents: { var c = Consents(); c.sms = true; return c }(),
                                                       to: group, in: work) }
            let workers = try await Worker.query(on: app.db).sort(\.$createdAt).all()
            for (index, worker) in workers.enumerated() {
                worker.currentCity = index < 3 ? "深圳" : "东莞"
                worker.industry = "建筑"
                try await worker.save(on: app.db)
            }
            let held = try await Self.training(app, day: "2026-11-18", starts: "19:30", capacity: 5)
            let registration = try await Trainings.walkIn(Self.person(3), to: held, in: work)
            #expect(registration.attendedAt != nil)

            let saved = try await browser.post("/lists", ["name": "深圳建筑工人", "office": office, "current_city": "深圳", "industry": "建筑"])
            #expect(saved.status == .seeOther)
            let path = try #require(saved.location)
            #expect(try await browser.get(path).text.contains("今天查到 3 名工友"))
            let open = try await browser.post("/lists", ["name": "有进行中个案", "office": office, "cases": "open"])
            #expect(try await browser.get(try #require(open.location)).text.contains("今天查到 1 名工友"))
            let trained = try await browser.post("/lists", ["name": "培训过", "office": office, "trained": "yes", "current_city": "深圳"])
            #expect(try await browser.get(try #require(trained.location)).text.contains("今天查到 1 名工友"))
            let untrained = try await browser.post("/lists", ["name": "没培训过", "office": office, "trained": "no", "current_city": "深圳"])
            #expect(try await browser.get(try #require(untrained.location)).text.contains("今天查到 2 名工友"))

            // Opened again, the list sees a worker who moved to Shenzhen since.
            workers[3].currentCity = "深圳"
            try await workers[3].save(on: app.db)
            #expect(try await browser.get(path).text.contains("今天查到 4 名工友"))

            let coming = try await Self.training(app, capacity: 2, waitingList: false)
            let registered = try await browser.post(path + "/training", ["training": coming.id!.uuidString])
            #expect(registered.text.contains("已报名 2 人；候补 0 人；未能报名（已报名或无名额）2 人"))
            let target = try await Groups.create(CreateGroup(form: ["office": office, "name": "新组"]), in: work)
            #expect(try await browser.post(path + "/group", ["group": target.id!.uuidString]).text.contains("4 人加入了小组"))
            let preview = try await browser.post("/messages", ["audience": "list", "audience_id": String(path.split(separator: "/").last!),
                                                               "body": "通知"])
            #expect(preview.text.contains("将发送给 3 名工友") && preview.text.contains("1 人未同意接收短信"))

            let bad = try await browser.post("/lists", ["name": "坏的", "office": office, "contacted_within_days": "三天"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("1 至 3650"))
            #expect(try await SavedList.query(on: app.db).count() == 4)
            let shenzhen = browser.fresh()
            try await shenzhen.login("sz.caseworker")
            #expect(try await shenzhen.get(path).status == .notFound)
        }
    }

    @Test("The API runs the same commands: a group and its members, a training with registration and roll call, a text; bad input is a 422 and writes nothing")
    func api() async throws {
        try await withHuzhu(clock: TestClock(Self.start)) { app, browser in
            try await browser.login("caseworker")
            let headers = try await browser.apiHeaders()
            func send(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            let office = try await app.office("BJ").id!.uuidString
            let group = try await send(.POST, "/api/v1/groups", #"{"office_id": "\#(office)", "name": "API 组", "site": "工地"}"#)
            #expect(group.status == .created)
            let groupID = try #require(group.text.firstMatch(of: /"id":"([0-9A-F-]{36})"/)?.1)
            let member = try await send(.POST, "/api/v1/groups/\(groupID)/members",
                                        #"{"full_name": "工友甲", "phone": "13800130001", "leader": true, "consent_sms": true}"#)
            #expect(member.status == .created && member.text.contains("\"leader\":true"))
            #expect(try await send(.POST, "/api/v1/groups/\(groupID)/members", #"{"full_name": "工友乙", "phone": "12"}"#).status == .unprocessableEntity)
            #expect(try await send(.POST, "/api/v1/groups/\(groupID)/members", #"{"full_name": 3}"#).status == .badRequest)
            #expect(try await GroupMember.query(on: app.db).count() == 1)
            #expect(try await send(.GET, "/api/v1/groups/\(groupID)").text.contains("工友甲"))

            let training = try await send(.POST, "/api/v1/trainings", """
                {"office_id": "\(office)", "kind": "legal_knowledge", "title": "API 培训", "day": "2026-11-18", "starts": "19:30", "ends": "21:00",
                 "place": "活动室", "trainer": "王磊", "capacity": 10}
                """)
            #expect(training.status == .created)
            let trainingID = try #require(training.text.firstMatch(of: /"id":"([0-9A-F-]{36})"/)?.1)
            let past = try await send(.POST, "/api/v1/trainings", """
                {"office_id": "\(office)", "kind": "legal_knowledge", "title": "过去", "day": "2026-11-01", "starts": "19:00", "ends": "21:00",
                 "place": "活动室", "trainer": "王磊", "capacity": 10}
                """)
            #expect(past.status == .unprocessableEntity)
            let registration = try await send(.POST, "/api/v1/trainings/\(trainingID)/registrations", #"{"full_name": "工友甲", "phone": "13800130001"}"#)
            #expect(registration.status == .created && registration.text.contains("\"state\":\"registered\""))
            let registrationID = try #require(registration.text.firstMatch(of: /"id":"([0-9A-F-]{36})"/)?.1)
            let present = try await send(.POST, "/api/v1/registrations/\(registrationID)/attendance", #"{"present": true}"#)
            #expect(present.status == .ok && present.text.contains("\"attended\":true"))
            #expect(try await send(.GET, "/api/v1/trainings/\(trainingID)").text.contains("\"attended\":true"))

            let text = try await send(.POST, "/api/v1/messages", #"{"audience": "group", "audience_id": "\#(groupID)", "body": "通知"}"#)
            #expect(text.status == .created && text.text.contains("【小小鸟互助热线】通知 回复TD退订") && text.text.contains("\"queued\":1"))
            #expect(try await send(.POST, "/api/v1/messages", #"{"audience": "group", "audience_id": "\#(groupID)", "body": ""}"#).status
                    == .unprocessableEntity)
            #expect(try await SMSMessage.query(on: app.db).count() == 1)
            #expect(try await send(.GET, "/api/v1/messages").text.contains("通知"))

            let stranger = browser.fresh()
            try await stranger.login("sz.caseworker")
            let other = try await stranger.apiHeaders()
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/groups/\(groupID)", headers: other).status == .notFound)
            let volunteer = browser.fresh()
            try await volunteer.login("volunteer")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/groups", headers: try await volunteer.apiHeaders()).status == .forbidden)
        }
    }
}
