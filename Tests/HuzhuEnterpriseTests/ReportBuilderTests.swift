import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuEnterprise
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor

/// Enterprise's tables (and those they lean on) with the demo network, for testing its queries directly.
func withEnterpriseTables(_ body: (Application) async throws -> Void) async throws {
    try await TestDatabase.run(features: [OrgFeature.self, IntakeFeature.self, EnterpriseFeature.self]) { app in
        _ = try await DemoNetwork.loadIfEmpty(into: app)
        try await body(app)
    }
}

/// A partnership of the demo network's first office, for the tests of Enterprise's own code.
func demoPartnership(_ app: Application, name: String = "一") async throws -> Partnership {
    let office = try #require(try await Office.query(on: app.db).sort(\.$code).first())
    let user = try #require(try await User.query(on: app.db).filter(\.$ngoID == office.ngoID).first())
    let employer = try await Employer.query(on: app.db).filter(\.$name == "华南电子").first() ?? Employer()
    if employer.id == nil {
        employer.ngoID = office.ngoID
        employer.name = "华南电子"
        employer.createdAt = Date()
        try await employer.create(on: app.db)
    }
    let found = Partnership()
    found.ngoID = office.ngoID
    found.officeID = office.id
    found.employerID = try employer.requireID()
    found.name = name
    found.startOn = CalendarDate(year: 2026, month: 1, day: 1)!
    found.sitesText = "一厂\n二厂"
    found.reportMonths = 1
    found.responsibleID = try user.requireID()
    found.k = 3
    found.formToken = UUID()
    found.createdAt = Date()
    try await found.create(on: app.db)
    return found
}

@Suite("Feedback recorded without HTTP")
struct FeedbackCommandTests {
    @Test("An anonymous worker's number is not kept; a named one needs a name; nothing is written when refused")
    func record() async throws {
        try await withEnterpriseTables { app in
            let partnership = try await demoPartnership(app)
            let record = { (command: RecordFeedback) in
                try await FeedbackRecord.record(command, for: partnership, channel: .webForm, on: app.db, cipher: app.fieldCipher,
                                                now: Date(), source: .console)
            }
            let anonymous = try await record(RecordFeedback(site: "一厂", category: FeedbackCategory.allCases[0],
                                                            severity: FeedbackSeverity.allCases[0], treatment: .anonymous,
                                                            description: "宿舍漏水", callback: "13800138000"))
            #expect(anonymous.callbackCipher == nil && anonymous.nameCipher == nil)
            await #expect(throws: ValidationErrors([FieldError("worker_name", "error.name_for_named")])) {
                _ = try await record(RecordFeedback(category: FeedbackCategory.allCases[0], severity: FeedbackSeverity.allCases[0],
                                                    treatment: .named, description: "加班费"))
            }
            #expect(try await Feedback.query(on: app.db).count() == 1)
        }
    }
}

@Suite("Enterprise reports' queries")
struct ReportBuilderTests {
    @Test("A report's items are the partnership's feedback of its period in Beijing time; the table recodes small sites")
    func itemsOfPeriod() async throws {
        try await withEnterpriseTables { app in
            let (mine, other) = (try await demoPartnership(app, name: "一"), try await demoPartnership(app, name: "二"))
            func feedback(_ partnership: Partnership, site: String, beijing: String) async throws {
                let item = Feedback()
                item.ngoID = partnership.ngoID
                item.partnershipID = try partnership.requireID()
                item.channel = .webForm
                item.site = site
                item.category = FeedbackCategory.allCases[0]
                item.severity = FeedbackSeverity.allCases[0]
                item.treatment = FeedbackTreatment.allCases[0]
                item.descriptionCipher = try app.fieldCipher.seal("—")
                item.status = FeedbackStatus.allCases[0]
                item.createdAt = try #require(ShanghaiTime.instant(localMinute: beijing))
                try await item.create(on: app.db)
            }
            for minute in ["2026-10-01T00:00", "2026-10-15T12:00", "2026-10-31T23:59"] { try await feedback(mine, site: "一厂", beijing: minute) }
            try await feedback(mine, site: "二厂", beijing: "2026-10-20T08:00")
            try await feedback(mine, site: "一厂", beijing: "2026-11-01T00:00")
            try await feedback(mine, site: "一厂", beijing: "2026-09-30T23:59")
            try await feedback(other, site: "一厂", beijing: "2026-10-10T10:00")
            let builder = ReportBuilder(db: app.db, partnership: mine)
            let october = ReportPeriod(month: 2026, 10)
            let items = try await builder.items(in: october)
            #expect(items.count == 4)
            let table = builder.table(items)
            #expect(table.total == 4)
            #expect(!table.sites.contains("二厂"))
        }
    }
}
