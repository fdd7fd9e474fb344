import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import Vapor

/// A field as typed, whether a form sent it as text or a JSON client as a number or a boolean.
struct Typed: Codable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let text = try? value.decode(String.self) { self.text = text }
        else if let number = try? value.decode(Int64.self) { text = String(number) }
        else if let number = try? value.decode(Double.self) { text = String(number) }
        else { text = try value.decode(Bool.self) ? "true" : "" }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// What the calculator can be asked about.
enum Situation: String, CaseIterable, Sendable {
    case dismissed, resignedUnpaid = "resigned_unpaid", noContract = "no_contract", overtime, injured

    /// The facts each situation asks for, in the order the form shows them.
    var fields: [String] {
        switch self {
        case .dismissed: ["region", "start", "end", "average_wage", "last_month_wage", "unlawful", "notice_given", "knew_on", "filed_on"]
        case .resignedUnpaid: ["region", "start", "end", "average_wage", "unpaid", "filed_on"]
        case .noContract: ["start", "signed_on", "end", "monthly_wage", "filed_on"]
        case .overtime: ["monthly_wage", "workday_hours", "rest_day_hours", "holiday_hours", "months", "end", "filed_on"]
        case .injured: ["region", "injured_on", "average_wage", "grade", "died"]
        }
    }

    static let flags: Set<String> = ["unlawful", "notice_given", "died"]
    static let dates: Set<String> = ["start", "end", "knew_on", "signed_on", "injured_on", "filed_on"]
    /// Whether the form may leave a field blank (the rules then take it as absent or zero).
    func isOptional(_ field: String) -> Bool {
        switch field {
        case "last_month_wage", "knew_on", "signed_on", "filed_on", "unlawful", "notice_given", "died", "rest_day_hours", "holiday_hours",
             "workday_hours", "months", "grade": true
        case "end": self == .noContract || self == .overtime
        default: false
        }
    }
}

/// The calculator's facts as typed (the page's query and the API's JSON have the same fields).
struct CalculatorInput: Content {
    var situation: Typed?
    var region: Typed?
    var start: Typed?
    var end: Typed?
    var average_wage: Typed?
    var last_month_wage: Typed?
    var monthly_wage: Typed?
    var unpaid: Typed?
    var unlawful: Typed?
    var notice_given: Typed?
    var signed_on: Typed?
    var workday_hours: Typed?
    var rest_day_hours: Typed?
    var holiday_hours: Typed?
    var months: Typed?
    var injured_on: Typed?
    var grade: Typed?
    var died: Typed?
    var knew_on: Typed?
    /// The day a claim is (or will be) filed: each limitation period is then timely or barred.
    var filed_on: Typed?

    func text(_ field: String) -> String? {
        let value: Typed? = switch field {
        case "situation": situation
        case "region": region
        case "start": start
        case "end": end
        case "average_wage": average_wage
        case "last_month_wage": last_month_wage
        case "monthly_wage": monthly_wage
        case "unpaid": unpaid
        case "unlawful": unlawful
        case "notice_given": notice_given
        case "signed_on": signed_on
        case "workday_hours": workday_hours
        case "rest_day_hours": rest_day_hours
        case "holiday_hours": holiday_hours
        case "months": months
        case "injured_on": injured_on
        case "grade": grade
        case "died": died
        case "knew_on": knew_on
        case "filed_on": filed_on
        default: nil
        }
        let trimmed = value?.text.trimmingCharacters(in: .whitespaces)
        return trimmed?.isEmpty == false ? trimmed : nil
    }

    /// Opened from a case: the facts the case knows — its office's city as the region (when the book has
    /// figures for it) and its dates. The case keeps no wage, so wages are typed.
    mutating func carry(_ found: Case, regions: [String], on db: any Database) async throws {
        if let city = try await Office.find(found.officeID, on: db)?.city, regions.contains(city) { region = Typed(city) }
        start = found.employmentStart.map { Typed($0.description) }
        end = found.employmentEnd.map { Typed($0.description) }
        knew_on = found.knewOn.map { Typed($0.description) }
        injured_on = found.injuryOn.map { Typed($0.description) }
    }

    func flag(_ field: String) -> Bool { ["on", "true", "1", "yes"].contains(text(field)?.lowercased() ?? "") }

    var chosen: Situation? { text("situation").flatMap(Situation.init(rawValue:)) }
}

/// The typed facts checked one by one, every problem collected.
struct CalculatorFacts {
    private let input: CalculatorInput
    private let today: CalendarDate
    private(set) var errors = ValidationErrors()

    init(_ input: CalculatorInput, today: CalendarDate) {
        self.input = input
        self.today = today
    }

    var values: CalculatorInput { input }

    /// The earliest start of work the calculator believes: service before it is a typing error.
    static let earliestStart = CalendarDate(iso: "1950-01-01")!
    static let longestServiceYears = 50

    /// A date that already happened; `filed_on` may also be a day to come (a claim being planned).
    mutating func date(_ field: String, required: Bool = true) -> CalendarDate? {
        let raw = input.text(field)
        if raw == nil {
            if required { errors.add(field, "error.required") }
            return nil
        }
        let date = errors.check { () throws(FieldError) in
            field == "filed_on" ? try CaseInput.date(raw, field: field) : try CaseInput.pastDate(raw, field: field, today: self.today)
        } ?? nil
        if field == "start", let date, date < Self.earliestStart { errors.add(field, "error.start_implausible") }
        return date
    }

    /// Refuses more than fifty years of service as a typing error.
    mutating func checkService(from start: CalendarDate?, through end: CalendarDate?) {
        guard let start, start.adding(years: Self.longestServiceYears) < (end ?? today) else { return }
        errors.add("start", "error.service_implausible")
    }

    /// Hours as typed, whole or with a half (`10.5`), in half hours; blank is none.
    mutating func halfHours(_ field: String, max: Int) -> Int {
        guard let raw = input.text(field) else { return 0 }
        guard let halves = Overtime.Hours.halves(raw), halves <= max * 2 else {
            errors.add(field, "error.hours_format")
            return 0
        }
        return halves
    }

    mutating func money(_ field: String, required: Bool = true) -> Money? {
        guard let raw = input.text(field) else {
            if required { errors.add(field, "error.required") }
            return nil
        }
        return errors.check { () throws(FieldError) in try Money(yuan: raw, field: field) }
    }

    mutating func number(_ field: String, in range: ClosedRange<Int>, default fallback: Int? = nil) -> Int? {
        guard let raw = input.text(field) else {
            if fallback == nil { errors.add(field, "error.required") }
            return fallback
        }
        guard let value = Int(raw), range.contains(value) else {
            errors.add(field, "error.number_range")
            return nil
        }
        return value
    }

    mutating func add(_ error: FieldError) { errors.append(contentsOf: ValidationErrors([error])) }

    mutating func run<T>(_ body: () throws(FieldError) -> T) -> T? { errors.check(body) }
}
