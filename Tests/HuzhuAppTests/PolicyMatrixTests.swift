import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuOrg
import HuzhuPlatform
@testable import HuzhuVolunteers
import Testing
import Vapor
import VaporTesting

/// Who may open what, written out by hand from product.md's role table, so that a change to the
/// policy that does not match the table fails here.
@Suite("Authorisation matrix: roles x routes")
struct PolicyMatrixTests {
    static let everyone = Set(DemoRole.allCases)
    static let admins: Set<DemoRole> = [.admin, .ngoadmin]
    /// Those who answer the hotline in an office.
    static let operators: Set<DemoRole> = [.supervisor, .caseworker, .volunteer]
    /// Those who read the NGO's worker records.
    static let staff: Set<DemoRole> = [.admin, .ngoadmin, .supervisor, .caseworker]

    /// Page, and the demo accounts that may open it (all others get 403).
    static let pages: [(path: String, allowed: Set<DemoRole>)] = [
        ("/", everyone),
        ("/admin/ngos", [.admin]),
        ("/admin/ngos/new", [.admin]),
        ("/admin/offices", admins),
        ("/admin/offices/new", admins),
        ("/admin/users", admins),
        ("/admin/users/new", admins),
        ("/admin/audit", admins),
        ("/account", everyone),
        ("/tokens", everyone),
        ("/account/two-factor", everyone),
        ("/intake", operators),
        ("/contacts", staff.union([.volunteer, .lawyer])),
        ("/workers", staff),
        ("/workers/duplicates", [.ngoadmin, .supervisor]),
        ("/workers/import", [.ngoadmin, .supervisor]),
        ("/workers/export.csv", [.ngoadmin, .supervisor]),
        ("/callbacks", operators),
        ("/admin/topics", [.admin]),
        ("/admin/lines", admins),
        ("/cases", staff.union([.lawyer])),
        ("/cases/new", [.supervisor, .caseworker]),
        ("/employers", staff),
        ("/employers/new", [.ngoadmin, .supervisor, .caseworker]),
        ("/employers/duplicates", [.ngoadmin, .supervisor]),
        ("/admin/case-settings", [.ngoadmin, .supervisor]),
        ("/calculator", staff.union([.volunteer, .lawyer])),
        ("/admin/law-parameters", [.admin]),
        ("/mediation", [.supervisor]),
        ("/due", [.ngoadmin, .supervisor, .caseworker, .lawyer]),
        ("/indicators", staff),
        ("/indicators/self-report", admins),
        ("/partners", [.ngoadmin, .supervisor, .caseworker]),
        ("/feedback/new", [.ngoadmin, .supervisor, .caseworker]),
        ("/portal", [.liaison]),
        ("/volunteers", [.admin, .ngoadmin, .supervisor]),
        ("/volunteers/import", [.admin, .ngoadmin, .supervisor]),
        ("/volunteers/import/template.csv", [.admin, .ngoadmin, .supervisor]),
        ("/volunteers/firms", [.admin, .ngoadmin, .supervisor]),
        ("/volunteers/firms.csv", [.admin, .ngoadmin, .supervisor]),
        ("/courses", [.ngoadmin, .supervisor]),
        ("/shifts", [.admin, .ngoadmin, .supervisor, .caseworker, .volunteer, .lawyer]),
        ("/hours", [.admin, .ngoadmin, .supervisor, .caseworker, .volunteer, .lawyer]),
        ("/groups", [.ngoadmin, .supervisor, .caseworker]),
        ("/trainings", [.ngoadmin, .supervisor, .caseworker]),
        ("/messages", [.ngoadmin, .supervisor, .caseworker]),
        ("/lists", [.ngoadmin, .supervisor, .caseworker]),
        ("/my-groups", [.leader]),
    ]

    /// What a volunteer lawyer on a hotline shift opens besides their row: the intake of that office.
    static let onDuty: Set<String> = ["/intake"]

    @Test("Each role opens exactly the pages its row allows", arguments: DemoRole.allCases)
    func pages(role: DemoRole) async throws {
        try await withHuzhu { _, browser in
            try await browser.login(role.rawValue)
            for page in Self.pages {
                let response = try await browser.get(page.path)
                let expected: HTTPStatus = page.allowed.contains(role) ? .ok : .forbidden
                #expect(response.status == expected, "\(role) GET \(page.path)")
                if expected == .forbidden { #expect(response.text.contains("无权"), "\(role) GET \(page.path)") }
            }
        }
    }

    @Test("The navigation offers each role only what it may open", arguments: DemoRole.allCases)
    func navigation(role: DemoRole) async throws {
        try await withHuzhu { _, browser in
            try await browser.login(role.rawValue)
            let html = try await browser.get("/").text
            let navigable = ["/admin/ngos", "/admin/offices", "/admin/users", "/admin/audit", "/account", "/intake", "/contacts",
                             "/workers", "/callbacks", "/admin/topics", "/admin/lines", "/cases", "/employers",
                             "/admin/case-settings", "/calculator", "/admin/law-parameters",
                             "/mediation", "/due", "/indicators", "/indicators/self-report",
                             "/partners", "/portal", "/my-groups"]
            for page in Self.pages where navigable.contains(page.path) {
                #expect(html.contains("href=\"\(page.path)\"") == page.allowed.contains(role), "\(role) nav \(page.path)")
            }
        }
    }

    @Test("A volunteer lawyer on a hotline shift opens the intake of that office as well, and nothing more")
    func lawyerOnDuty() async throws {
        try await withHuzhu(clock: TestClock(VolunteerTests.start)) { app, browser in
            let corps = try await VolunteerTests.corps(app)
            let shift = try await VolunteerTests.plan(app, day: "2026-11-18", "18:30", "21:00")[0]
            try await Volunteers.place(corps.lawyer, on: shift, in: try await app.work(as: "lawyer"))
            try await browser.login("lawyer")
            for page in Self.pages {
                let allowed = page.allowed.contains(.lawyer) || Self.onDuty.contains(page.path)
                #expect(try await browser.get(page.path).status == (allowed ? .ok : .forbidden), "lawyer on duty GET \(page.path)")
            }
        }
    }

    @Test("Only admins can create an office; everyone else is refused and nothing is written",
          arguments: DemoRole.allCases)
    func createOffice(role: DemoRole) async throws {
        try await withHuzhu { app, browser in
            try await browser.login(role.rawValue)
            let ngo = try await app.ngo(named: "小小鸟").requireID()
            let before = try await Office.query(on: app.db).count()
            let response = try await browser.post("/admin/offices/new",
                                                  ["ngo": ngo.uuidString, "name": "广州办公室", "city": "广州", "code": "GZ"])
            let allowed = Self.admins.contains(role)
            #expect(response.status == (allowed ? .seeOther : .forbidden), "\(role)")
            #expect(try await Office.query(on: app.db).count() == before + (allowed ? 1 : 0))
        }
    }

    @Test("Only those who keep the corps set the hotline's hours, remove them, or import a roster; everyone else gets 403 and nothing changes",
          arguments: DemoRole.allCases)
    func keepTheCorps(role: DemoRole) async throws {
        try await withHuzhu(clock: TestClock(VolunteerTests.start)) { app, browser in
            let office = try await app.office("BJ").id!.uuidString
            let supervisor = browser.fresh()
            try await supervisor.login("supervisor")
            let preview = try await supervisor.upload("/volunteers/import", fields: [("office", office)], file: "名册.csv", type: "text/csv",
                                                      data: Data("姓名,手机\r\n王五,13800138201\r\n".utf8))
            let sealed = try #require(VolunteerTests.sealedRoster(preview.text))
            let existing = try await Volunteers.addOpening(AddOpening(form: ["office": office, "weekday": "1", "opens": "09:00", "closes": "12:00"]),
                                                           in: try await app.work(as: "supervisor"))
            try await browser.login(role.rawValue)
            let allowed: Set<DemoRole> = [.admin, .ngoadmin, .supervisor]
            let add = try await browser.post("/shifts/openings", ["office": office, "weekday": "2", "opens": "09:00", "closes": "12:00"])
            #expect(add.status == (allowed.contains(role) ? .seeOther : .forbidden), "\(role) add opening")
            let upload = try await browser.upload("/volunteers/import", fields: [("office", office)], file: "名册.csv", type: "text/csv",
                                                  data: Data("姓名,手机\r\n王五,13800138201\r\n".utf8))
            #expect(upload.status == (allowed.contains(role) ? .ok : .forbidden), "\(role) preview roster")
            // The supervisor's sealed file is theirs alone: nobody else confirms it.
            let confirm = try await browser.post("/volunteers/import/confirm", ["roster": sealed])
            #expect(confirm.status == (role == .supervisor ? .ok : allowed.contains(role) ? .unprocessableEntity : .forbidden), "\(role) confirm")
            let remove = try await browser.post("/shifts/openings/\(existing.id!)/remove")
            #expect(remove.status == (allowed.contains(role) ? .seeOther : .forbidden), "\(role) remove opening")
            #expect(try await HotlineOpening.query(on: app.db).all().map(\.weekday) == [allowed.contains(role) ? 2 : 1], "\(role) openings")
            #expect(try await Volunteer.query(on: app.db).count() == (role == .supervisor ? 1 : 0), "\(role) volunteers")
        }
    }

    @Test("Without a session every page sends the browser to sign in, and the API answers 401 in JSON")
    func anonymous() async throws {
        try await withHuzhu { _, browser in
            for page in Self.pages {
                let response = try await browser.get(page.path)
                #expect(response.status == .seeOther, "\(page.path)")
                #expect(response.location?.hasPrefix("/login") == true)
            }
            let api = try await browser.get("/api/v1/me")
            #expect(api.status == .unauthorized)
            #expect(api.text.contains("\"code\":\"unauthenticated\""))
            let post = try await browser.post("/admin/offices/new", ["name": "x"])
            #expect(post.status == .unauthorized)
        }
    }
}

/// The demo accounts, one per role (their logins are the raw values).
enum DemoRole: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case admin, ngoadmin, supervisor, caseworker, volunteer, lawyer, leader, liaison

    var testDescription: String { rawValue }

    @Test static func coversEveryRole() {
        let roles = Set(DemoNetwork.accounts.filter { DemoRole(rawValue: $0.login) != nil }.map(\.role))
        #expect(roles == Set(Role.allCases))
    }
}
