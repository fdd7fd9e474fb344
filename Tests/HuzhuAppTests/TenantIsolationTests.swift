import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

/// A user of one NGO can neither read nor change another NGO's records, whatever ids they guess.
@Suite("One NGO cannot reach another's data")
struct TenantIsolationTests {
    @Test("Another NGO's office does not exist for an NGO admin, to read or to change")
    func offices() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("cd.admin")
            let beijing = try await app.office("BJ")
            let id = try beijing.requireID()
            #expect(try await browser.get("/admin/offices/\(id)").status == .notFound)
            let change = try await browser.post("/admin/offices/\(id)", ["name": "被改了", "city": "成都", "code": "BJ"])
            #expect(change.status == .notFound)
            #expect(try await app.office("BJ").name == "北京办公室")
            let list = try await browser.get("/admin/offices").text
            #expect(list.contains("成都办公室"))
            #expect(!list.contains("北京办公室"))
        }
    }

    @Test("Another NGO's accounts cannot be read, changed or reset")
    func users() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("cd.admin")
            let target = try await app.user("caseworker")
            let id = try target.requireID()
            #expect(try await browser.get("/admin/users/\(id)").status == .notFound)
            var form = UserDraft(target)
            form.display_name = "被改了"
            #expect(try await browser.post("/admin/users/\(id)", form.fields).status == .notFound)
            #expect(try await browser.post("/admin/users/\(id)/password", ["confirm": "on"]).status == .notFound)
            #expect(try await app.user("caseworker").displayName == "王磊")
            #expect(try await browser.get("/admin/users").text.contains("王磊") == false)
        }
    }

    @Test("An NGO admin's new office lands in their own NGO whatever NGO the form names")
    func officeGoesToOwnNGO() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("cd.admin")
            let other = try await app.ngo(named: "小小鸟").requireID()
            let own = try await app.ngo(named: "蓉城").requireID()
            #expect(try await browser.post("/admin/offices/new",
                                           ["ngo": other.uuidString, "name": "绵阳办公室", "city": "绵阳", "code": "MY"]).status == .seeOther)
            let created = try await Office.query(on: app.db).filter(\.$code == "MY").first()
            #expect(created?.ngoID == own)
        }
    }

    @Test("An NGO admin cannot make a network admin, nor an account in another NGO's office")
    func noEscalation() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("ngoadmin")
            let before = try await User.query(on: app.db).count()
            let escalate = try await browser.post("/admin/users/new",
                                                  ["login": "mole", "display_name": "Mole", "role": "network_admin", "language": "en"])
            #expect(escalate.status == .forbidden)
            let chengdu = try await app.office("CD").requireID()
            let crossOffice = try await browser.post("/admin/users/new",
                                                     ["login": "mole", "display_name": "Mole", "role": "caseworker",
                                                      "office": chengdu.uuidString, "language": "en"])
            #expect(crossOffice.status == .unprocessableEntity)
            #expect(crossOffice.text.contains("所选办公室不属于该机构"))
            #expect(try await User.query(on: app.db).count() == before)
        }
    }

    @Test("An NGO admin reads only the audit entries of their own NGO")
    func auditLog() async throws {
        try await withHuzhu { app, browser in
            let other = browser.fresh()
            try await other.login("ngoadmin")
            _ = try await other.post("/admin/offices/new", ["name": "广州办公室", "city": "广州", "code": "GZ"])
            let office = try #require(try await Office.query(on: app.db).filter(\.$code == "GZ").first()?.id).uuidString.lowercased()
            try await browser.login("cd.admin")
            let log = try await browser.get("/admin/audit").text
            #expect(!log.contains(office))
            #expect(log.contains("cd.admin"))
            let network = browser.fresh()
            try await network.login("admin")
            #expect(try await network.get("/admin/audit").text.contains(office))
        }
    }
}
