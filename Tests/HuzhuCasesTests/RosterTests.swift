import HuzhuCore
@testable import HuzhuCases
import Testing

@Suite("Typing a collective case's roster")
struct RosterTests {
    @Test("Each line is a name and an optional phone, however they are separated")
    func lines() throws {
        let roster = try RosterLine.parse("张三 13800138000\n李四，139-0013-9000\n\n  王五  ", field: "roster")
        #expect(roster.map(\.name) == ["张三", "李四", "王五"])
        #expect(roster.map { $0.phone?.digits } == ["13800138000", "13900139000", nil])
    }

    @Test("A bad phone, a line without a name, or too many lines are refused")
    func refused() {
        #expect(throws: FieldError("roster", "error.roster_phone")) { try RosterLine.parse("张三 12345", field: "roster") }
        #expect(throws: FieldError("roster", "error.roster_line")) { try RosterLine.parse("13800138000", field: "roster") }
        let many = (0...RosterLine.maxLines).map { "工友\($0)" }.joined(separator: "\n")
        #expect(throws: FieldError("roster", "error.roster_too_long")) { try RosterLine.parse(many, field: "roster") }
    }
}
