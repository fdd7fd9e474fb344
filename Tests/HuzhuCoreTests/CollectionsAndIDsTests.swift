import Foundation
import HuzhuCore
import Testing

@Suite("Chunks and time-ordered ids")
struct CollectionsAndIDsTests {
    @Test("Chunks keep every element in order, none longer than asked")
    func chunks() {
        let chunks = Array(1...7).chunks(of: 3)
        #expect(chunks.map(Array.init) == [[1, 2, 3], [4, 5, 6], [7]])
        #expect([Int]().chunks(of: 3).isEmpty)
    }

    @Test("Time-ordered ids are version 7, RFC variant, unique, and sort by their time")
    func timeOrdered() {
        let earlier = Date(timeIntervalSince1970: 1_795_000_000)
        let ids = (0..<1000).map { UUID.timeOrdered(at: earlier.addingTimeInterval(Double($0) / 100)) }
        #expect(Set(ids).count == 1000)
        for id in ids {
            let text = id.uuidString
            #expect(Array(text)[14] == "7")
            #expect("89AB".contains(Array(text)[19]))
        }
        // Ids of different milliseconds sort as their times do (the first 48 bits are the time).
        let byTime = stride(from: 0, to: 1000, by: 10).map { ids[$0] }
        #expect(byTime.map { String($0.uuidString.prefix(13)) } == byTime.map { String($0.uuidString.prefix(13)) }.sorted())
        #expect(UUID.timeOrdered(at: earlier).uuidString.hasPrefix("01A1EE56-5E00"))
    }
}
