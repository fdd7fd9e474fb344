import Foundation
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

/// Every page and document of the demo, as each role reaches it by following links from the home page,
/// in both languages: none shows an unreplaced `{0}` or a key missing from the catalogue (`⟦key⟧`),
/// and none fails.
@Suite("Every page, every role, both languages")
struct EveryPageTests {
    /// Enough to reach every kind of page a role has (lists, records, documents) without walking every row.
    static let pagesPerRole = 120

    @Test("No placeholder or missing key on any page a role reaches", arguments: DemoRole.allCases)
    func crawl(role: DemoRole) async throws {
        try await withHuzhu { app, browser in
            for loader in app.demoLoaders { _ = try await loader(app) }
            for language in ["zh-Hans", "en"] {
                let session = browser.fresh()
                try await session.login(role.rawValue)
                _ = try await session.post("/language", ["lang": language, "back": "/"])
                var queue = ["/"], seen = Set(["/"]), visited = 0
                var kinds: [String: Int] = [:]
                while !queue.isEmpty && visited < Self.pagesPerRole {
                    let path = queue.removeFirst()
                    let page = try await session.get(path)
                    visited += 1
                    #expect(page.status.code < 500, "\(role) \(language) \(path): \(page.status)")
                    let text = page.body.string
                    #expect(text.firstMatch(of: /\{\d+\}/) == nil, "\(role) \(language) \(path) has a placeholder")
                    #expect(!text.contains("⟦"), "\(role) \(language) \(path): \(text.firstMatch(of: /⟦[^⟧]*⟧/).map { String($0.0) } ?? "")")
                    for match in text.matches(of: /href="(\/[^"#]*)"/) {
                        let link = String(match.1).replacingOccurrences(of: "&amp;", with: "&")
                        guard !seen.contains(link), Self.follows(link) else { continue }
                        // At most a few records of each kind: the second and third case page add nothing new.
                        let kind = link.replacing(/[0-9a-f]{8}-[0-9a-f-]{27}/, with: ":id").split(separator: "?").first.map(String.init) ?? link
                        guard kinds[kind, default: 0] < 2 else { continue }
                        kinds[kind, default: 0] += 1
                        seen.insert(link)
                        queue.append(link)
                    }
                }
                #expect(visited > 1, "\(role) \(language) reached no page beyond home")
            }
        }
    }

    /// Pages, not downloads of uploaded files, static assets or the API.
    static func follows(_ link: String) -> Bool {
        !link.hasPrefix("/static/") && !link.hasPrefix("/files/") && !link.hasPrefix("/api/") && link != "/logout"
    }
}
