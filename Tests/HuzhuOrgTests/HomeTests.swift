import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuOrg
import HuzhuPlatform
import Plot
import Testing
import Vapor

@Suite("Home page query and view")
struct HomeTests {
    @Test("Each role sees the offices within its reach, with their active accounts counted in one query")
    func reach() async throws {
        try await withDemoNetwork { app in
            let network = try await HomeQuery.load(for: try await app.actor("admin"), on: app.db)
            #expect(network.ngoCount == 2)
            #expect(Set(network.offices.map(\.code)) == ["CD", "BJ", "SH", "SY", "SZ"])
            // Accounts with an office: four in Beijing, two in Shenzhen, one in Chengdu.
            #expect(network.offices.reduce(0) { $0 + $1.activeUsers } == 7)

            let ngo = try await HomeQuery.load(for: try await app.actor("ngoadmin"), on: app.db)
            #expect(Set(ngo.offices.map(\.code)) == ["BJ", "SZ", "SY", "SH"])
            #expect(ngo.offices.first { $0.code == "BJ" }?.activeUsers == 4)

            let office = try await HomeQuery.load(for: try await app.actor("caseworker"), on: app.db)
            #expect(office.offices.map(\.code) == ["BJ"])
            #expect(Set(office.colleagues.map(\.displayName)) == ["李静", "张晓雨", "刘志强"])
        }
    }

    @Test("A deactivated account no longer counts nor shows as a colleague")
    func deactivated() async throws {
        try await withDemoNetwork { app in
            let volunteer = try await User.query(on: app.db).filter(\.$login == "volunteer").first()!
            volunteer.active = false
            try await volunteer.save(on: app.db)
            let office = try await HomeQuery.load(for: try await app.actor("caseworker"), on: app.db)
            #expect(office.offices.first?.activeUsers == 3)
            #expect(!office.colleagues.map(\.displayName).contains("张晓雨"))
        }
    }

    @Test("The view shows the account and escapes what people typed")
    func view() {
        let actor = Actor(userID: UUID(), login: "x", displayName: "<b>王</b>", role: .caseworker, ngoID: UUID(),
                          officeID: UUID(), ngoName: "机构", officeName: "北京办公室", language: .en)
        let model = HomeModel(actor: actor, previousLoginAt: nil, ngoCount: 1,
                              offices: [.init(ngoName: "机构", officeName: "北京办公室", city: "北京", code: "BJ", activeUsers: 3)],
                              colleagues: [], recentActivity: [])
        let page = PageContext(t: Localizer(.en), actor: actor, csrf: "token", path: "/", navigation: [], stylesheet: "/s.css")
        let html = Node<HTML.BodyContext>.div(HomeView(model: model).render(page)).render()
        #expect(html.contains("&lt;b&gt;王&lt;/b&gt;"))
        #expect(html.contains("Caseworker"))
        #expect(html.contains("1 NGOs, 1 offices, 3 active accounts."))
        #expect(html.contains("No other active accounts in this office yet."))
        #expect(html.contains("Nothing recorded yet."))
        #expect(html.contains("This is your first sign-in."))
    }
}
