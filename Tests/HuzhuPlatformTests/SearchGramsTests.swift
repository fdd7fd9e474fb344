@testable import HuzhuPlatform
import Testing

@Suite("Search by part of a sealed name: the pieces kept as keyed hashes")
struct SearchGramsTests {
    @Test("A name is kept as its characters and neighbouring pairs; a search asks for its character or its pairs")
    func pieces() {
        #expect(SearchGrams.pieces(of: "王小明") == ["王", "小", "明", "王小", "小明"])
        #expect(SearchGrams.pieces(of: " Li Wei ") == ["l", "i", "w", "e", "li", "iw", "we", "ei"])
        #expect(SearchGrams.pieces(ofQuery: "小") == ["小"])
        #expect(SearchGrams.pieces(ofQuery: "王小明") == ["王小", "小明"])
        #expect(SearchGrams.pieces(ofQuery: "  ").isEmpty)
    }

    @Test("Pairs present apart are not a match: the rows found by hash are confirmed on the opened name")
    func confirmation() {
        // 明王小 holds the character 王 and 明 but not the text 王明.
        #expect(SearchGrams.matches("王小明", "小明") && SearchGrams.matches("王 小明", "王小"))
        #expect(!SearchGrams.matches("明王小", "王明"))
        #expect(SearchGrams.matches("Li Wei", "liwei"))
    }

    @Test("The same piece hashes differently for names and titles, and under another key")
    func keyed() {
        let one = FieldCipher(keys: KeyRing(secret: .random(), network: .random()))
        let other = FieldCipher(keys: KeyRing(secret: .random(), network: .random()))
        let names = SearchGrams.grams(of: "王", recordType: "worker", cipher: one)
        #expect(names.count == 1 && names != SearchGrams.grams(of: "王", recordType: "case", cipher: one))
        #expect(names != SearchGrams.grams(of: "王", recordType: "worker", cipher: other))
        #expect(!names.contains { $0.contains("王") })
    }
}
