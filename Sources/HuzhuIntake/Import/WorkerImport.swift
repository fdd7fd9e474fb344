import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// Imports a worker list: every row checked first (the preview), then the valid rows that are new to
/// the NGO written in bulk, in one transaction.
struct WorkerImport {
    let db: any Database
    let cipher: FieldCipher

    struct Problem {
        /// The row's line in the file (the header is line 1).
        let line: Int
        let errors: [FieldError]
    }

    struct Plan {
        var valid: [(line: Int, values: WorkerValues)] = []
        var problems: [Problem] = []
        /// Rows whose phone or ID number the NGO already has: they are skipped, not duplicated.
        var known: [Int] = []
        /// Rows repeating an earlier row of the same file.
        var repeated: [Int] = []

        var total: Int { valid.count + problems.count + known.count + repeated.count }
    }

    func plan(rows: [[String]], mapping: ColumnMapping, today: CalendarDate, ngoID: UUID) async throws -> Plan {
        var plan = Plan()
        var candidates: [(line: Int, values: WorkerValues, hashes: [String])] = []
        var seen: Set<String> = []
        for (index, row) in rows.enumerated() {
            let line = index + 2
            let draft = Self.draft(row, mapping)
            do {
                let values = try draft.command.check(today: today)
                let hashes = values.phones.flatMap { cipher.lookupHashes($0.digits) } + (values.idNumber.map { cipher.lookupHashes($0.value) } ?? [])
                if !hashes.isEmpty && hashes.allSatisfy(seen.contains) { plan.repeated.append(line); continue }
                seen.formUnion(hashes)
                candidates.append((line, values, hashes))
            } catch {
                plan.problems.append(Problem(line: line, errors: error.errors))
            }
        }
        let existing = try await knownHashes(candidates.flatMap(\.hashes), ngoID: ngoID)
        for candidate in candidates {
            if candidate.hashes.contains(where: existing.contains) { plan.known.append(candidate.line) }
            else { plan.valid.append((candidate.line, candidate.values)) }
        }
        return plan
    }

    /// Writes the plan's valid rows; returns how many workers were created.
    func commit(_ plan: Plan, ngoID: UUID, officeID: UUID, userID: UUID, now: Date) async throws -> Int {
        let sql = db.sql
        for chunk in plan.valid.chunks(of: 200) {
            let workers = sql.insert(into: Worker.schema).columns(
                "id", "ngo_id", "office_id", "name_cipher", "name_hash", "gender", "birth_year", "home_province", "current_city", "industry",
                "employer", "languages", "notes_cipher", "id_cipher", "id_hash", "id_network_hash", "created_at", "created_by")
            var phones: [[any SQLExpression]] = []
            var grams: [[any SQLExpression]] = []
            for (_, values) in chunk {
                let id = UUID.timeOrdered(at: now)
                let idNumber = values.idNumber?.value
                workers.values([
                    SQLBind(id), SQLBind(ngoID), SQLBind(officeID), SQLBind(try cipher.seal(values.name)),
                    SQLBind(WorkerName.hash(values.name, cipher)), SQLBind(values.gender.rawValue),
                    SQLBind(values.birthYear), SQLBind(values.homeProvince), SQLBind(values.currentCity), SQLBind(values.industry),
                    SQLBind(values.employer), SQLBind(values.languages), SQLBind(try values.notes.map { try cipher.seal($0) }),
                    SQLBind(try idNumber.map { try cipher.seal($0) }), SQLBind(idNumber.map(cipher.lookupHash)),
                    SQLBind(idNumber.map(cipher.networkHash)), SQLBind(now), SQLBind(userID),
                ] as [any SQLExpression])
                for gram in SearchGrams.grams(of: values.name, recordType: WorkerName.recordType, cipher: cipher) {
                    grams.append([SQLBind(UUID.timeOrdered(at: now)), SQLBind(ngoID), SQLBind(WorkerName.recordType), SQLBind(id), SQLBind(gram)])
                }
                for phone in values.phones {
                    phones.append([
                        SQLBind(UUID.timeOrdered(at: now)), SQLBind(ngoID), SQLBind(id), SQLBind(try cipher.seal(phone.digits)),
                        SQLBind(cipher.lookupHash(phone.digits)), SQLBind(cipher.networkHash(phone.digits)),
                        SQLBind(phone.kind.rawValue), SQLBind(now),
                    ])
                }
            }
            try await workers.run()
            for phoneChunk in phones.chunks(of: 500) {
                let insert = sql.insert(into: WorkerPhone.schema)
                    .columns("id", "ngo_id", "worker_id", "cipher", "lookup_hash", "network_hash", "kind", "created_at")
                for row in phoneChunk { insert.values(row) }
                try await insert.run()
            }
            for gramChunk in grams.chunks(of: 500) {
                let insert = sql.insert(into: SearchGram.schema).columns("id", "ngo_id", "record_type", "record_id", "gram")
                for row in gramChunk { insert.values(row) }
                try await insert.run()
            }
        }
        return plan.valid.count
    }

    /// Which of these phone or ID hashes the NGO already holds.
    private func knownHashes(_ hashes: [String], ngoID: UUID) async throws -> Set<String> {
        var known: Set<String> = []
        for slice in hashes.chunks(of: 500) {
            let chunk = Array(slice)
            known.formUnion(try await WorkerPhone.query(on: db).filter(\.$ngoID == ngoID).filter(\.$lookupHash ~~ chunk)
                .all().map(\.lookupHash))
            known.formUnion(try await Worker.query(on: db).filter(\.$ngoID == ngoID).filter(\.$idHash ~~ chunk)
                .all().compactMap(\.idHash))
        }
        return known
    }

    /// A row as the worker form would have it.
    static func draft(_ row: [String], _ mapping: ColumnMapping) -> WorkerDraft {
        func value(_ field: String) -> String? {
            guard let column = mapping.column(field), column < row.count else { return nil }
            let text = row[column].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        var draft = WorkerDraft()
        draft.full_name = value("full_name")
        draft.phones = value("phones")
        draft.id_number = value("id_number")
        draft.gender = value("gender").map(gender)
        draft.birth_year = value("birth_year")
        draft.home_province = value("home_province")
        draft.current_city = value("current_city")
        draft.industry = value("industry")
        draft.employer = value("employer")
        draft.languages = value("languages")
        draft.notes = value("notes")
        return draft
    }

    /// Genders as spreadsheets write them.
    static func gender(_ text: String) -> String {
        switch text.lowercased() {
        case "男", "m", "male", "男性": Gender.male.rawValue
        case "女", "f", "female", "女性": Gender.female.rawValue
        case "其他", "other": Gender.other.rawValue
        case "未知", "unknown", "-": Gender.unknown.rawValue
        default: text
        }
    }
}
