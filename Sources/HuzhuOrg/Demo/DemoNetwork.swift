import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// A realistic demo network: an NGO with offices in Beijing, Shenzhen, Shenyang and Shanghai, a second
/// NGO in Chengdu, and one account per role. It exists only in demo data, loaded into an empty database.
package enum DemoNetwork {
    /// Every demo account shares this password; it is printed with the accounts.
    package static let password = "huzhu-demo"

    package struct Account {
        package let login: String
        let name: String
        package let role: Role
        let ngo: Int?
        let office: String?
    }

    static let ngos: [(name: String, city: String, offices: [(code: String, name: String, city: String)])] = [
        ("小小鸟互助热线（演示）", "北京", [
            ("BJ", "北京办公室", "北京"), ("SZ", "深圳办公室", "深圳"),
            ("SY", "沈阳办公室", "沈阳"), ("SH", "上海办公室", "上海"),
        ]),
        ("蓉城工友之家（演示）", "成都", [("CD", "成都办公室", "成都")]),
    ]

    package static let accounts: [Account] = [
        Account(login: "admin", name: "陈立明", role: .networkAdmin, ngo: nil, office: nil),
        Account(login: "ngoadmin", name: "魏红", role: .ngoAdmin, ngo: 0, office: nil),
        Account(login: "supervisor", name: "李静", role: .officeSupervisor, ngo: 0, office: "BJ"),
        Account(login: "caseworker", name: "王磊", role: .caseworker, ngo: 0, office: "BJ"),
        Account(login: "volunteer", name: "张晓雨", role: .hotlineVolunteer, ngo: 0, office: "BJ"),
        Account(login: "lawyer", name: "刘志强", role: .volunteerLawyer, ngo: 0, office: "BJ"),
        Account(login: "leader", name: "赵大勇", role: .groupLeader, ngo: 0, office: "SZ"),
        Account(login: "liaison", name: "孙丽", role: .enterpriseLiaison, ngo: 0, office: nil),
        Account(login: "sz.caseworker", name: "黄美玲", role: .caseworker, ngo: 0, office: "SZ"),
        Account(login: "cd.admin", name: "杨帆", role: .ngoAdmin, ngo: 1, office: nil),
        Account(login: "cd.caseworker", name: "周涛", role: .caseworker, ngo: 1, office: "CD"),
    ]

    /// Loads the network unless the database already holds an NGO or an account. Returns whether it did.
    package static func loadIfEmpty(into app: Application) async throws -> Bool {
        guard try await NGO.query(on: app.db).count() == 0, try await User.query(on: app.db).count() == 0 else {
            return false
        }
        let now = app.clock.now()
        let hash = try await app.hashPassword(password)
        try await app.db.write { db in
            var ngoIDs: [UUID] = []
            var officeIDs: [String: UUID] = [:]
            for entry in ngos {
                let ngo = NGO(name: entry.name, city: entry.city, createdAt: now)
                try await ngo.create(on: db)
                ngoIDs.append(ngo.id!)
                for office in entry.offices {
                    let record = Office(ngoID: ngo.id!, name: office.name, city: office.city, code: office.code, createdAt: now)
                    try await record.create(on: db)
                    officeIDs[office.code] = record.id
                }
            }
            for account in accounts {
                let user = User()
                user.login = account.login
                user.displayName = account.name
                user.role = account.role
                user.ngoID = account.ngo.map { ngoIDs[$0] }
                user.officeID = account.office.flatMap { officeIDs[$0] }
                user.language = .zhHans
                user.active = true
                user.createdAt = now
                user.passwordHash = hash
                try await user.create(on: db)
            }
            try await AuditEvent.record(.loadDemo, by: .console, at: now, recordType: "network",
                                        recordID: nil, ngoID: nil, detail: AuditDetail("demo network"), on: db)
        }
        return true
    }
}
