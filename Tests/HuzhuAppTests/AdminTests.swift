import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Administering NGOs, offices and accounts")
struct AdminTests {
    @Test("A bad office form is answered inline in the user's language, keeps the values and writes nothing")
    func officeValidation() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("ngoadmin")
            let before = try await Office.query(on: app.db).count()
            let auditBefore = try await AuditEvent.query(on: app.db).count()
            let response = try await browser.post("/admin/offices/new", ["name": "广州办公室", "city": "", "code": "BJ"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("请更正以下问题"))
            #expect(response.text.contains("此项必填"))
            #expect(response.text.contains("该机构已有使用此代码的办公室"))
            #expect(response.text.contains("value=\"广州办公室\""))
            #expect(try await Office.query(on: app.db).count() == before)
            #expect(try await AuditEvent.query(on: app.db).count() == auditBefore)

            browser.language = "en"
            try await browser.post("/language", ["lang": "en", "back": "/admin/offices/new"])
            let english = try await browser.post("/admin/offices/new", ["name": "Guangzhou", "city": "", "code": "1X"])
            #expect(english.text.contains("This is required."))
            #expect(english.text.contains("A code is 2–6 Latin letters"))
        }
    }

    @Test("An office is created and edited through the admin pages, and both are audited")
    func officeLifecycle() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("ngoadmin")
            #expect(try await browser.post("/admin/offices/new", ["name": "广州办公室", "city": "广州", "code": "gz"]).location == "/admin/offices")
            let office = try #require(try await Office.query(on: app.db).filter(\.$code == "GZ").first())
            #expect(office.ngoID == (try await app.ngo(named: "小小鸟").id))
            #expect(try await browser.get("/admin/offices").text.contains("广州办公室"))
            let edit = try await browser.post("/admin/offices/\(office.id!)", ["name": "广州番禺办公室", "city": "广州", "code": "GZ"])
            #expect(edit.status == .seeOther)
            #expect(try await app.office("GZ").name == "广州番禺办公室")
            let actions = try await app.auditActions()
            #expect(actions.suffix(2) == ["org.office.create", "org.office.update"])
        }
    }

    @Test("The network admin creates an NGO; a duplicate name is refused")
    func ngos() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("admin")
            #expect(try await browser.post("/admin/ngos/new", ["name": "新生命工友中心", "city": "广州"]).status == .seeOther)
            #expect(try await NGO.query(on: app.db).count() == 3)
            let duplicate = try await browser.post("/admin/ngos/new", ["name": "新生命工友中心", "city": "广州"])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.text.contains("该名称已被使用"))
            #expect(try await NGO.query(on: app.db).count() == 3)
        }
    }

    @Test("A new account gets a password shown once, with which its owner signs in")
    func createUser() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("ngoadmin")
            let office = try await app.office("SZ").requireID()
            let response = try await browser.post("/admin/users/new",
                ["login": "Li.Na", "display_name": "李娜", "role": "hotline_volunteer", "office": office.uuidString, "language": "en"])
            #expect(response.status == .created)
            let password = try #require(response.text.firstMatch(of: /<code class="secret">([^<]+)<\/code>/)?.1)
            let user = try await app.user("li.na")
            #expect(user.role == .hotlineVolunteer)
            #expect(user.officeID == office)
            #expect(user.passwordHash != String(password))
            let newcomer = browser.fresh()
            try await newcomer.login("li.na", password: String(password))
            #expect(try await newcomer.get("/").text.contains(">Account</a>"))
        }
    }

    @Test("A role that works in an office needs one; nobody can change their own role or switch themselves off")
    func userRules() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("ngoadmin")
            let noOffice = try await browser.post("/admin/users/new",
                ["login": "zhou", "display_name": "周", "role": "caseworker", "language": "zh-Hans"])
            #expect(noOffice.status == .unprocessableEntity)
            #expect(noOffice.text.contains("此角色需要选择一个办公室"))
            let me = try await app.user("ngoadmin")
            var form = UserDraft(me)
            form.role = Role.caseworker.rawValue
            form.active = nil
            let selfEdit = try await browser.post("/admin/users/\(me.id!)", form.fields)
            #expect(selfEdit.status == .unprocessableEntity)
            #expect(selfEdit.text.contains("不能更改自己的角色"))
            #expect(selfEdit.text.contains("不能停用自己的账号"))
            #expect(try await app.user("ngoadmin").active)
        }
    }

    @Test("Resetting a password needs the confirmation box")
    func resetNeedsConfirmation() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("ngoadmin")
            let target = try await app.user("caseworker")
            let response = try await browser.post("/admin/users/\(target.id!)/password")
            #expect(response.status == .unprocessableEntity)
            #expect(try await app.user("caseworker").passwordHash == target.passwordHash)
        }
    }

    @Test("Opening an account's page is audited as a read")
    func viewIsAudited() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("admin")
            let target = try await app.user("lawyer")
            #expect(try await browser.get("/admin/users/\(target.id!)").status == .ok)
            let last = try await AuditEvent.query(on: app.db).sort(\.$id, .descending).first()
            #expect(last?.action == "org.user.view")
            #expect(last?.recordID == target.id)
            #expect(last?.actorLogin == "admin")
        }
    }
}
