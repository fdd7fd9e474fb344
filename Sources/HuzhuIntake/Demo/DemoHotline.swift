import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The demo's hotline work in Beijing: a registered line (its secret printed, so the webhook can be
/// tried), workers, a fortnight of contacts recorded through the same code the intake page uses, and
/// a missed call waiting in the callback queue. Loaded only into a database without workers.
enum DemoHotline {
    static let lineNumber = "010-62345678"

    struct DemoWorker {
        let name: String
        let phone: String
        let gender: Gender
        let birthYear: Int
        let province: String
        let employer: String
        let industry: String
    }

    static let workers = [
        DemoWorker(name: "张建国", phone: "13900000001", gender: .male, birthYear: 1978, province: "河南",
                   employer: "北京某建筑劳务有限公司", industry: "建筑"),
        DemoWorker(name: "李秀英", phone: "13900000002", gender: .female, birthYear: 1990, province: "四川",
                   employer: "某家政服务公司", industry: "家政"),
        DemoWorker(name: "王小军", phone: "13900000003", gender: .male, birthYear: 1995, province: "安徽",
                   employer: "某电子厂", industry: "制造业"),
        DemoWorker(name: "刘芳", phone: "13900000004", gender: .female, birthYear: 1985, province: "河北",
                   employer: "某物流公司", industry: "物流"),
        DemoWorker(name: "陈强", phone: "13900000005", gender: .male, birthYear: 1970, province: "湖北",
                   employer: "某石材加工厂", industry: "制造业"),
    ]

    /// (days ago, operator login, worker index or nil for anonymous, channel, topic codes, summary, advice, outcome)
    static let contacts: [(Int, String, Int?, Contact.Channel, [String], String, String, Contact.Outcome)] = [
        (14, "volunteer", 0, .hotline, ["wage_arrears"], "在朝阳区工地干了四个月，包工头拖欠工资两万八千元，春节前要不到。",
         "建议收集考勤记录、工友证言和转账记录；先找总承包单位协商。", .advice),
        (12, "caseworker", 1, .visit, ["no_contract", "dismissal"], "做住家保姆一年半，没签合同，雇主突然让她走人。",
         "说明二倍工资和经济补偿的规定，约她带聊天记录再来。", .advice),
        (9, "caseworker", 2, .wechat, ["work_injury"], "冲压时右手两根手指受伤，厂里不给申报工伤。",
         "告知一年内可自己申请工伤认定；需要立案跟进。", .caseToOpen),
        (7, "volunteer", nil, .hotline, ["overtime"], "匿名来电，问每天干十二个小时、一个月休两天是否合法。",
         "解释工时和加班费标准；对方希望明天再电话沟通。", .callback),
        (5, "caseworker", 3, .hotline, ["social_insurance"], "公司从不交社保，现在怀孕想知道生育待遇。",
         "转介到社保经办机构咨询，并说明补缴投诉途径。", .referred),
        (3, "volunteer", 0, .hotline, ["wage_arrears"], "第二次来电：包工头答应的还款期限又过了，十几个工友都没拿到钱。",
         "集体欠薪，建议立案并准备人民调解。", .caseToOpen),
        (1, "caseworker", 4, .visit, ["occupational_disease"], "在石材厂打磨八年，最近咳嗽气喘，怀疑尘肺。",
         "建议先做职业病诊断，说明需要的材料。", .caseToOpen),
    ]

    static func loadIfEmpty(into app: Application) async throws -> [String] {
        let db = app.db
        guard let office = try await Office.query(on: db).filter(\.$code == "BJ").first(),
              try await Worker.query(on: db).count() == 0 else { return try await lines(app) }
        let cipher = app.fieldCipher
        let now = app.clock.now()
        let topics = try await Topic.query(on: db).all().reduce(into: [String: UUID]()) { $0[$1.code] = $1.id }
        try await db.write { db in
            let line = TelephonyLine()
            line.ngoID = office.ngoID
            line.officeID = try office.requireID()
            line.number = try PhoneNumber(lineNumber).digits
            line.name = "北京热线"
            line.secretCipher = try cipher.seal(SecretToken.generate(prefix: "whsec_"))
            line.createdAt = now
            try await line.create(on: db)

            var workerIDs: [UUID] = []
            for demo in workers {
                let worker = Worker()
                worker.ngoID = office.ngoID
                worker.officeID = try office.requireID()
                worker.createdAt = now.addingTimeInterval(-15 * 24 * 3600)
                let values = WorkerValues(
                    name: demo.name, phones: [try PhoneNumber(demo.phone)], idNumber: nil, gender: demo.gender,
                    birthYear: demo.birthYear, homeProvince: demo.province, currentCity: "北京", industry: demo.industry,
                    employer: demo.employer, languages: nil, notes: nil, consentNetwork: true, consentSMS: true, consentStory: false)
                try await WorkerStore(db: db, cipher: cipher).save(values, into: worker, today: CalendarDate(now), now: now)
                workerIDs.append(try worker.requireID())
            }
            let anonymousCaller = try PhoneNumber("13900000009")
            for (daysAgo, login, workerIndex, channel, codes, summary, advice, outcome) in contacts {
                guard let user = try await User.query(on: db).filter(\.$login == login).first(),
                      let actor = try await app.actorDirectory.activeActor(userID: user.requireID(), on: db) else { continue }
                let values = RecordContact.Checked(
                    channel: channel, direction: .inbound, startedAt: now.addingTimeInterval(Double(-daysAgo * 24 * 3600 - 3 * 3600)),
                    startTyped: true, durationSeconds: 300 + daysAgo * 37, topicIDs: codes.compactMap { topics[$0] },
                    summary: summary, advice: advice, outcome: outcome, followUpOn: nil,
                    subject: workerIndex.map { .existing(workerIDs[$0]) } ?? .anonymous(callback: anonymousCaller),
                    callID: nil)
                _ = try await ContactStore(db: db, cipher: cipher).record(values, by: actor, office: office, now: now)
            }
            try await CallbackQueue(db: db, cipher: cipher).enqueue(
                .missedCall, phone: try PhoneNumber("13900000006"), ngoID: office.ngoID, officeID: try office.requireID(),
                workerID: nil, contactID: nil, callID: "demo-missed-1", due: now.addingTimeInterval(-1800), now: now)
        }
        return try await lines(app)
    }

    /// What to print about the demo hotline: the line and its secret, for trying the webhook.
    private static func lines(_ app: Application) async throws -> [String] {
        guard let line = try await TelephonyLine.query(on: app.db).filter(\.$number == (try PhoneNumber(lineNumber)).digits).first() else {
            return []
        }
        let secret = try app.fieldCipher.open(line.secretCipher)
        return ["演示热线 / Demo hotline \(lineNumber)，签名密钥 / signing secret: \(secret)  (docs/telephony.md)"]
    }
}
