import Foundation
import HuzhuCore
import Testing

@Suite("Money in fen")
struct MoneyTests {
    @Test("Amounts are shown as yuan with thousands separators and two decimals", arguments: [
        (Int64(0), "¥0.00"), (5, "¥0.05"), (123_456, "¥1,234.56"), (100_000_000, "¥1,000,000.00"),
        (-250, "-¥2.50"), (99, "¥0.99"), (Int64.max, "¥92,233,720,368,547,758.07"),
    ])
    func formatted(fen: Int64, text: String) {
        #expect(Money(fen: fen).formatted == text)
    }

    @Test("Amounts order by value")
    func ordering() {
        #expect(Money(fen: 1) < Money(fen: 2))
        #expect(Money(fen: -1) < Money(fen: 0))
    }
}

@Suite("Time shown in Asia/Shanghai")
struct ShanghaiTimeTests {
    /// 2026-11-21 16:30 UTC is 2026-11-22 00:30 in Beijing: the date must be the Beijing one.
    let lateEvening = Date(timeIntervalSince1970: 1_795_278_600)

    @Test("Dates use Beijing's calendar day, in each language's style")
    func dates() {
        #expect(ShanghaiTime.date(lateEvening, in: .zhHans) == "2026-11-22")
        #expect(ShanghaiTime.date(lateEvening, in: .en) == "22 Nov 2026")
        #expect(ShanghaiTime.dateTime(lateEvening, in: .zhHans) == "2026-11-22 00:30")
    }
}
