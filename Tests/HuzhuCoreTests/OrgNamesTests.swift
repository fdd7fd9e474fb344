import HuzhuCore
import Testing

@Suite("Names, codes and logins")
struct OrgNamesTests {
    @Test("Office codes are 2-6 Latin letters or digits starting with a letter, upper-cased")
    func officeCodes() throws {
        #expect(try OrgNames.officeCode(" bj ") == "BJ")
        #expect(try OrgNames.officeCode("SZ2") == "SZ2")
        for bad in ["", "B", "1B", "BJ-1", "北京", "ABCDEFG", "Bé"] {
            #expect(throws: FieldError("code", bad.isEmpty ? "error.required" : "error.office_code")) {
                try OrgNames.officeCode(bad)
            }
        }
    }

    @Test("Logins are lower-cased and limited to a safe alphabet")
    func logins() throws {
        #expect(try OrgNames.login("Li.Na") == "li.na")
        #expect(throws: FieldError("login", "error.login_format")) { try OrgNames.login("li na") }
        #expect(throws: FieldError("login", "error.login_format")) { try OrgNames.login("ab") }
        #expect(throws: FieldError("login", "error.login_format")) { try OrgNames.login("王磊") }
        #expect(throws: FieldError("login", "error.required")) { try OrgNames.login("  ") }
    }

    @Test("Display names are trimmed, required, at most 100 characters and free of control characters")
    func displayNames() throws {
        #expect(try OrgNames.displayName("  北京办公室 ", field: "name") == "北京办公室")
        #expect(throws: FieldError("name", "error.required")) { try OrgNames.displayName(" ", field: "name") }
        #expect(throws: FieldError("name", "error.too_long")) { try OrgNames.displayName(String(repeating: "长", count: 101), field: "name") }
        #expect(throws: FieldError("name", "error.control_characters")) { try OrgNames.displayName("a\u{0}b", field: "name") }
    }

    @Test("Passwords are 10 characters to 72 bytes")
    func passwords() throws {
        #expect(throws: FieldError("password", "error.password_short")) { try OrgNames.password("short") }
        #expect(throws: FieldError("password", "error.password_long")) { try OrgNames.password(String(repeating: "密", count: 25)) }
        #expect(try OrgNames.password("long enough") == "long enough")
    }

    @Test("Validation collects every problem of a form")
    func collecting() {
        var errors = ValidationErrors()
        _ = errors.check { () throws(FieldError) in try OrgNames.login("") }
        _ = errors.check { () throws(FieldError) in try OrgNames.officeCode("1") }
        #expect(errors.errors.map(\.field) == ["login", "code"])
        #expect(errors.messageKey(for: "code") == "error.office_code")
        #expect(throws: ValidationErrors.self) { try errors.throwIfAny() }
    }
}
