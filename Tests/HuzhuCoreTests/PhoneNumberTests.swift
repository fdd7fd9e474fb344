import HuzhuCore
import Testing

@Suite("Phone numbers")
struct PhoneNumberTests {
    @Test("Every way of typing a number gives one canonical form", arguments: [
        ("13800138000", "13800138000", PhoneNumber.Kind.mobile),
        ("138-0013-8000", "13800138000", .mobile),
        ("+86 138 0013 8000", "13800138000", .mobile),
        ("0086 13800138000", "13800138000", .mobile),
        ("8613800138000", "13800138000", .mobile),
        ("１３８００１３８０００", "13800138000", .mobile),
        ("199 1234 5678", "19912345678", .mobile),
        ("010-12345678", "01012345678", .landline),
        ("(020) 8888 6666", "02088886666", .landline),
        ("+86 10 1234 5678", "01012345678", .landline),
        ("0755-2345678", "07552345678", .landline),
        ("0755 23456789", "075523456789", .landline),
        ("400-123-4567", "4001234567", .service),
        ("800 810 8888", "8008108888", .service),
    ])
    func canonical(typed: String, digits: String, kind: PhoneNumber.Kind) throws {
        let phone = try PhoneNumber(typed)
        #expect(phone.digits == digits)
        #expect(phone.kind == kind)
    }

    @Test("Impossible numbers are refused with a clear message", arguments: [
        "1380013800", "138001380001", "12800138000", "23800138000", "0101234567", "01012345678901",
        "+86 010 12345678", "5001234567", "abc", "138OO138000", "+1 415 555 0100", "0012345678",
    ])
    func invalid(typed: String) {
        #expect(throws: FieldError("phone", "error.phone_invalid")) { try PhoneNumber(typed) }
    }

    @Test("An empty number is missing, not invalid")
    func empty() {
        #expect(throws: FieldError("phone", "error.required")) { try PhoneNumber("  ") }
    }

    @Test("Masking keeps the first three and last four digits")
    func masked() throws {
        #expect(try PhoneNumber("13800138000").masked == "138****8000")
        #expect(try PhoneNumber("010-12345678").masked == "010****5678")
    }
}

@Suite("Resident ID numbers")
struct ResidentIDTests {
    let today = CalendarDate(year: 2026, month: 11, day: 22)!

    @Test("Valid numbers pass, including an X check character and a 29 February", arguments: [
        "11010519491231002X", "11010519491231002x", "110101199003074258", "440306200002291239", "110101190001010014",
    ])
    func valid(number: String) throws {
        let id = try ResidentID(number, today: today)
        #expect(id.value == number.uppercased())
    }

    @Test("The birth date is read from the number")
    func birthDate() throws {
        #expect(try ResidentID("110101199003074258", today: today).birthDate == CalendarDate(year: 1990, month: 3, day: 7))
        #expect(try ResidentID("110101199003074258", today: today).masked == "1101**********4258")
    }

    @Test("Each kind of mistake gets its own message", arguments: [
        ("11010519491231002", "error.id_format"),
        ("11010519491231002XX", "error.id_format"),
        ("11010519491231002Y", "error.id_format"),
        ("110101199003074259", "error.id_check"),
        ("990101199003074258", "error.id_region"),
        ("11010118991231001X", "error.id_birth_date"),
        ("510107202601010016", "error.id_birth_date"),
    ])
    func invalid(number: String, key: String) {
        #expect(throws: FieldError("id_number", key)) { try ResidentID(number, today: CalendarDate(year: 2025, month: 12, day: 31)!) }
    }

    @Test("A birth date that does not exist is refused")
    func impossibleDate() {
        // 1990-02-30 with a correct check character.
        let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let body = "11010119900230001"
        let check = Array("10X98765432")[zip(body, w).reduce(0) { $0 + Int(String($1.0))! * $1.1 } % 11]
        #expect(throws: FieldError("id_number", "error.id_birth_date")) { try ResidentID(body + String(check), today: today) }
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("Only real days exist")
    func days() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CalendarDate(iso: "2026-11-22")?.description == "2026-11-22")
        #expect(CalendarDate(iso: "26-11-22") == nil)
    }
}
