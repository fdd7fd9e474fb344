import Fluent
import Foundation
@testable import HuzhuCases
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Testing
import Plot
import Vapor

/// Casework's tables (and those they lean on) with the demo network, for testing its commands and
/// queries without HTTP; `work` gives a demo account's context.
func withCaseTables(_ body: (Application, _ work: (String) async throws -> WorkContext) async throws -> Void) async throws {
    try await TestDatabase.run(features: [OrgFeature.self, IntakeFeature.self, CasesFeature.self]) { app in
        _ = try await DemoNetwork.loadIfEmpty(into: app)
        try await body(app) { login in
            let user = try #require(try await User.query(on: app.db).filter(\.$login == login).first())
            let actor = Actor(userID: try user.requireID(), login: user.login, displayName: user.displayName, role: user.role,
                              ngoID: user.ngoID, officeID: user.officeID, ngoName: nil, officeName: nil, language: .zhHans)
            return WorkContext(db: app.db, clock: app.clock, cipher: app.fieldCipher, actor: actor,
                               source: AuditSource(userID: actor.userID, login: login, address: "test"), policy: app.policy)
        }
    }
}

@Suite("The case list's query")
struct CaseListQueryTests {
    @Test("Office staff list their office's cases, filtered by type and by number; a lawyer only those assigned to them")
    func visibleCases() async throws {
        try await withCaseTables { app, work in
            let caseworker = try await work("caseworker")
            func open(_ title: String, _ types: [DisputeType]) async throws -> Case {
                try await Cases.open(OpenCase(facts: CaseFacts(title: title, summary: "", disputeTypes: types, dates: [:], nextActionOn: nil),
                                              contactID: nil, respondent: nil, roster: []), in: caseworker)
            }
            let wages = try await open("欠薪案", [.wageArrears, .overtime])
            let injury = try await open("工伤案", [.workInjury])
            let office = Visibility.office(ngo: wages.ngoID, office: wages.officeID)
            func titles(_ filter: CaseFilter, _ visible: Visibility, actor: Actor, lawyer: Bool = false) async throws -> [String?] {
                try await CaseListQuery.load(filter, for: actor, visible: visible, lawyer: lawyer, today: caseworker.today,
                                             cipher: app.fieldCipher, on: app.db).rows.map(\.title)
            }
            #expect(Set(try await titles(CaseFilter(), office, actor: caseworker.actor)) == ["欠薪案", "工伤案"])
            var byType = CaseFilter()
            byType.type = "overtime"
            #expect(try await titles(byType, office, actor: caseworker.actor) == ["欠薪案"])
            var byNumber = CaseFilter()
            byNumber.q = injury.number
            #expect(try await titles(byNumber, office, actor: caseworker.actor) == ["工伤案"])
            let elsewhere = Visibility.office(ngo: wages.ngoID, office: UUID())
            #expect(try await titles(CaseFilter(), elsewhere, actor: caseworker.actor).isEmpty)
            #expect(try await titles(CaseFilter(), .nothing, actor: caseworker.actor).isEmpty)
            let lawyer = try await work("lawyer")
            #expect(try await titles(CaseFilter(), .ngo(wages.ngoID), actor: lawyer.actor, lawyer: true).isEmpty)
        }
    }
}

@Suite("The case list's view")
struct CaseListViewTests {
    @Test("A row shows its case from view values: overdue next steps marked, a lawyer's unconfirmed case only its respondents")
    func rows() {
        let today = CalendarDate(year: 2026, month: 11, day: 20)!
        func row(_ number: String, title: String?, next: CalendarDate?, pending: [String]? = nil) -> CaseListQuery.Row {
            CaseListQuery.Row(id: UUID(), number: number, title: title, status: .negotiation, closingPending: false,
                              disputeTypes: [.wageArrears], openedOn: today, nextActionOn: next, updatedAt: Date(), workers: 3,
                              pendingRespondents: pending)
        }
        let page = CaseListQuery.Page(rows: [row("BJ-2026-00001", title: "<b>欠薪</b>", next: today.adding(days: -1)),
                                             row("BJ-2026-00002", title: nil, next: nil, pending: ["宏达建筑"])], next: nil)
        let context = PageContext(t: Localizer(.en), actor: nil, csrf: "token", path: "/cases", navigation: [], stylesheet: "/s.css")
        let html = Node<HTML.BodyContext>.div(CaseListView.render(page, filter: CaseFilter(), choices: .init(
            assignees: [], mayOpen: true, lawyer: false, today: today), context)).render()
        #expect(html.contains("BJ-2026-00001") && html.contains("&lt;b&gt;欠薪&lt;/b&gt;"))
        #expect(html.contains("status overdue"))
        #expect(html.contains("宏达建筑") && html.contains("BJ-2026-00002"))
    }
}
