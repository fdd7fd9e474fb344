import Fluent
import Foundation
import HuzhuCore

/// The local figures in force on a date, and the network's settings for the labour-law rules.
struct ParameterBook {
    let db: any Database

    /// The figure of this kind for the region that was in force on `date` (the latest that took effect
    /// on or before it).
    func value(_ kind: WageParameter.Kind, region: String, on date: CalendarDate) async throws -> WageParameter? {
        try await WageParameter.query(on: db).filter(\.$kind == kind).filter(\.$region == region)
            .filter(\.$effectiveOn <= date).sort(\.$effectiveOn, .descending).first()
    }

    /// The regions with a minimum wage on record, for the calculator's choice.
    func regions() async throws -> [String] {
        Array(Set(try await WageParameter.query(on: db).filter(\.$kind == .minimumWage).all().map(\.region))).sorted()
    }

    static let doubleWageModeKey = "double_wage_mode"

    func doubleWageMode() async throws -> Deadlines.DoubleWageMode {
        try await LawSetting.find(Self.doubleWageModeKey, on: db).flatMap { Deadlines.DoubleWageMode(rawValue: $0.value) }
            ?? .fromPeriodEnd
    }
}
