import Foundation
import HuzhuCore

/// The user-facing text of Huzhu in each language, loaded from `Resources/i18n/<language>.json`.
/// Keys are dotted names (`org.office.code`); values may hold `{0}`, `{1}` … for arguments.
package struct Catalogue: Sendable {
    package let entries: [Language: [String: String]]

    package init(entries: [Language: [String: String]]) {
        self.entries = entries
    }

    /// The catalogues shipped with Huzhu.
    package static let bundled: Catalogue = {
        var entries: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json",
                                              subdirectory: "Resources/i18n"),
                  let data = try? Data(contentsOf: url),
                  let table = try? JSONDecoder().decode([String: String].self, from: data) else {
                fatalError("The \(language.rawValue) catalogue is missing from the bundle or is not a JSON object of strings.")
            }
            entries[language] = table
        }
        return Catalogue(entries: entries)
    }()

    /// The keys, of those given, that a language lacks or leaves empty, as `language: key`; for the tests
    /// of labels looked up by a computed key.
    package func missing(_ keys: [String]) -> [String] {
        Language.allCases.flatMap { language in
            keys.filter { entries[language]?[$0]?.isEmpty ?? true }.map { "\(language.rawValue): \($0)" }
        }
    }

    /// The text for a key. A missing key shows itself marked, `⟦key⟧`, so the gap is visible on the page
    /// (and the tests that render every page fail on it).
    package func text(_ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        var text = entries[language]?[key] ?? "⟦\(key)⟧"
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }
}

/// Text in one language, handed to views and errors: `t("field.code")`.
package struct Localizer: Sendable {
    package let language: Language
    package let catalogue: Catalogue

    package init(_ language: Language, catalogue: Catalogue = .bundled) {
        self.language = language
        self.catalogue = catalogue
    }

    package func callAsFunction(_ key: String, _ arguments: String...) -> String {
        catalogue.text(key, language, arguments)
    }

    package func date(_ instant: Date) -> String { ShanghaiTime.date(instant, in: language) }
    package func dateTime(_ instant: Date) -> String { ShanghaiTime.dateTime(instant, in: language) }
    package func role(_ role: Role) -> String { self("role.\(role.rawValue)") }
}
