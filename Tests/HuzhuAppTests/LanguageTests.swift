import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIntake
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Languages")
struct LanguageTests {
    @Test("Chinese by default; Accept-Language picks English; the switch overrides both")
    func choice() async throws {
        try await withHuzhu { _, browser in
            let chinese = try await browser.get("/login")
            #expect(chinese.text.contains("<html lang=\"zh-CN\">"))
            #expect(chinese.text.contains("登录名"))
            browser.language = "en-GB,en;q=0.9"
            #expect(try await browser.get("/login").text.contains("Login"))
            let switched = try await browser.post("/language", ["lang": "zh-Hans", "back": "/login"])
            #expect(switched.location == "/login")
            #expect(try await browser.get("/login").text.contains("登录名"))
        }
    }

    @Test("A signed-in person's choice is kept as their preference")
    func preference() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("supervisor")
            try await browser.post("/language", ["lang": "en", "back": "/"])
            #expect(try await app.user("supervisor").language == .en)
            let elsewhere = browser.fresh()
            try await elsewhere.login("supervisor")
            let home = try await elsewhere.get("/").text
            #expect(home.contains(">Account</a>"))
            #expect(home.contains("Office supervisor"))
        }
    }

    @Test("English chosen before signing in survives sign-in; the switch returns to the page with its query; the API follows Accept-Language")
    func keptAcrossSignIn() async throws {
        try await withHuzhu { app, browser in
            _ = try await browser.post("/language", ["lang": "en", "back": "/login"])
            try await browser.login("caseworker")
            #expect(try await app.user("caseworker").language == .en)
            #expect(try await browser.get("/").text.contains(">Account</a>"))
            let list = try await browser.get("/cases?status=intake&type=overtime").text
            #expect(list.contains(#"name="back" value="/cases?status=intake&amp;type=overtime""#))
            let back = try await browser.post("/language", ["lang": "zh-Hans", "back": "/cases?status=intake&type=overtime"])
            #expect(back.location == "/cases?status=intake&type=overtime")
            var headers = try await browser.apiHeaders()
            headers.replaceOrAdd(name: .acceptLanguage, value: "en")
            let refused = try await app.testing().sendRequest(.GET, "/api/v1/cases/\(UUID())", headers: headers)
            #expect(refused.status == .notFound && refused.body.string.contains("does not exist"))
        }
    }

    @Test("The browser's language survives sign-in until the person chooses; their choice then wins on every device")
    func browserLanguageAfterSignIn() async throws {
        try await withHuzhu { app, browser in
            browser.language = "en-US,en;q=0.9"
            try await browser.login("caseworker")
            #expect(try await browser.get("/").text.contains("<h1>Home</h1>"))
            #expect(try await app.user("caseworker").languageChosen == false)
            _ = try await browser.post("/language", ["lang": "zh-Hans", "back": "/"])
            #expect(try await app.user("caseworker").languageChosen == true)
            let elsewhere = browser.fresh()
            elsewhere.language = "en"
            try await elsewhere.login("caseworker")
            #expect(try await elsewhere.get("/").text.contains("<h1>首页</h1>"))
        }
    }

    @Test("The switch never sends the browser to another site, and refuses an unknown language")
    func safeReturn() async throws {
        try await withHuzhu { _, browser in
            let protocolRelative = try await browser.post("/language", ["lang": "en", "back": "//evil.example/x"])
            #expect(protocolRelative.location == "/")
            let absolute = try await browser.post("/language", ["lang": "en", "back": "https://evil.example/"])
            #expect(absolute.location == "/")
            let unknown = try await browser.post("/language", ["lang": "fr", "back": "/"])
            #expect(unknown.status == .badRequest)
        }
    }
}

@Suite("Health")
struct HealthTests {
    @Test("GET /healthz reports the database as up")
    func health() async throws {
        try await withHuzhu { _, browser in
            let response = try await browser.get("/healthz")
            #expect(response.status == .ok)
            let report = try response.content.decode(HealthReport.self)
            #expect(report.status == "ok")
            #expect(report.database == "up")
            #expect(report.driver == (TestDatabase.isPostgres ? "postgresql" : "sqlite"))
        }
    }
}

@Suite("Demo data")
struct DemoDataTests {
    @Test("Every demo account signs in and sees a Chinese home page and account page with its role")
    func everyAccount() async throws {
        try await withHuzhu { _, browser in
            for account in DemoNetwork.accounts {
                let session = browser.fresh()
                try await session.login(account.login)
                let home = try await session.get("/").text
                #expect(home.contains("<h1>首页</h1>") && home.contains(Localizer(.zhHans).role(account.role)), "\(account.login)")
                let page = try await session.get("/account").text
                #expect(page.contains("我的账号"), "\(account.login)")
                #expect(page.contains(Localizer(.zhHans).role(account.role)), "\(account.login)")
            }
        }
    }

    @Test("The demo hotline is recorded through the intake code: workers, contacts, a line and a missed call")
    func demoHotline() async throws {
        try await withHuzhu { app, browser in
            let lines = try await DemoHotline.loadIfEmpty(into: app)
            #expect(lines.first?.contains("whsec_") == true)
            #expect(try await Worker.query(on: app.db).count() == DemoHotline.workers.count)
            #expect(try await Contact.query(on: app.db).count() == DemoHotline.contacts.count)
            #expect(try await Callback.query(on: app.db).filter(\.$status == .open).count() == 2)
            _ = try await DemoHotline.loadIfEmpty(into: app)
            #expect(try await Contact.query(on: app.db).count() == DemoHotline.contacts.count)
            try await browser.login("caseworker")
            #expect(try await browser.get("/intake?phone=13900000001").text.contains("第二次来电"))
        }
    }

    @Test("Loading the demo twice changes nothing the second time")
    func idempotent() async throws {
        try await withHuzhu { app, _ in
            let loaded = try await DemoNetwork.loadIfEmpty(into: app)
            #expect(loaded == false)
            let users = try await User.query(on: app.db).count()
            #expect(users == DemoNetwork.accounts.count)
        }
    }
}
