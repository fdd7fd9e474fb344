import Foundation
import HuzhuCore
import HuzhuEnterprise
import HuzhuPlatform

/// The communication hotline of the synthetic network: each office's partner factories, and workers'
/// feedback to them over the three years (one item for every fifty contacts), at every stage of its
/// handling, the words encrypted as the public form stores them.
struct FeedbackGenerator {
    let writer: BulkWriter
    let cipher: FieldCipher
    let offices: [NetworkGenerator.Office]
    let items: Int
    let base: Date
    let span: TimeInterval

    static let partnersPerOffice = 2

    func run(_ random: inout SeededRandom) async throws -> [String: Int] {
        let partnerships = offices.count * Self.partnersPerOffice
        var employers: [UUID] = []
        try await writer.insert("employers", ["id", "ngo_id", "name", "city", "created_at"], count: partnerships) { index in
            let id = random.uuid()
            employers.append(id)
            return [id, offices[index / Self.partnersPerOffice].ngo, "生成电子厂\(index + 1)（生成）", "—", base]
        }
        var partners: [(id: UUID, ngo: UUID, staff: [UUID])] = []
        try await writer.insert(Partnership.schema, ["id", "ngo_id", "office_id", "employer_id", "name", "start_on", "sites",
                                                     "report_months", "responsible_id", "k", "form_token", "created_at"], count: partnerships) { index in
            let office = offices[index / Self.partnersPerOffice]
            let id = random.uuid()
            partners.append((id, office.ngo, office.staff))
            return [id, office.ngo, office.id, employers[index], "生成电子厂\(index + 1)沟通热线", CalendarDate(base).description,
                    "一号厂区", 3, office.staff[0], 5, random.uuid(), base]
        }
        let channels: [(String, Int)] = [("web_form", 45), ("hotline", 30), ("sms", 10), ("qq", 10), ("staff", 5)]
        let categories = FeedbackCategory.allCases.map { ($0.rawValue, $0 == .wages || $0 == .hours ? 25 : 7) }
        let stages = FeedbackStatus.allCases.map(\.rawValue)
        try await writer.insert(Feedback.schema, ["id", "ngo_id", "partnership_id", "channel", "category", "severity", "treatment",
                                                  "description_cipher", "status", "summary", "summary_approved_by", "forwarded_at",
                                                  "response", "responded_at", "created_at", "closed_at"], count: items) { index in
            let partner = partners[random.int(0..<partners.count)]
            let at = base.addingTimeInterval(span * Double(index) / Double(max(items, 1)))
            let stage = index < items - items / 20 ? random.pick(stages) : "new"  // the latest items still wait
            let reached = stages.firstIndex(of: stage)!
            let forwarded = reached >= 2, responded = reached >= 3
            return [random.uuid(), partner.ngo, partner.id, random.weighted(channels), random.weighted(categories),
                    random.weighted([("urgent", 5), ("normal", 75), ("suggestion", 20)]),
                    random.weighted([("anonymous", 60), ("confidential", 30), ("named", 10)]),
                    try cipher.seal("（生成）车间加班太多，工资晚发"), stage,
                    forwarded ? "（生成）反映加班与工资发放时间" as String? : nil, forwarded ? random.pick(partner.staff) as UUID? : nil,
                    forwarded ? at.addingTimeInterval(86_400) as Date? : nil,
                    responded ? "（生成）厂方已调整排班" as String? : nil, responded ? at.addingTimeInterval(5 * 86_400) as Date? : nil,
                    at, stage == "closed" ? at.addingTimeInterval(10 * 86_400) as Date? : nil]
        }
        return ["partnerships": partnerships, "feedback": items]
    }
}
