import Fluent
import Foundation
@testable import HuzhuCases
@testable import HuzhuEnterprise
@testable import HuzhuIntake
import HuzhuOrg
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

    /// Markup an attacker would type into a free-text field; it must come back as text, never as markup.
    static let markup = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"

    /// The page holds the markup only escaped.
    func expectEscaped(_ browser: Browser, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let page = try await browser.get(path)
        #expect(page.status == .ok, "\(path): \(page.status)", sourceLocation: sourceLocation)
        for raw in ["<script>alert(1)", "<img src=x", "\"><img"] {
            #expect(!page.text.contains(raw), "\(path) shows \(raw) unescaped", sourceLocation: sourceLocation)
        }
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path) does not show the text", sourceLocation: sourceLocation)
    }

    @Test("Markup typed into free-text fields is shown as text on every page that shows it, and on forms sent back with an error")
    func markupIsEscaped() async throws {
        try await withHuzhu { app, browser in
            let markup = Self.markup
            try await browser.login("caseworker")
            #expect(try await browser.recordContact(phone: "13700137000", newWorker: "工友" + markup, summary: "欠薪" + markup,
                                                    extra: ["advice": markup]).status == .seeOther)
            let contact = try #require(try await Contact.query(on: app.db).all()
                .first { (try? $0.openSummary(app.fieldCipher)) == "欠薪" + markup })
            let worker = try #require(contact.workerID)
            for path in ["/contacts", "/contacts/\(contact.id!)", "/workers", "/workers/\(worker)", "/workers?q=工友"] {
                try await expectEscaped(browser, path)
            }
            // Refused for another field, the intake form comes back with what was typed, escaped.
            let refused = try await browser.recordContact(phone: nil, newWorker: "", subject: "new", summary: markup)
            #expect(refused.status == .unprocessableEntity)
            #expect(!refused.text.contains("<script>alert(1)") && refused.text.contains("&lt;script&gt;alert(1)"))

            let found = try await browser.openCase(title: "欠薪" + markup, roster: "李四\(markup) 13600136000", respondent: "劳务公司" + markup)
            _ = try await browser.post("/cases/\(found.id!)/notes", ["note_kind": "call", "text": markup])
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
            let upload = try await browser.upload("/cases/\(found.id!)/files", fields: [("description", markup)],
                                                  file: "../../etc/<script>alert(1)</script><img src=x onerror=alert(2)>.png", type: "image/png", data: Data(png))
            #expect(upload.status == .seeOther)  // (browsers send a quote in a file name as %22)
            let employer = try #require(try await Employer.query(on: app.db).filter(\.$name == "劳务公司" + markup).first())
            for path in ["/cases", "/cases/\(found.id!)", "/employers/\(employer.id!)", "/"] {
                try await expectEscaped(browser, path)
            }
            let stored = try #require(try await EvidenceFile.query(on: app.db).first())
            let storedName = try stored.openOriginalName(app.fieldCipher)
            #expect(!storedName.contains("/") && !storedName.contains(".."))
            let download = try await browser.get("/files/\(stored.id!)")
            let disposition = try #require(download.headers.first(name: .contentDisposition))
            #expect(!disposition.contains("/") && !disposition.contains("\r") && !disposition.contains("\n"))

            // The public feedback form: what a visitor types is shown escaped to the staff who read it.
            _ = try await DemoPartner.loadIfEmpty(into: app)
            let partner = try #require(try await Partnership.query(on: app.db).first())
            let visitor = browser.fresh()
            _ = try await visitor.get("/voice/\(partner.formToken)")
            #expect(try await visitor.post("/voice/\(partner.formToken)", ["category": "safety", "severity": "urgent", "treatment": "anonymous",
                                                                         "description": "安全门坏了" + markup, "site": "二厂"]).status == .ok)
            let supervisor = browser.fresh()
            try await supervisor.login("sz.caseworker")  // the demo partner is the Shenzhen office's
            let item = try #require(try await Feedback.query(on: app.db).sort(\.$createdAt, .descending).first())
            try await expectEscaped(supervisor, "/feedback/\(item.id!)")
        }
    }

    @Test("Oversized bodies and uploads, malformed JSON and forms, invalid UTF-8, bad cursors and page sizes: each a clear 4xx that writes nothing")
    func malformedRequests() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let found = try await browser.openCase()
            let headers = try await browser.apiHeaders()
            let contactsBefore = try await Contact.query(on: app.db).count()
            let workersBefore = try await Worker.query(on: app.db).count()
            /// Through a real HTTP server, where body limits apply as they do in production.
            func send(_ path: String, _ body: ByteBuffer, _ headers: HTTPHeaders = headers) async throws -> TestingHTTPResponse {
                var headers = headers
                if headers[.authorization].isEmpty, !browser.cookies.isEmpty {
                    headers.replaceOrAdd(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
                }
                return try await app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(.POST, path, headers: headers, body: body)
            }
            let valid = #"{"channel": "hotline", "topics": ["wage_arrears"], "summary": "SUMMARY", "outcome": "advice"}"#
            func contact(summary: [UInt8]) -> ByteBuffer {
                let parts = valid.components(separatedBy: "SUMMARY")
                return ByteBuffer(bytes: Array(parts[0].utf8) + summary + Array(parts[1].utf8))
            }
            #expect(try await send("/api/v1/contacts", contact(summary: Array("正常".utf8))).status == .created)  // the baseline is accepted

            let cases: [(String, String, ByteBuffer, HTTPResponseStatus)] = [
                ("oversized JSON", "/api/v1/contacts", contact(summary: Array(repeating: 0x61, count: 2 << 20)), .payloadTooLarge),
                ("cut-off JSON", "/api/v1/contacts", ByteBuffer(string: #"{"channel": "hotl"#), .badRequest),
                ("JSON of the wrong shape", "/api/v1/contacts", ByteBuffer(string: #"{"channel": 7, "topics": "all"}"#), .badRequest),
                ("invalid UTF-8 in JSON", "/api/v1/contacts", contact(summary: [0xE6, 0xAC, 0xA0, 0xFF, 0xFE]), .badRequest),
                ("a NUL byte", "/api/v1/contacts", contact(summary: [0x00]), .badRequest),
                ("an empty body", "/api/v1/workers", ByteBuffer(), .badRequest),
            ]
            for (what, path, body, status) in cases {
                let response = try await send(path, body)
                #expect(response.status == status, "\(what): \(response.status) \(response.text.prefix(200))")
                #expect(response.text.contains("\"error\""), "\(what)")
            }
            // In the token owner's language.
            let tooLarge = try await send("/api/v1/contacts", contact(summary: Array(repeating: 0x61, count: 2 << 20)))
            #expect(tooLarge.text.contains("提交的内容过大"), "\(tooLarge.text)")

            // An upload far past the limit, through the API and the page: refused before it is read. (One
            // just past 10 MB is read and refused as the field error `file_too_large`.)
            var multipart = headers
            for (name, value) in Multipart.headers { multipart.replaceOrAdd(name: name, value: value) }
            let huge = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(count: EvidenceStore.maxBytes + 1 << 20)
            let apiUpload = try await send("/api/v1/cases/\(found.id!)/files", Multipart.body(file: "huge.png", type: "image/png", data: huge), multipart)
            #expect(apiUpload.status == .payloadTooLarge)
            let csrf = try await browser.csrfToken()
            let pageUpload = try await send("/cases/\(found.id!)/files",
                                            Multipart.body(fields: [(CSRFProtection.fieldName, csrf)], file: "huge.png", type: "image/png", data: huge),
                                            Multipart.headers)
            #expect(pageUpload.status == .payloadTooLarge)
            #expect(try await EvidenceFile.query(on: app.db).count() == 0)

            // A form field that is not UTF-8, and a form far past the form limit.
            var form = HTTPHeaders()
            form.contentType = .urlEncodedForm
            let badField = try await send("/cases/\(found.id!)/notes", ByteBuffer(string: "csrf=\(csrf)&note_kind=call&text=%FF%FE%E6"), form)
            #expect((400..<500).contains(badField.status.code), "\(badField.status)")
            let bigForm = try await send("/cases/\(found.id!)/notes",
                                         ByteBuffer(string: "csrf=\(csrf)&note_kind=call&text=" + String(repeating: "a", count: 200_000)), form)
            #expect(bigForm.status == .payloadTooLarge)
            #expect(try await CaseEvent.query(on: app.db).filter(\.$caseID == found.id!).filter(\.$kind ~~ [.note, .call]).count() == 0)

            // Paging: the page size is the server's, whatever is asked; a cursor that names no row is a 422.
            for path in ["/api/v1/contacts", "/api/v1/workers", "/api/v1/cases"] {
                let asked = try await app.testing().sendRequest(.GET, path + "?limit=100000000&per_page=100000000", headers: headers)
                #expect(asked.status == .ok, "\(path)")
                for cursor in ["zzz", UUID().uuidString, String(repeating: "A", count: 5000)] {
                    let response = try await app.testing().sendRequest(.GET, path + "?after=\(cursor)", headers: headers)
                    #expect(response.status == .unprocessableEntity, "\(path) after=\(cursor.prefix(10)): \(response.status)")
                    #expect(response.text.contains("\"field\":\"after\""), "\(path)")
                }
            }
            let page = try await browser.get("/contacts?after=zzz")
            #expect(page.status == .unprocessableEntity && page.text.contains("翻页位置已失效"))

            #expect(try await Contact.query(on: app.db).count() == contactsBefore + 1)
            #expect(try await Worker.query(on: app.db).count() == workersBefore)
        }
    }
}
