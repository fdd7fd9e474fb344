import Fluent
import Foundation
import HuzhuCases
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import SQLKit
import Vapor

/// Fills an empty database with a reproducible synthetic network: NGOs and offices with their staff,
/// workers with Chinese names and encrypted phone numbers, three years of contacts with a realistic
/// channel and topic mix, individual and collective cases with claims, payments and agreements, and
/// the numbering counters that let real work continue after them.
struct NetworkGenerator {
    let app: Application
    let preset: Preset
    let seed: UInt64
    let progress: @Sendable (String) -> Void

    static let cities = [("北京", "BJ"), ("深圳", "SZ"), ("广州", "GZ"), ("上海", "SH"), ("成都", "CD"), ("东莞", "DG"), ("苏州", "SU"),
                         ("杭州", "HZ"), ("沈阳", "SY"), ("重庆", "CQ"), ("武汉", "WH"), ("西安", "XA")]
    /// Three years back from the start of this one.
    static let firstYear = 2024

    struct Office { let id: UUID; let ngo: UUID; let code: String; let staff: [UUID] }

    func run() async throws -> [String: Int] {
        let db = app.db
        guard try await NGO.query(on: db).count() == 0 else { throw GenerateFailure("The database already holds an NGO: generate into an empty one.") }
        var random = SeededRandom(seed: seed)
        let writer = BulkWriter(db: db, progress: progress)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let hash = try app.password.hash("huzhu-demo")

        // NGOs, offices and their staff: few rows, through the models.
        var offices: [Office] = []
        for n in 0..<preset.ngos {
            let ngo = NGO()
            ngo.id = random.uuid()
            ngo.name = "互助网络第\(n + 1)机构（生成）"
            ngo.city = Self.cities[n % Self.cities.count].0
            ngo.createdAt = start
            try await ngo.create(on: db)
            for o in 0..<(2 + n % 3) {
                let (city, code) = Self.cities[(n + o * 5) % Self.cities.count]
                let office = HuzhuOrg.Office()
                office.id = random.uuid()
                office.ngoID = ngo.id!
                office.name = "\(city)办公室"
                office.city = city
                office.code = code
                office.createdAt = start
                try await office.create(on: db)
                var staff: [UUID] = []
                for (index, role) in [Role.officeSupervisor, .caseworker, .caseworker, .caseworker, .hotlineVolunteer].enumerated() {
                    let user = User()
                    user.id = random.uuid()
                    user.login = "g\(n + 1).\(code.lowercased()).\(index + 1)"
                    user.displayName = SyntheticPeople.name(&random)
                    user.passwordHash = hash
                    user.role = role
                    user.ngoID = ngo.id
                    user.officeID = office.id
                    user.language = .zhHans
                    user.active = true
                    user.createdAt = start
                    try await user.create(on: db)
                    staff.append(user.id!)
                }
                offices.append(Office(id: office.id!, ngo: ngo.id!, code: code, staff: staff))
            }
        }
        let topics = try await Topic.query(on: db).sort(\.$position).all().map { ($0.code, $0.id!) }
        let topicIDs = Dictionary(uniqueKeysWithValues: topics)
        let cipher = app.fieldCipher

        // Workers, each in an office, most with one mobile number.
        var workerOffice: [Int] = []
        workerOffice.reserveCapacity(preset.workers)
        var workerIDs: [UUID] = []
        workerIDs.reserveCapacity(preset.workers)
        for _ in 0..<preset.workers {
            workerOffice.append(random.int(0..<offices.count))
            workerIDs.append(random.uuid())
        }
        var grams: [(worker: Int, gram: String)] = []
        try await writer.insert("workers", ["id", "ngo_id", "office_id", "name_cipher", "name_hash", "gender", "birth_year",
                                            "home_province", "industry", "created_at", "created_by"], count: preset.workers) { index in
            let office = offices[workerOffice[index]]
            let name = SyntheticPeople.name(&random)
            for gram in SearchGrams.grams(of: name, recordType: WorkerName.recordType, cipher: cipher) { grams.append((index, gram)) }
            return [workerIDs[index], office.ngo, office.id, try cipher.seal(name), WorkerName.hash(name, cipher),
                    random.pick(["male", "female"]),
                    1965 + random.int(0..<40), random.pick(SyntheticPeople.provinces), random.pick(SyntheticPeople.industries),
                    start.addingTimeInterval(Double(index)), office.staff[1]]
        }
        try await writer.insert(SearchGram.schema, ["id", "ngo_id", "record_type", "record_id", "gram"], count: grams.count) { index in
            let (worker, gram) = grams[index]
            return [random.uuid(), offices[workerOffice[worker]].ngo, WorkerName.recordType, workerIDs[worker], gram]
        }
        grams = []
        try await writer.insert("worker_phones", ["id", "ngo_id", "worker_id", "cipher", "lookup_hash", "network_hash", "kind",
                                                  "created_at"], count: preset.workers) { index in
            let digits = SyntheticPeople.phone(index, &random)
            return [random.uuid(), offices[workerOffice[index]].ngo, workerIDs[index], try cipher.seal(digits), cipher.lookupHash(digits),
                    cipher.networkHash(digits), "mobile", start]
        }

        // Contacts over three years: mostly hotline calls, a known worker in four of five.
        var serials: [String: Int] = [:]
        let channels: [(String, Int)] = [("hotline", 60), ("visit", 12), ("wechat", 10), ("qq", 8), ("sms", 5), ("web_form", 3), ("outreach", 2)]
        let topicMix: [(String, Int)] = [("wage_arrears", 35), ("no_contract", 10), ("dismissal", 10), ("work_injury", 10), ("social_insurance", 8),
                                         ("overtime", 10), ("occupational_disease", 3), ("dormitory_food", 3), ("job_information", 5), ("other", 6)]
        let span = 3 * 365 * 86_400.0
        let base = ShanghaiTime.instant(localMinute: "\(Self.firstYear)-01-01T00:00")!
        var contactIDs: [UUID] = []
        var contactNGOs: [UUID] = []
        contactIDs.reserveCapacity(preset.contacts)
        try await writer.insert("contacts", ["id", "ngo_id", "office_id", "number", "channel", "direction", "operator_id", "started_at",
                                             "duration_seconds", "worker_id", "summary_cipher", "advice_cipher", "outcome", "created_at"],
                                count: preset.contacts) { index in
            let known = random.chance(80)
            let worker = random.int(0..<preset.workers)
            let office = known ? offices[workerOffice[worker]] : offices[random.int(0..<offices.count)]
            let at = base.addingTimeInterval(span * Double(index) / Double(preset.contacts) + Double(random.int(0..<600)))
            let year = CalendarDate(at).year
            let key = "\(office.code)|\(office.id)|contact-\(year)"
            serials[key, default: 0] += 1
            let id = random.uuid()
            contactIDs.append(id)
            contactNGOs.append(office.ngo)
            let channel = random.weighted(channels)
            return [id, office.ngo, office.id, "\(office.code)-\(year)-C\(String(format: "%06d", serials[key]!))", channel,
                    channel == "hotline" && random.chance(10) ? "outbound" : "inbound", random.pick(office.staff), at, 60 + random.int(0..<900),
                    known ? workerIDs[worker] as UUID? : nil, try cipher.seal("（生成）来电咨询"), try cipher.seal("（生成）已给出建议"), random.weighted([("advice", 70), ("case_to_open", 10), ("referred", 10), ("callback", 10)]), at]
        }
        try await writer.insert("contact_topics", ["id", "ngo_id", "contact_id", "topic_id"], count: preset.contacts) { index in
            [random.uuid(), contactNGOs[index], contactIDs[index], topicIDs[random.weighted(topicMix)] ?? topics[0].1]
        }
        contactIDs = []
        contactNGOs = []

        let counts = try await CaseGenerator(writer: writer, cipher: cipher, offices: offices, workerOffice: workerOffice, workerIDs: workerIDs,
                                             cases: preset.cases, base: base, span: span).run(&random, serials: &serials)
        let feedback = try await FeedbackGenerator(writer: writer, cipher: cipher, offices: offices, items: preset.contacts / 50,
                                                   base: base, span: span).run(&random)
        for (key, value) in serials {
            let parts = key.split(separator: "|")
            try await OfficeCounter.raise(office: UUID(uuidString: String(parts[1]))!, series: String(parts[2]), to: value, on: db)
        }
        return ["ngos": preset.ngos, "offices": offices.count, "workers": preset.workers, "contacts": preset.contacts]
            .merging(counts) { $1 }.merging(feedback) { $1 }
    }
}

struct GenerateFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
