import Foundation

/// The dispute types of a case, kept as one integer column with a bit for each type, so that a case can
/// be found by any of its types with an index-free but exact test (`bits & bit <> 0`), never by text.
/// A type's bit is fixed here for ever: never reuse or reorder one.
public struct DisputeTypes: Hashable, Codable, Sendable {
    public private(set) var bits: Int64

    public static func bit(_ type: DisputeType) -> Int64 {
        switch type {
        case .wageArrears: 1 << 0
        case .noContract: 1 << 1
        case .dismissal: 1 << 2
        case .workInjury: 1 << 3
        case .occupationalDisease: 1 << 4
        case .socialInsurance: 1 << 5
        case .overtime: 1 << 6
        case .other: 1 << 7
        }
    }

    public init(bits: Int64) { self.bits = bits }

    public init(_ types: [DisputeType]) {
        bits = types.reduce(0) { $0 | Self.bit($1) }
    }

    /// The types, in the catalogue's order.
    public var types: [DisputeType] { DisputeType.allCases.filter { bits & Self.bit($0) != 0 } }

    public init(from decoder: any Decoder) throws {
        bits = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(bits)
    }
}
