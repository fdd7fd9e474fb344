import Foundation
import HuzhuCore
import Testing

@Suite("CSV")
struct CSVTests {
    @Test("Quoted fields keep commas, quotes and line breaks; CRLF and LF both end rows")
    func parse() {
        let text = "姓名,电话\r\n\"张, 三\",13800138000\r\n\"他说\"\"你好\"\"\",\"第一行\n第二行\"\n\n李四,\n"
        #expect(CSV.parse(text) == [["姓名", "电话"], ["张, 三", "13800138000"], ["他说\"你好\"", "第一行\n第二行"], ["李四", ""]])
        #expect(CSV.parse("a,b") == [["a", "b"]])
        #expect(CSV.parse("") == [])
    }

    @Test("Written lines read back the same, and formulas are neutralised")
    func write() {
        let fields = ["张, 三", "他说\"你好\"", "两\n行", "=HYPERLINK(\"x\")", "+86", "-1", "@SUM(A1)", "普通"]
        let line = CSV.line(fields)
        #expect(line.hasSuffix("\r\n"))
        let back = CSV.parse(line)[0]
        #expect(back[0...2] == ["张, 三", "他说\"你好\"", "两\n行"])
        #expect(back[3...6] == ["'=HYPERLINK(\"x\")", "'+86", "'-1", "'@SUM(A1)"])
        #expect(back[7] == "普通")
    }

    @Test("UTF-8 with or without BOM, and GB18030 from Excel, all decode")
    func encodings() {
        let utf8 = Data("姓名\n张三".utf8)
        #expect(CSV.decode(utf8) == "姓名\n张三")
        #expect(CSV.decode(Data([0xEF, 0xBB, 0xBF]) + utf8) == "姓名\n张三")
        let gbk = Data([0xD0, 0xD5, 0xC3, 0xFB, 0x0A, 0xD5, 0xC5, 0xC8, 0xFD])  // 姓名\n张三
        #expect(CSV.decode(gbk) == "姓名\n张三")
        #expect("姓名".data(using: CSV.gb18030) == Data([0xD0, 0xD5, 0xC3, 0xFB]))
    }
}
