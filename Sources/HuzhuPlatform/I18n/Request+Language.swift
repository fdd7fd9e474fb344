import HuzhuCore
import Vapor

extension Request {
    package static let languageCookie = "huzhu_lang"

    /// The language the person chose (on the switch, signed in or before), else the one chosen on this
    /// browser's switch, else the browser's `Accept-Language`, else the default their account was given,
    /// else Chinese. An API client's `Accept-Language` comes first: a program asks for the language of
    /// its messages.
    package var language: Language {
        if url.path.hasPrefix("/api/"), let asked = Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage)) {
            return asked
        }
        if let actor, actor.languageChosen { return actor.language }
        return cookies[application.cookieName(Self.languageCookie)].flatMap { Language(rawValue: $0.string) }
            ?? Language.preferred(acceptLanguage: headers.first(name: .acceptLanguage))
            ?? actor?.language
            ?? .default
    }

    package var t: Localizer { Localizer(language) }
}
