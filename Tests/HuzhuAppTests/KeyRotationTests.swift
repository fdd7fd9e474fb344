import Fluent
import Foundation
@testable import HuzhuEnterprise
@testable import HuzhuIntake
@testable import HuzhuOrg
@testable import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Rotating the secret key: every protected field re-encrypted, both keys readable meanwhile")
struct KeyRotationTests {
    struct Found: Decodable { let items: [WorkerJSON] }
    struct WorkerJSON: Decodable { let id: UUID; let name: String; let id_number: String?; let phones: [String] }

    func lookup(_ app: Application, _ headers: HTTPHeaders, phone: String) async throws -> [WorkerJSON] {
        try await app.testing().sendRequest(.GET, "/api/v1/workers?q=\(phone)", headers: headers).content.decode(Found.self).items
    }

    @Test("Old rows stay readable and findable during the rotation, new rows use the new key, and afterwards the new key alone reads everything")
    func rotate() async throws {
        try await withHuzhu { app, browser in
            let network = SecretKey.random(), old = SecretKey.random(), new = SecretKey.random()
            app.fieldCipher = FieldCipher(keys: KeyRing(secret: old, network: network))
            try await browser.login("caseworker")
            let headers = try await browser.apiHeaders()
            let body = #"{"full_name": "轮换前", "phones": ["13900139001"], "id_number": "110101199003074258"}"#
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/workers", headers: headers, body: ByteBuffer(string: body)).status == .created)
            let callback = #"{"channel": "hotline", "topics": ["wage_arrears"], "summary": "请回电", "outcome": "callback", "callback_phone": "13900139002"}"#
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: callback)).status == .created)
            _ = try await DemoPartner.loadIfEmpty(into: app)
            let partner = try #require(try await Partnership.query(on: app.db).first())
            let visitor = browser.fresh()
            _ = try await visitor.get("/voice/\(partner.formToken)")
            _ = try await visitor.post("/voice/\(partner.formToken)", ["category": "safety", "severity": "urgent", "treatment": "anonymous",
                                                                      "description": "安全门坏了", "site": "二厂"])
            let sealed = app.sealedColumns
            let onlyOld = FieldCipher(keys: KeyRing(secret: old, network: network))
            let before = try await KeyRotation.remaining(sealed, cipher: onlyOld, on: app.db)
            #expect(before == 0)

            // The server restarted with the new key and the old one as previous.
            let rotating = FieldCipher(keys: KeyRing(secret: new, network: network, previousSecret: old))
            app.fieldCipher = rotating
            #expect(try await lookup(app, headers, phone: "13900139001").map(\.name) == ["轮换前"])
            let during = #"{"full_name": "轮换中", "phones": ["13900139003"]}"#
            #expect(try await app.testing().sendRequest(.POST, "/api/v1/workers", headers: headers, body: ByteBuffer(string: during)).status == .created)
            let onlyNew = FieldCipher(keys: KeyRing(secret: new, network: network))
            let pending = try await KeyRotation.remaining(sealed, cipher: onlyNew, on: app.db)
            #expect(pending >= 5)  // the phone, the ID number, the callback's number twice, the feedback, the line's secret

            var reports: [KeyRotation.Progress] = []
            let changed = try await KeyRotation.run(sealed, cipher: rotating, on: app.db) { reports.append($0) }
            #expect(changed == pending)
            #expect(Set(reports.map(\.column)).count == sealed.count)
            #expect(try await KeyRotation.remaining(sealed, cipher: onlyNew, on: app.db) == 0)
            #expect(try await KeyRotation.run(sealed, cipher: rotating, on: app.db) { _ in } == 0)  // a second run has nothing to do

            // The previous key removed: everything is read and found with the new key alone.
            app.fieldCipher = onlyNew
            let found = try await lookup(app, headers, phone: "13900139001")
            #expect(found.map(\.name) == ["轮换前"] && found.first?.phones.first?.hasSuffix("9001") == true)
            let one = try await app.testing().sendRequest(.GET, "/api/v1/workers/\(try #require(found.first).id)", headers: headers)
            #expect(try one.content.decode(WorkerJSON.self).id_number?.hasSuffix("4258") == true, "\(one.text)")
            #expect(try await lookup(app, headers, phone: "110101199003074258").map(\.name) == ["轮换前"])
            #expect(try await lookup(app, headers, phone: "13900139003").map(\.name) == ["轮换中"])
            // Names are still found by part: their search grams were re-derived under the new key.
            let byName = try await app.testing().sendRequest(.GET, "/api/v1/workers?q=%E8%BD%AE%E6%8D%A2", headers: headers)  // 轮换
            #expect(byName.text.contains("轮换前") && byName.text.contains("轮换中"), "\(byName.text)")
            let lookup = try await app.testing().sendRequest(.GET, "/api/v1/lookup?phone=13900139002", headers: headers)
            #expect(lookup.text.contains("请回电") && lookup.text.contains("open_callbacks\":[{"), "\(lookup.text)")
            let supervisor = browser.fresh()
            try await supervisor.login("sz.caseworker")  // the demo partner is the Shenzhen office's
            let item = try #require(try await Feedback.query(on: app.db).first())
            #expect(try await supervisor.get("/feedback/\(item.id!)").text.contains("安全门坏了"))
            // And the old key opens nothing any more: a leaked old key reads no current value.
            let stranger = FieldCipher(keys: KeyRing(secret: .random(), network: network))
            let everything = try await KeyRotation.remaining(sealed, cipher: stranger, on: app.db)
            #expect(everything > pending)
            #expect(try await KeyRotation.remaining(sealed, cipher: onlyOld, on: app.db) == everything)
        }
    }
}
