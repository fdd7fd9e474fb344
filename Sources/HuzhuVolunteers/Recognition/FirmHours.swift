import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// The approved pro-bono hours of each firm's lawyers, month by month through a year: what a firm reports
/// to its bar association, and what the NGO thanks it for. Lawyers with no approved hours that year are
/// left out, as are hours not yet approved.
struct FirmHours: Sendable {
    struct Lawyer: Sendable {
        let name: String
        let certificate: String
        /// Minutes in January … December.
        let months: [Int]
        var total: Int { months.reduce(0, +) }
    }

    let firm: String
    let lawyers: [Lawyer]
    var total: Int { lawyers.reduce(0) { $0 + $1.total } }

    /// The firms of the lawyers in `visibility`, most hours first.
    static func year(_ year: Int, in visibility: Visibility, db: any Database, cipher: FieldCipher) async throws -> [FirmHours] {
        let lawyers = try await Volunteer.query(on: db).visible(visibility).filter(\.$kind == .lawyer).filter(\.$firm != nil).all()
        let period = IndicatorPeriod.year(year)
        var minutes: [UUID: [Int]] = [:]
        for slice in lawyers.compactMap(\.id).chunks(of: 500) {
            let entries = try await HourLog.query(on: db).visible(visibility).filter(\.$volunteerID ~~ Array(slice)).filter(\.$approvedAt != nil)
                .filter(\.$workedOn >= period.from).filter(\.$workedOn < period.to).all()
            for entry in entries { minutes[entry.volunteerID, default: Array(repeating: 0, count: 12)][entry.workedOn.month - 1] += entry.minutes }
        }
        let byFirm = Dictionary(grouping: lawyers.filter { minutes[$0.id!] != nil }) { name(of: $0.firm ?? "") }
        return try byFirm.map { firm, members in
            FirmHours(firm: firm, lawyers: try members.map { lawyer in
                Lawyer(name: try cipher.open(lawyer.nameCipher), certificate: lawyer.certificate ?? "", months: minutes[lawyer.id!]!)
            }.sorted { ($0.total, $1.name) > ($1.total, $0.name) })
        }.sorted { ($0.total, $1.firm) > ($1.total, $0.firm) }
    }

    /// A firm as typed on profiles, with its spaces tidied, so that one firm typed twice is one firm.
    static func name(of firm: String) -> String {
        firm.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
