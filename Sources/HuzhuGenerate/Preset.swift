/// How much data a generated network holds.
struct Preset: Sendable {
    let workers: Int
    let contacts: Int
    let cases: Int
    let ngos: Int

    static let small = Preset(workers: 10_000, contacts: 50_000, cases: 3_000, ngos: 3)
    static let seed = Preset(workers: 40_000, contacts: 200_000, cases: 12_000, ngos: 10)
    static let national = Preset(workers: 1_000_000, contacts: 5_000_000, cases: 300_000, ngos: 10)

    static func named(_ name: String) -> Preset? {
        switch name {
        case "small": .small
        case "seed": .seed
        case "national": .national
        default: nil
        }
    }
}
