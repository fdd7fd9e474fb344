import HuzhuCore
import Testing

@Suite("Text messages: signature, segments, replies")
struct SMSTextTests {
    @Test("Chinese takes 70 UTF-16 units in one segment and 67 a segment beyond; plain Latin 160 and 153")
    func segments() {
        #expect(SMSText.segments(String(repeating: "工", count: 70)) == 1)
        #expect(SMSText.segments(String(repeating: "工", count: 71)) == 2)
        #expect(SMSText.segments(String(repeating: "工", count: 134)) == 2)
        #expect(SMSText.segments(String(repeating: "工", count: 135)) == 3)
        #expect(SMSText.segments(String(repeating: "a", count: 160)) == 1)
        #expect(SMSText.segments(String(repeating: "a", count: 161)) == 2)
        #expect(SMSText.segments(String(repeating: "a", count: 159) + "工") == 3, "one Chinese character makes it all UCS-2")
        #expect(SMSText.segments("😀" + String(repeating: "工", count: 68)) == 1, "an emoji is two UTF-16 units")
        #expect(SMSText.segments("😀" + String(repeating: "工", count: 69)) == 2)
    }

    @Test("The sent text carries the signature and the opt-out line")
    func compose() {
        #expect(SMSText.compose(" 周六培训改到活动室\n", signature: "小小鸟") == "【小小鸟】周六培训改到活动室 回复TD退订")
        #expect(SMSText.signature("小小鸟互助热线（演示）") == "小小鸟互助热线" && SMSText.signature("工友之家") == "工友之家")
    }

    @Test("TD, 退订, T and STOP opt out; 恢复 and START opt back in; anything else is a message")
    func replies() {
        for text in ["TD", "td", " 退订 ", "T", "stop", "STOP。"] { #expect(SMSText.reply(text) == .optOut, "\(text)") }
        for text in ["恢复", "start", "Start!"] { #expect(SMSText.reply(text) == .optIn, "\(text)") }
        for text in ["老板欠了三个月工资", "TD 我还想问一下", "ok"] { #expect(SMSText.reply(text) == .message, "\(text)") }
    }
}
