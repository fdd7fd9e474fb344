import Fluent
import Foundation
import HuzhuPlatform
import HuzhuCore
import SQLKit

struct CreateWageParameters: AsyncMigration {
    /// The figures of labor-law.md, with their effective dates and sources.
    static let initial: [(WageParameter.Kind, String, Int64, CalendarDate, String)] = [
        (.minimumWage, "北京", 2_540, CalendarDate(year: 2025, month: 9, day: 1)!, "北京市人力资源和社会保障局：调整最低工资标准（2025）"),
        (.minimumWage, "上海", 2_740, CalendarDate(year: 2025, month: 7, day: 1)!, "上海市人力资源和社会保障局：调整最低工资标准（2025）"),
        (.minimumWage, "深圳", 2_520, CalendarDate(year: 2025, month: 3, day: 1)!, "深圳市人力资源和社会保障局：调整最低工资标准（2025）"),
        (.minimumWage, "沈阳", 2_100, CalendarDate(year: 2024, month: 5, day: 1)!, "辽宁省人民政府：调整最低工资标准（一档，2024）"),
        (.averageWage, "上海", 12_434, CalendarDate(year: 2025, month: 7, day: 1)!, "上海市人力资源和社会保障局：2024 年全市职工月平均工资"),
        (.nationalIncome, WageParameter.national, 51_821, CalendarDate(year: 2025, month: 1, day: 1)!, "国家统计局：2024 年全国城镇居民人均可支配收入"),
        (.nationalIncome, WageParameter.national, 54_188, CalendarDate(year: 2026, month: 1, day: 1)!, "国家统计局：2025 年全国城镇居民人均可支配收入"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(WageParameter.schema)
            .id()
            .field("kind", .string, .required)
            .field("region", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("effective_on", .string, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "kind", "region", "effective_on")
            .create()
        try await database.schema(LawSetting.schema)
            .field("id", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        for (kind, region, yuan, on, source) in Self.initial {
            let row = WageParameter()
            row.kind = kind
            row.region = region
            row.amountFen = yuan * 100
            row.effectiveOn = on
            row.source = source
            row.createdAt = Date()
            try await row.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LawSetting.schema).delete()
        try await database.schema(WageParameter.schema).delete()
    }
}
