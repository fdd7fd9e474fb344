import Fluent
import Foundation
@testable import HuzhuCases
import HuzhuCore
import HuzhuPlatform
import SQLKit
import Testing
import Vapor

@Suite("A case's dispute types")
struct DisputeTypesTests {
    @Test("Each type has its own bit, and a set reads back in the catalogue's order")
    func bits() {
        #expect(Set(DisputeType.allCases.map(DisputeTypes.bit)).count == DisputeType.allCases.count)
        #expect(DisputeTypes([.overtime, .wageArrears, .overtime]).types == [.wageArrears, .overtime])
        #expect(DisputeTypes([]).types.isEmpty)
    }

    @Test("The migration moves the comma-joined text into the bits and drops the text")
    func migration() async throws {
        try await TestDatabase.run(configure: { app, configuration in
            try Platform.configure(app, configuration, keys: KeyRing(secret: configuration.secretKey!, network: configuration.networkKey!))
        }) { app in
            let sql = app.db.sql
            try await app.db.schema(Case.schema).id().field("dispute_types", .string, .required).create()
            let (a, b, c) = (UUID(), UUID(), UUID())
            for (id, text) in [(a, ",wage_arrears,overtime,"), (b, ",other,"), (c, ",")] {
                try await sql.raw("INSERT INTO cases (id, dispute_types) VALUES (\(bind: id), \(bind: text))").run()
            }
            try await AddDisputeMaskToCases().prepare(on: app.db)
            struct Row: Decodable { let id: UUID; let dispute_mask: Int64 }
            let rows = try await sql.raw("SELECT id, dispute_mask FROM cases").all(decoding: Row.self)
            let masks = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, DisputeTypes(bits: $0.dispute_mask).types) })
            #expect(masks == [a: [.wageArrears, .overtime], b: [.other], c: []])
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT dispute_types FROM cases").run() }
        }
    }
}
