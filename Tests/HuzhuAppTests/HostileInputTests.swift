import Fluent
import Foundation
@testable import HuzhuCases
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Hostile input: a clear 4xx, nothing written, the server still serving")
struct HostileInputTests {
    @Test("A multipart body whose part header name is not ASCII is refused on an upload and on a form, and writes nothing")
    func multipartHeaderName() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let found = try await browser.openCase()
            var headers = try await browser.apiHeaders()
            for (name, value) in Multipart.headers { headers.replaceOrAdd(name: name, value: value) }
            let hostile = ByteBuffer(bytes: Array("--\(Multipart.boundary)\r\n".utf8) + [0x7E, 0xC3, 0xA8, 0xC2, 0x92, 0xC3, 0x8E]
                + Array("--\(Multipart.boundary)--\r\n".utf8))
            let upload = try await app.testing().sendRequest(.POST, "/api/v1/cases/\(found.id!)/files", headers: headers, body: hostile)
            #expect(upload.status == .unprocessableEntity)
            #expect(upload.text.contains("\"field\":\"file\""))
            let form = try await browser.send(.POST, "/login", headers: Multipart.headers, body: hostile)
            #expect((400..<500).contains(form.status.code))
            #expect(try await EvidenceFile.query(on: app.db).count() == 0)
            #expect(try await browser.get("/healthz").status == .ok)
        }
    }

    @Test("A roster line the API cannot read (¾, ①) is a 422 naming the field, not a server error")
    func rosterNumberLikeName() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let found = try await browser.openCase()
            let headers = try await browser.apiHeaders()
            for roster in ["\u{00BE}", "① 13800138000", "张三 ¾"] {
                let body = try JSONEncoder().encode(["roster": roster])
                let response = try await app.testing().sendRequest(.POST, "/api/v1/cases/\(found.id!)/workers", headers: headers,
                                                                   body: ByteBuffer(data: body))
                #expect(response.status == .unprocessableEntity, "\(roster): \(response.status) \(response.text)")
            }
            #expect(try await app.caseWorkers(of: found).isEmpty)
        }
    }
}
