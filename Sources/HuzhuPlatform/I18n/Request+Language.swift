import HuzhuCore
import Vapor

extension Request {
    package static let languageCookie = "huzhu_lang"

    /// The user's preference, else the language chosen on the switch, else `Accept-Language`, else Chinese.
    package var language: Language {
        actor?.language
            ?? cookies[application.cookieName(Self.languageCookie)].flatMap { Language(rawValue: $0.string) }
            ?? Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage))
            ?? .default
    }

    package var t: Localizer { Localizer(language) }
}
