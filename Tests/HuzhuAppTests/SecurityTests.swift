import Fluent
import Foundation
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Forms and headers that keep a session safe")
struct SecurityTests {
    @Test("A form posted without its CSRF token, or with another, is refused and changes nothing")
    func csrf() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("admin")
            let before = try await Office.query(on: app.db).count()
            let form = ["ngo": try await app.ngo(named: "小小鸟").requireID().uuidString,
                        "name": "广州办公室", "city": "广州", "code": "GZ"]
            let missing = try await browser.post("/admin/offices/new", form, csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("没有做任何更改"))
            var forged = form
            forged["csrf"] = "forged-token"
            #expect(try await browser.post("/admin/offices/new", forged).status == .forbidden)
            #expect(try await Office.query(on: app.db).count() == before)
            #expect(try await browser.post("/admin/offices/new", form).status == .seeOther)
            #expect(try await Office.query(on: app.db).count() == before + 1)
        }
    }

    @Test("A token is bound to the session: the cookie's own value, another session's token or a planted cookie are refused")
    func csrfBoundToSession() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("admin")
            let before = try await Office.query(on: app.db).count()
            let form = ["ngo": try await app.ngo(named: "小小鸟").requireID().uuidString,
                        "name": "广州办公室", "city": "广州", "code": "GZ"]
            // Double-submit: the pre-session cookie's value posted as the token (the attack of a planted cookie).
            let cookie = try #require(browser.cookies[CSRFProtection.cookieName])
            var planted = form
            planted["csrf"] = cookie
            #expect(try await browser.post("/admin/offices/new", planted).status == .forbidden)
            // Another signed-in person's valid token.
            let other = browser.fresh()
            try await other.login("admin")
            var stolen = form
            stolen["csrf"] = try await other.csrfToken()
            #expect(try await browser.post("/admin/offices/new", stolen).status == .forbidden)
            #expect(try await Office.query(on: app.db).count() == before)
            // A planted pre-session cookie with a value the attacker chose cannot be turned into a token either.
            let victim = browser.fresh()
            _ = try await victim.send(.GET, "/login", headers: ["Cookie": "\(CSRFProtection.cookieName)=chosen"], body: nil)
            let forgedLogin = try await victim.send(.POST, "/login", headers: ["Cookie": "\(CSRFProtection.cookieName)=chosen",
                                                                              "Content-Type": "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "csrf=chosen&login=admin&password=\(DemoNetwork.password)"))
            #expect(forgedLogin.status == .forbidden)
            #expect(try await browser.post("/admin/offices/new", form).status == .seeOther)
        }
    }

    @Test("Under HTTPS every cookie is __Host- prefixed: Secure, whole site, no domain")
    func hostCookies() async throws {
        try await withHuzhu { app, browser in
            app.secureCookies = true
            let page = try await browser.get("/login")
            let names = Array((page.headers.setCookie?.all ?? [:]).keys)
            #expect(names == ["__Host-\(CSRFProtection.cookieName)"])
            try await browser.login("admin")
            #expect(browser.cookies["__Host-\(StaffSession.cookieName)"] != nil)
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test("A forged sign-in without the token is refused")
    func loginCSRF() async throws {
        try await withHuzhu { _, browser in
            let response = try await browser.post("/login", ["login": "admin", "password": DemoNetwork.password], csrf: false)
            #expect(response.status == .forbidden)
            #expect(browser.cookies[StaffSession.cookieName] == nil)
        }
    }

    @Test("Every page carries a strict Content-Security-Policy, frame denial and no referrer")
    func headers() async throws {
        try await withHuzhu { _, browser in
            for path in ["/login", "/healthz", "/no-such-page", "/api/v1/me"] {
                let response = try await browser.get(path)
                let csp = try #require(response.headers.first(name: "Content-Security-Policy"), "\(path)")
                #expect(csp.contains("script-src 'self'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(response.headers.first(name: "Referrer-Policy") == "no-referrer")
            }
        }
    }

    @Test("Pages hold no inline script and load nothing from another host")
    func noInlineScript() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("admin")
            for path in ["/", "/admin/users", "/admin/offices/new", "/admin/audit"] {
                let html = try await browser.get(path).text
                #expect(!html.contains("<script"), "\(path)")
                #expect(!html.contains("http://") && !html.contains("https://"), "\(path)")
                #expect(!html.contains(" style="), "\(path)")
            }
        }
    }

    @Test("Text typed into a form is shown escaped, never as markup")
    func escaping() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("ngoadmin")
            let response = try await browser.post("/admin/offices/new",
                                                  ["name": "<script>alert(1)</script>", "city": "\"><b>x", "code": "!!"])
            #expect(response.status == .unprocessableEntity)
            #expect(!response.text.contains("<script>alert(1)"))
            #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!response.text.contains("\"><b>x"))
            let reflected = try await browser.fresh().get("/login?next=/%22%3E%3Cscript%3Ex()%3C/script%3E")
            #expect(!reflected.text.contains("<script>x()"))
            #expect(reflected.text.contains("&quot;&gt;&lt;script&gt;"))
        }
    }

    @Test("An oversized form is refused with a clear answer")
    func oversized() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("admin")
            let response = try await browser.post("/admin/ngos/new", ["name": String(repeating: "长", count: 40_000), "city": "x"])
            #expect(response.status == .payloadTooLarge)
            #expect(response.text.contains("提交的内容过大"))
        }
    }

    @Test("The stylesheet is served under its content hash and cached for a year")
    func stylesheet() async throws {
        try await withHuzhu { _, browser in
            let path = StaticAssets.bundled.stylesheetPath
            #expect(try await browser.get("/login").text.contains(path))
            let css = try await browser.get(path)
            #expect(css.status == .ok)
            #expect(css.headers.first(name: .cacheControl)?.contains("immutable") == true)
            #expect(css.text.contains("max-width: 40rem"))
        }
    }

    @Test("Malformed requests to every form get a clear 4xx, never a server error, and write nothing")
    func malformed() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("admin")
            let csrf = try await browser.csrfToken()
            let user = try await app.user("lawyer").requireID()
            let paths = ["/login", "/language", "/admin/ngos/new", "/admin/offices/new", "/admin/users/new",
                         "/admin/users/\(user)", "/admin/users/\(user)/password", "/admin/users/not-an-id", "/tokens",
                         "/tokens/\(UUID())/revoke", "/admin/offices/\(UUID())"]
            let bodies: [(type: String, bytes: [UInt8])] = [
                ("application/x-www-form-urlencoded", Array("csrf=\(csrf)&name=%FF%FE&city=%E4%B8".utf8)),
                ("application/x-www-form-urlencoded", Array("csrf=\(csrf)&".utf8) + [0xFF, 0xFE, 0x00, 0x3D]),
                ("application/x-www-form-urlencoded", Array("csrf=\(csrf)&name[]=1&name[x]=2&role=%00".utf8)),
                ("application/json", Array("{\"csrf\": \"\(csrf)\", \"name\": [1, {}], \"lang\": 7".utf8)),
                ("application/json", Array("{\"csrf\": \"\(csrf)\", \"name\": 5, \"login\": null}".utf8)),
                ("multipart/form-data", Array("csrf=\(csrf)".utf8)),
                ("text/plain", Array("csrf=\(csrf)".utf8)),
            ]
            let before = try await AuditEvent.query(on: app.db).count()
            let ngos = try await NGO.query(on: app.db).count()
            for path in paths {
                for body in bodies {
                    var headers = HTTPHeaders()
                    headers.replaceOrAdd(name: .contentType, value: body.type)
                    let response = try await browser.send(.POST, path, headers: headers, body: ByteBuffer(bytes: body.bytes))
                    #expect((400..<500).contains(response.status.code), "\(path) \(body.type) → \(response.status)")
                }
            }
            #expect(try await NGO.query(on: app.db).count() == ngos)
            let written = try await AuditEvent.query(on: app.db).filter(\.$id > Int64(before)).all().map(\.action)
            #expect(written.allSatisfy { $0 == "auth.login_failed" || $0 == "org.user.view" }, "\(written)")
        }
    }
}
