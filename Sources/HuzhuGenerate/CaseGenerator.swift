import Fluent
import Foundation
import HuzhuCases
import HuzhuCore
import HuzhuPlatform

/// The cases of a generated network: seven in ten for one worker, the rest collective (two to 150
/// workers on one site), each against an employer, with unpaid-wage claims, payments for about half,
/// and a mediation agreement for some collective ones.
struct CaseGenerator {
    let writer: BulkWriter
    let cipher: FieldCipher
    let offices: [NetworkGenerator.Office]
    let workerOffice: [Int]
    let workerIDs: [UUID]
    let cases: Int
    let base: Date
    let span: TimeInterval

    func run(_ random: inout SeededRandom, serials: inout [String: Int]) async throws -> [String: Int] {
        let employersPerOffice = max(cases / offices.count / 4, 2)
        var employerIDs: [[UUID]] = offices.map { _ in [] }
        try await writer.insert("employers", ["id", "ngo_id", "name", "city", "created_at"], count: employersPerOffice * offices.count) { index in
            let id = random.uuid()
            employerIDs[index % offices.count].append(id)
            return [id, offices[index % offices.count].ngo, "生成建筑劳务公司\(index + 1)（生成）", "—", base]
        }
        // Who is on each case: a worker of the office, or a crew of them.
        var byOffice: [[Int]] = offices.map { _ in [] }
        for (worker, office) in workerOffice.enumerated() { byOffice[office].append(worker) }
        struct Planned { let id: UUID; let office: Int; let workers: [Int]; let opened: CalendarDate; let at: Date }
        var planned: [Planned] = []
        planned.reserveCapacity(cases)
        for index in 0..<cases {
            var office = random.int(0..<offices.count)
            while byOffice[office].isEmpty { office = (office + 1) % offices.count }
            let size = random.chance(70) ? 1 : random.weighted([(random.int(2..<10), 60), (random.int(10..<40), 30), (random.int(40..<151), 10)])
            let first = random.int(0..<byOffice[office].count)
            let crew = (0..<min(size, byOffice[office].count)).map { byOffice[office][(first + $0) % byOffice[office].count] }
            let at = base.addingTimeInterval(span * Double(index) / Double(cases))
            planned.append(Planned(id: random.uuid(), office: office, workers: crew, opened: CalendarDate(at), at: at))
        }
        var grams: [(case: Int, gram: String)] = []
        try await writer.insert("cases", ["id", "ngo_id", "office_id", "number", "title_cipher", "summary_cipher", "status", "dispute_mask",
                                          "opened_on", "opened_by", "created_at", "updated_at"], count: cases) { index in
            let plan = planned[index]
            let office = offices[plan.office]
            let key = "\(office.code)|\(office.id)|case-\(plan.opened.year)"
            serials[key, default: 0] += 1
            let title = plan.workers.count > 1 ? "工地集体欠薪（生成）" : "个人劳动争议（生成）"
            for gram in SearchGrams.grams(of: title, recordType: CaseTitle.recordType, cipher: cipher) { grams.append((index, gram)) }
            return [plan.id, office.ngo, office.id, "\(office.code)-\(plan.opened.year)-\(String(format: "%05d", serials[key]!))",
                    try cipher.seal(title), try cipher.seal("（生成）"),
                    random.weighted([("negotiation", 30), ("mediation", 20), ("arbitration", 15), ("closed", 35)]),
                    DisputeTypes([plan.workers.count > 1 || random.chance(60) ? .wageArrears : .dismissal]).bits, plan.opened.description,
                    office.staff[1 + random.int(0..<3)], plan.at, plan.at]
        }
        try await writer.insert(SearchGram.schema, ["id", "ngo_id", "record_type", "record_id", "gram"], count: grams.count) { index in
            let (found, gram) = grams[index]
            return [random.uuid(), offices[planned[found].office].ngo, CaseTitle.recordType, planned[found].id, gram]
        }
        let links = planned.flatMap { plan in plan.workers.map { (plan, $0) } }
        try await writer.insert("case_workers", ["id", "ngo_id", "case_id", "worker_id", "added_at"], count: links.count) { index in
            let (plan, worker) = links[index]
            return [random.uuid(), offices[plan.office].ngo, plan.id, workerIDs[worker], plan.at]
        }
        try await writer.insert("case_assignees", ["id", "ngo_id", "case_id", "user_id", "assigned_at"], count: cases) { index in
            let plan = planned[index]
            return [random.uuid(), offices[plan.office].ngo, plan.id, offices[plan.office].staff[1 + index % 3], plan.at]
        }
        try await writer.insert("case_respondents", ["id", "ngo_id", "case_id", "employer_id", "role"], count: cases) { index in
            let plan = planned[index]
            return [random.uuid(), offices[plan.office].ngo, plan.id, random.pick(employerIDs[plan.office]), "labour_contractor"]
        }
        try await writer.insert("case_events", ["id", "ngo_id", "case_id", "kind", "occurred_at", "actor_id", "text_cipher"], count: cases) { index in
            let plan = planned[index]
            return [random.uuid(), offices[plan.office].ngo, plan.id, "opened", plan.at, offices[plan.office].staff[1], try cipher.seal("（生成）立案")]
        }
        // One unpaid-wage claim per worker on a case; about half paid, in part or in full.
        var claimIDs: [UUID] = []
        claimIDs.reserveCapacity(links.count)
        var claimed: [Int64] = []
        try await writer.insert("claims", ["id", "ngo_id", "case_id", "worker_id", "head", "claimed_fen", "note", "created_at"],
                                count: links.count) { index in
            let (plan, worker) = links[index]
            let id = random.uuid()
            let amount = Int64(300_000 + random.int(0..<5_000_000))
            claimIDs.append(id)
            claimed.append(amount)
            return [id, offices[plan.office].ngo, plan.id, workerIDs[worker], "unpaid_wages", amount, "", plan.at]
        }
        let paid = (0..<links.count).filter { _ in random.chance(50) }
        try await writer.insert("payments", ["id", "ngo_id", "case_id", "claim_id", "worker_id", "paid_on", "amount_fen", "payer",
                                             "method", "recorded_by", "recorded_at"], count: paid.count) { index in
            let link = paid[index]
            let (plan, worker) = links[link]
            let on = plan.opened.adding(days: 10 + random.int(0..<120))
            return [random.uuid(), offices[plan.office].ngo, plan.id, claimIDs[link], workerIDs[worker], on.description,
                    random.chance(70) ? claimed[link] : claimed[link] / 2, "生成建筑劳务公司", "bank_transfer",
                    offices[plan.office].staff[1], plan.at]
        }
        let agreed = planned.filter { $0.workers.count > 1 && random.chance(20) }
        try await writer.insert("mediation_agreements", ["id", "ngo_id", "case_id", "number", "parties", "facts", "terms", "effective_on",
                                                         "created_by", "created_at"], count: agreed.count) { index in
            let plan = agreed[index]
            let office = offices[plan.office]
            let on = plan.opened.adding(days: 20)
            let key = "\(office.code)|\(office.id)|agreement-\(on.year)"
            serials[key, default: 0] += 1
            return [random.uuid(), office.ngo, plan.id, "\(office.code)-\(on.year)-M\(String(format: "%03d", serials[key]!))",
                    "（生成）", "（生成）", "（生成）", on.description, office.staff[0], plan.at]
        }
        return ["cases": cases, "case_workers": links.count, "claims": links.count, "payments": paid.count, "agreements": agreed.count]
    }
}
