import Foundation
import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

/// A browser for tests: keeps cookies, sends forms with the page's CSRF token, follows nothing.
final class Browser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    var language: String?

    init(app: Application) { self.app = app }

    /// A second browser on the same server, with its own cookies.
    func fresh() -> Browser { Browser(app: app) }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form. The CSRF token is added unless the test supplies its own field (or `csrf: false`).
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf: Bool = true) async throws -> TestingHTTPResponse {
        try await post(path, pairs: form.map { ($0.key, $0.value) }, csrf: csrf)
    }

    /// Posts fields in order, a name possibly repeated (`workers[]`).
    @discardableResult
    func post(_ path: String, pairs: [(String, String)], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = pairs
        if csrf && !fields.contains(where: { $0.0 == CSRFProtection.fieldName }) {
            fields.append((CSRFProtection.fieldName, try await csrfToken()))
        }
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let body = fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// The token the forms of this browser's pages carry, read from a page as a person's browser would.
    func csrfToken() async throws -> String {
        var page = try await get("/login")
        for _ in 0..<3 where page.status == .seeOther {  // signed in: home, or where home sends them first
            page = try await get(page.location ?? "/")
        }
        guard let range = page.text.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else {
            Issue.record("no form with a CSRF token on the page")
            return ""
        }
        return String(page.text[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    /// Signs in as a demo account and checks it worked.
    func login(_ login: String, password: String = DemoNetwork.password) async throws {
        let response = try await post("/login", ["login": login, "password": password])
        #expect(response.status == .seeOther, "login \(login) answered \(response.status)")
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var headers = headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let language { headers.replaceOrAdd(name: .acceptLanguage, value: language) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            if value.expires.map({ $0 < Date() }) == true || value.maxAge == 0 || value.string.isEmpty {
                cookies[name] = nil
            } else {
                cookies[name] = value.string
            }
        }
        return response
    }

    private func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestingHTTPResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
    var location: String? { headers.first(name: .location) }
}

/// A `multipart/form-data` body: text fields, then one file.
struct Multipart {
    static let boundary = "----huzhu-test"

    static func body(fields: [(String, String)] = [], file name: String, type: String, data: Data) -> ByteBuffer {
        var body = Data()
        for (field, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
        body += data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        return ByteBuffer(data: body)
    }

    static var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return headers
    }
}

extension Browser {
    /// Uploads a file through a page's form, with the page's CSRF token and other fields.
    func upload(_ path: String, fields: [(String, String)] = [], file name: String, type: String,
                data: Data) async throws -> TestingHTTPResponse {
        let body = Multipart.body(fields: [(CSRFProtection.fieldName, try await csrfToken())] + fields,
                                  file: name, type: type, data: data)
        return try await send(.POST, path, headers: Multipart.headers, body: body)
    }
}
