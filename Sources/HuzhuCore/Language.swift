import Foundation

/// The languages of the interface. Simplified Chinese is the default.
public enum Language: String, CaseIterable, Codable, Sendable {
    case zhHans = "zh-Hans"
    case en

    public static let `default` = Language.zhHans

    /// The language's own name, as shown on the switch.
    public var nativeName: String {
        switch self {
        case .zhHans: "中文"
        case .en: "English"
        }
    }

    /// The value of the HTML `lang` attribute.
    public var htmlCode: String { self == .zhHans ? "zh-CN" : "en" }

    /// Picks the best supported language from an `Accept-Language` header, by its q-values.
    public static func preferred(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (tag: String, q: Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { return nil }
            var q = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)) ?? 0
            }
            return (tag, q)
        }
        for entry in ranked.filter({ $0.q > 0 }).sorted(by: { $0.q > $1.q }) {
            if entry.tag.hasPrefix("zh") { return .zhHans }
            if entry.tag.hasPrefix("en") { return .en }
        }
        return nil
    }
}
