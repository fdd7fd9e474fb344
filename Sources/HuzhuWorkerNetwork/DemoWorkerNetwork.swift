import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The demo's worker network: three groups of building-site workers with leaders (two sites in Beijing,
/// one in Shenzhen), a legal-knowledge training held last week with its roll call taken,
/// an occupational-safety training next week open for registration, and a text to the first group (sent
/// through the gateway when one is configured, else recorded as not sent).
enum DemoWorkerNetwork {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高")
    static let given = ["建军", "秀兰", "志强", "海燕", "国庆", "春梅", "小龙", "丽娟", "德明", "桂英", "永刚", "红霞"]

    static func loadIfEmpty(into app: Application) async throws -> [String] {
        let db = app.db
        guard try await WorkerGroup.query(on: db).count() == 0,
              let beijing = try await Office.query(on: db).filter(\.$code == "BJ").first(),
              let shenzhen = try await Office.query(on: db).filter(\.$code == "SZ").first(),
              let admin = try await User.query(on: db).filter(\.$login == "ngoadmin").first(),
              let actor = try await app.actorDirectory.activeActor(userID: admin.requireID(), on: db) else { return [] }
        let work = WorkContext(db: db, clock: app.clock, cipher: app.fieldCipher, actor: actor, source: .console, policy: app.policy)
        let groups = [(beijing, "朝阳某工地工友组", "建筑工地", 14), (beijing, "通州安置房项目工友组", "建筑工地", 12),
                      (shenzhen, "宝安某工地工友组", "建筑工地", 11)]
        var people: [Person] = []
        var first: WorkerGroup?
        for (index, (office, name, site, size)) in groups.enumerated() {
            let group = try await Groups.create(CreateGroup(form: ["office": office.id!.uuidString, "name": name, "site": site]), in: work)
            first = first ?? group
            for member in 0..<size {
                let number = index * 100 + member
                // The Shenzhen group is led by the demo's group leader (login `leader`).
                let name = office.id == shenzhen.id && member == 0 ? "赵大勇"
                    : "\(surnames[number % surnames.count])\(given[(number / surnames.count + member) % given.count])"
                let person = Person(form: ["full_name": name, "phone": String(format: "1371100%04d", number)])
                // Most agreed to texts when they joined; a few did not.
                var consents = Consents()
                consents.sms = member % 4 != 3
                let joined = try await Groups.add(person, leader: member == 0, consents: consents, leaderMayContact: member % 3 != 2,
                                                  to: group, in: work)
                if let worker = try await Worker.find(joined.workerID, on: db) {
                    worker.currentCity = office.id == shenzhen.id ? "深圳" : "北京"
                    worker.industry = "建筑"
                    worker.homeProvince = ["河南", "四川", "安徽", "湖南"][member % 4]
                    try await worker.save(on: db)
                }
                if office.id == shenzhen.id && member == 0, let login = try await User.query(on: db).filter(\.$login == "leader").first() {
                    try await Groups.link(joined, login: login.id, in: work)
                }
                if office.id == beijing.id { people.append(person) }
            }
        }
        let now = app.clock.now()
        let today = CalendarDate(now)
        // Created as if a week ago, so the past training could be planned before it was held.
        let planner = WorkContext(db: db, clock: Then(instant: now.addingTimeInterval(-8 * 24 * 3600)), cipher: app.fieldCipher, actor: actor,
                                  source: .console, policy: app.policy)
        let held = try await Trainings.create(CreateTraining(form: [
            "office": beijing.id!.uuidString, "training_kind": "legal_knowledge", "training_title": "讨薪的法律途径：证据、协商与仲裁",
            "day": today.adding(days: -6).description, "starts": "19:00", "ends": "21:00", "place": "北京办公室活动室",
            "trainer": "王磊", "language": "普通话", "capacity": "30", "waiting_list": "on",
        ]), in: planner)
        for person in people.prefix(12) { try await Trainings.register(person, for: held, in: planner) }
        let registrations = try await TrainingRegistration.query(on: db).filter(\.$trainingID == held.id!).sort(\.$turn).all()
        for registration in registrations.prefix(10) {
            try await Trainings.attend(registration, of: held, present: true, in: work)
        }
        let coming = try await Trainings.create(CreateTraining(form: [
            "office": beijing.id!.uuidString, "training_kind": "occupational_safety", "training_title": "高处作业与工伤认定",
            "day": today.adding(days: 7).description, "starts": "19:00", "ends": "21:00", "place": "朝阳某工地生活区",
            "trainer": "王磊", "language": "普通话", "capacity": "8", "waiting_list": "on",
        ]), in: work)
        for person in people.dropFirst(12).prefix(6) { try await Trainings.register(person, for: coming, in: work) }
        if let first {
            _ = try await Messages.send(ComposeMessage(form: ["audience": "group", "audience_id": first.id!.uuidString,
                                                              "body": "下周日晚七点在工地生活区讲高处作业安全和工伤认定，欢迎参加。"]),
                                       criteria: app.workerCriteria, in: work)
        }
        return ["工友小组、培训与短信 / Groups, trainings and texts: /groups · /trainings · /messages (caseworker, supervisor)"
                + (app.smsGateway.sendURL == nil ? "; no SMS gateway: texts are recorded, not sent" : "")]
    }
}

/// A moment in the past, for demo records that were made before today.
private struct Then: HuzhuClock {
    let instant: Date
    func now() -> Date { instant }
}
