import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
import HuzhuPlatform
import Testing
import Vapor

/// What is known is not typed again: a case opened from a contact, and the calculator opened from a case.
@Suite("Carrying what is known")
struct CarryKnownTests {
    @Test("A case from a contact gets a short title, the contact's worker and their employer as the respondent")
    func caseFromContact() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            _ = try await browser.recordContact(phone: "13800138021", newWorker: "韩梅", summary: "工地欠薪三个月，老板失联，工友二十多人",
                                                extra: ["outcome": "case_to_open", "employer": "宏达建筑劳务公司"])
            let contact = try #require(try await app.contacts().last)
            let form = try await browser.get("/cases/new?contact=\(contact.id!)").text
            #expect(form.contains(#"value="工地欠薪三个月""#))
            #expect(form.contains(#"value="宏达建筑劳务公司""#))
            #expect(form.contains("韩梅"))
        }
    }

    @Test("The calculator opened from a case fills the region and the dates the case knows")
    func calculatorFromCase() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("caseworker")
            let opened = try await browser.openCase(extra: [("employment_start", "2023-03-01"), ("employment_end", "2025-10-31"),
                                                            ("knew_on", "2025-10-31")])
            let page = try await browser.get("/calculator?situation=dismissed&case=\(opened.id!)").text
            #expect(page.contains(#"value="2023-03-01""#) && page.contains(#"value="2025-10-31""#))
            #expect(page.contains(#"<option value="北京" selected="selected">"#))
        }
    }
}
