import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Intake JSON API and its OpenAPI document")
struct IntakeAPITests {
    func token(_ browser: Browser, as login: String) async throws -> HTTPHeaders {
        try await browser.login(login)
        let page = try await browser.post("/tokens", ["name": "integration"])
        let secret = String(try #require(page.text.firstMatch(of: /<code class="secret">([^<]+)<\/code>/)?.1))
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: secret)
        headers.contentType = .json
        return headers
    }

    @Test("A contact with a new worker is created, read back, listed and found by phone lookup")
    func contactRoundTrip() async throws {
        try await withHuzhu { app, browser in
            let headers = try await token(browser, as: "caseworker")
            let body = """
                {"channel": "wechat", "topics": ["wage_arrears", "no_contract"], "summary": "包工头拖欠工资",
                 "outcome": "case_to_open", "duration_seconds": 95,
                 "worker": {"full_name": "周九", "phones": ["+86 139 0013 9000"], "gender": "male", "consent_sms": true}}
                """
            let created = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let contact = try created.content.decode(ContactJSON.self)
            #expect(contact.topics == ["wage_arrears", "no_contract"])
            #expect(contact.duration_seconds == 95)
            #expect(contact.number.hasPrefix("BJ-"))
            #expect(created.headers.first(name: .location) == "/api/v1/contacts/\(contact.id.uuidString.lowercased())")

            let read = try await app.testing().sendRequest(.GET, "/api/v1/contacts/\(contact.id)", headers: headers)
            #expect(try read.content.decode(ContactJSON.self).summary == "包工头拖欠工资")
            let list = try await app.testing().sendRequest(.GET, "/api/v1/contacts?channel=wechat", headers: headers)
            #expect(try list.content.decode(APIPage<ContactLineJSON>.self).items.map(\.id) == [contact.id])
            let lookup = try await app.testing().sendRequest(.GET, "/api/v1/lookup?phone=13900139000", headers: headers)
            let found = try lookup.content.decode(WorkersAPI.LookupJSON.self)
            #expect(found.workers.map(\.name) == ["周九"])
            #expect(found.workers.first?.phones == ["139****9000"])
            #expect(found.history.first?.number == contact.number)

            let worker = try await app.testing().sendRequest(.GET, "/api/v1/workers/\(contact.worker_id!)?reveal=true", headers: headers)
            #expect(try worker.content.decode(WorkerJSON.self).phones == ["13900139000"])
        }
    }

    @Test("Invalid input is a 422 naming each field, in the language the client asks for, and writes nothing")
    func invalid() async throws {
        try await withHuzhu { app, browser in
            // A program asks for the language of its messages: Accept-Language wins over the owner's preference
            // (Chinese for the demo accounts), which answers when the client asks for none.
            var headers = try await token(browser, as: "volunteer")
            headers.replaceOrAdd(name: .acceptLanguage, value: "en")
            let body = """
                {"channel": "fax", "topics": ["no_such_topic"], "summary": "", "outcome": "advice",
                 "worker": {"full_name": "X", "phones": ["12345"]}}
                """
            let response = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableEntity)
            let error = try response.content.decode(ErrorResponder.Body.self).error
            #expect(error.code == "invalid")
            let fields = Set((error.fields ?? []).map(\.field))
            #expect(fields.isSuperset(of: ["channel", "topics", "summary", "phones"]))
            #expect(error.fields?.first { $0.field == "phones" }?.message.contains("This is not a Chinese phone number") == true)
            #expect(try await Contact.query(on: app.db).count() == 0)
            let malformed = try await app.testing().sendRequest(.POST, "/api/v1/contacts", headers: headers,
                                                                body: ByteBuffer(string: "{\"channel\": ["))
            #expect(malformed.status == .badRequest)
        }
    }

    @Test("A hotline volunteer cannot reveal identifiers nor list the NGO's workers")
    func volunteerLimits() async throws {
        try await withHuzhu { app, browser in
            let headers = try await token(browser, as: "volunteer")
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/workers", headers: headers).status == .forbidden)
            let body = #"{"full_name": "吴十", "phones": ["13800138000"]}"#
            let created = try await app.testing().sendRequest(.POST, "/api/v1/workers", headers: headers, body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let id = try created.content.decode(WorkerJSON.self).id
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/workers/\(id)?reveal=true", headers: headers).status == .notFound)
        }
    }

    @Test("Every /api/v1 route is in the OpenAPI document, with its method")
    func documentCoversRoutes() async throws {
        try await withHuzhu { app, browser in
            let response = try await browser.get("/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let routes = app.routes.all.filter { $0.path.first?.description == "api" && $0.path.map(\.description) != ["api", "v1", "openapi.json"] }
            #expect(routes.count >= 9)
            for route in routes {
                let path = "/" + route.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }
                    .joined(separator: "/")
                #expect(paths[path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not documented")
            }
        }
    }
}
