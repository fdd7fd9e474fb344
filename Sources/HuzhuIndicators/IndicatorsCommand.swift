import Foundation
import HuzhuCore
import Vapor

/// `huzhu indicators verify FILE`: checks a snapshot downloaded as JSON: that its digest is the SHA-256
/// of its canonical serialisation, and that the canonical serialisation says what its figures say.
struct VerifySnapshotCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A snapshot's JSON, as downloaded from /transparency") var file: String
        init() {}
    }

    var help: String { "Check that a published snapshot's figures and digest have not been changed." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: signature.file))
        let snapshot = try JSONDecoder().decode(SnapshotJSON.self, from: data)
        let problems = Self.check(snapshot)
        if problems.isEmpty {
            context.console.print("OK \(snapshot.digest)")
        } else {
            problems.forEach { context.console.error($0) }
            throw VerificationFailed()
        }
    }

    struct VerificationFailed: Error, CustomStringConvertible {
        var description: String { "The snapshot does not verify." }
    }

    static func check(_ snapshot: SnapshotJSON) -> [String] {
        var problems: [String] = []
        if Publication.digest(snapshot.canonical) != snapshot.digest {
            problems.append("digest: the SHA-256 of the canonical serialisation is \(Publication.digest(snapshot.canonical)), not \(snapshot.digest)")
        }
        let figures = IndicatorFigures(Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0, snapshot.figures[$0.rawValue] ?? 0) }),
                                       unrecorded: Set((snapshot.unrecorded ?? []).compactMap(Indicator.init(rawValue:))))
        if let kind = IndicatorPeriod.Kind(rawValue: snapshot.period_kind), let period = try? IndicatorPeriod(kind: kind, from: snapshot.period_from, to: snapshot.period_to) {
            if figures.canonical(period: period, scope: snapshot.scope, version: snapshot.definition_version) != snapshot.canonical {
                problems.append("figures: they differ from those in the canonical serialisation")
            }
        } else {
            problems.append("period: not understood")
        }
        return problems
    }
}
