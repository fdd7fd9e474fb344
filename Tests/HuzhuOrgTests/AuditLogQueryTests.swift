import Fluent
import Foundation
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor

@Suite("Audit log query")
struct AuditLogQueryTests {
    func record(_ app: Application, _ count: Int, ngo: UUID?) async throws {
        for index in 0..<count {
            try await AuditEvent.record(.updateOffice, by: .console, at: Date(), recordType: "office", recordID: UUID(),
                                        ngoID: ngo, detail: .count(index, "entry"), on: app.db)
        }
    }

    @Test("Pages are newest first, do not overlap, and end")
    func paging() async throws {
        try await withDemoNetwork { app in
            let ngo = try await NGO.query(on: app.db).first()!.requireID()
            try await record(app, 120, ngo: ngo)
            var filter = AuditLogFilter(action: "org.office.update")
            var seen: [Int64] = []
            for _ in 0..<5 {
                let page = try await AuditLogQuery.load(filter, visible: .network, on: app.db)
                seen += page.events.map { $0.id! }
                guard let next = page.nextCursor else { break }
                filter.before = next
            }
            #expect(seen.count == 120)
            #expect(seen == seen.sorted(by: >))
            #expect(Set(seen).count == 120)
        }
    }

    @Test("An NGO's view holds only its own entries")
    func tenant() async throws {
        try await withDemoNetwork { app in
            let ngos = try await NGO.query(on: app.db).all().map { $0.id! }
            try await record(app, 3, ngo: ngos[0])
            try await record(app, 2, ngo: ngos[1])
            let first = try await AuditLogQuery.load(AuditLogFilter(action: "org.office.update"), visible: .ngo(ngos[1]), on: app.db)
            #expect(first.events.count == 2)
            #expect(first.events.allSatisfy { $0.ngoID == ngos[1] })
        }
    }
}
