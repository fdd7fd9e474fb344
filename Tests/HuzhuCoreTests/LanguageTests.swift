import HuzhuCore
import Testing

@Suite("Choosing a language from Accept-Language")
struct LanguageTests {
    @Test("The highest-ranked supported language wins", arguments: [
        ("zh-CN,zh;q=0.9,en;q=0.8", Language.zhHans),
        ("en-US,en;q=0.9", .en),
        ("fr-FR, en;q=0.5, zh;q=0.7", .zhHans),
        ("de, en;q=0.1", .en),
        ("zh-TW", .zhHans),
    ])
    func preferred(header: String, expected: Language) {
        #expect(Language.preferred(acceptLanguage: header) == expected)
    }

    @Test("Nothing supported, or nothing sent, gives no preference")
    func none() {
        #expect(Language.preferred(acceptLanguage: "fr, de") == nil)
        #expect(Language.preferred(acceptLanguage: "en;q=0") == nil)
        #expect(Language.preferred(acceptLanguage: nil) == nil)
        #expect(Language.preferred(acceptLanguage: ",;q=,") == nil)
    }
}
