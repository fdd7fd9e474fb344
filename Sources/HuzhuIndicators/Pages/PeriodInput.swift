import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// A period as a form gives it: its kind and its first day (a custom period also its last day).
enum PeriodInput {
    static func fields(errors: ValidationErrors, _ t: Localizer) -> Node<HTML.FormContext> {
        .group(
            Forms.select("period_kind", options: IndicatorPeriod.Kind.allCases.map { ($0.rawValue, t("period_kind.\($0.rawValue)")) },
                         selected: IndicatorPeriod.Kind.month.rawValue, errors: errors, t),
            Forms.text("period_from", value: nil, errors: errors, t, type: .date, hint: t("dashboard.period_hint")),
            Forms.text("period_last", value: nil, errors: errors, t, type: .date, required: false))
    }

    static func period(_ request: Request, today: CalendarDate) throws -> IndicatorPeriod {
        let kind = (try request.content.get(String?.self, at: "period_kind") ?? nil).flatMap(IndicatorPeriod.Kind.init(rawValue:))
        let from = (try request.content.get(String?.self, at: "period_from") ?? nil).flatMap(CalendarDate.init(iso:))
        let last = (try request.content.get(String?.self, at: "period_last") ?? nil).flatMap(CalendarDate.init(iso:))
        return try period(kind: kind, from: from, last: last)
    }

    static func period(kind: IndicatorPeriod.Kind?, from: CalendarDate?, last: CalendarDate?) throws(ValidationErrors) -> IndicatorPeriod {
        guard let kind else { throw ValidationErrors([FieldError("period_kind", "error.choice_invalid")]) }
        guard let from else { throw ValidationErrors([FieldError("period_from", "error.date_format")]) }
        switch kind {
        case .day: return .day(from)
        case .month: return .month(from.year, from.month)
        case .quarter: return .quarter(from.year, (from.month - 1) / 3 + 1)
        case .year: return .year(from.year)
        case .custom:
            guard let last else { throw ValidationErrors([FieldError("period_last", "error.required")]) }
            do { return try IndicatorPeriod(kind: .custom, from: from, to: last.adding(days: 1)) } catch {
                throw ValidationErrors([error])
            }
        }
    }
}
