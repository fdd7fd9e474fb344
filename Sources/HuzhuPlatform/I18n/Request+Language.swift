import HuzhuCore
import Vapor

extension Request {
    package static let languageCookie = "huzhu_lang"

    /// The user's preference, else the language chosen on the switch, else `Accept-Language`, else Chinese.
    /// An API client's `Accept-Language` comes first: a program asks for the language of its messages.
    package var language: Language {
        if url.path.hasPrefix("/api/"), let asked = Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage)) {
            return asked
        }
        return actor?.language
            ?? cookies[application.cookieName(Self.languageCookie)].flatMap { Language(rawValue: $0.string) }
            ?? Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage))
            ?? .default
    }

    package var t: Localizer { Localizer(language) }
}
