import Foundation
import HuzhuCore
@testable import HuzhuPlatform
import Testing

/// Every piece of user-facing text must exist, non-empty, in both catalogues.
@Suite("Catalogues")
struct CatalogueTests {
    let catalogue = Catalogue.bundled

    var zh: [String: String] { catalogue.entries[.zhHans]! }
    var en: [String: String] { catalogue.entries[.en]! }

    @Test("Both languages have the same keys, and no value is empty")
    func complete() {
        #expect(Set(zh.keys).subtracting(en.keys).sorted() == [], "missing in en")
        #expect(Set(en.keys).subtracting(zh.keys).sorted() == [], "missing in zh-Hans")
        #expect(zh.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted() == [])
        #expect(en.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted() == [])
    }

    @Test("Arguments such as {0} match between the languages")
    func arguments() {
        for (key, text) in zh {
            let slots = { (s: String) in Set(s.matches(of: /\{[0-9]\}/).map { String(s[$0.range]) }) }
            #expect(slots(text) == slots(en[key] ?? ""), "\(key)")
        }
    }

    @Test("Every role has a name in both languages")
    func roles() {
        for role in Role.allCases { #expect(zh["role.\(role.rawValue)"] != nil && en["role.\(role.rawValue)"] != nil) }
    }

    /// Scans the sources for keys written as literals, and for the fields and actions whose labels are
    /// looked up by a computed key (`field.<name>`, `audit.action.<name>`).
    @Test("Every key the code uses is in the catalogues")
    func usedKeys() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        let namespaces = Set(zh.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        var used: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /"([a-z_]+(?:\.[a-z0-9_]+)+)"/) {
                let key = String(match.1)
                let isFileName = ["js", "css", "json", "key", "sqlite"].contains(String(key.split(separator: ".").last!))
                if namespaces.contains(String(key.split(separator: ".")[0])), !isFileName { used.insert(key) }
            }
            for match in text.matches(of: /titleKey: "([a-z_.]+)"/) { used.insert(String(match.1)) }
            for match in text.matches(of: /\bt\("([a-z_]+(?:\.[a-z0-9_]+)+)"/) { used.insert(String(match.1)) }
            for match in text.matches(of: /Forms\.(?:text|select|checkbox|checkboxes|radios|textarea)\("([a-z_]+)"/) { used.insert("field.\(match.1)") }
            for match in text.matches(of: /AuditAction\("([a-z_.]+)"\)/) { used.insert("audit.action.\(match.1)") }
        }
        #expect(used.count > 50)
        let missing = used.filter { zh[$0] == nil || en[$0] == nil }.sorted()
        #expect(missing == [], "keys used in code but missing from a catalogue")
    }
}
