import Fluent
import Foundation
import HuzhuCore

/// A local figure the labour-law rules depend on, as published: a region's monthly minimum wage or
/// average monthly wage, or the national urban per-capita disposable income, from a date, with its
/// source. New figures are added with their own dates; old ones stay, so a case is computed with the
/// figure that applied on its date, not today's.
package final class WageParameter: Model, @unchecked Sendable {
    package static let schema = "wage_parameters"

    @ID(key: .id) package var id: UUID?
    @Field(key: "kind") package var kind: Kind
    /// A region's name as people write it (`北京`), or `全国` for the national figure.
    @Field(key: "region") package var region: String
    @Field(key: "amount_fen") package var amountFen: Int64
    @Field(key: "effective_on") package var effectiveOn: CalendarDate
    @Field(key: "source") package var source: String
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package enum Kind: String, Codable, CaseIterable, Sendable {
        /// Monthly minimum wage.
        case minimumWage = "minimum_wage"
        /// The local average monthly wage of the previous year.
        case averageWage = "average_wage"
        /// The national urban per-capita disposable income of the previous year (yearly).
        case nationalIncome = "national_income"
    }

    package static let national = "全国"
}

/// The network's choices where the law leaves one to local practice.
package final class LawSetting: Model, @unchecked Sendable {
    package static let schema = "law_settings"

    /// The setting's name (`double_wage_mode`).
    @ID(custom: .id, generatedBy: .user) package var id: String?
    @Field(key: "value") package var value: String

    package init() {}
}
