import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit
import Vapor

/// A criterion another feature adds to the search over workers (cases open or closed, trainings
/// attended): its form field, its choices, and the SQL selecting the ids of the workers who meet a choice.
/// It reads only its own feature's tables.
package struct WorkerCriterion: Sendable {
    package let field: String
    package let choices: [(value: String, labelKey: String)]
    package let select: @Sendable (_ value: String, _ ngoID: UUID) -> SQLQueryString?

    package init(field: String, choices: [(value: String, labelKey: String)],
                 select: @escaping @Sendable (_ value: String, _ ngoID: UUID) -> SQLQueryString?) {
        self.field = field
        self.choices = choices
        self.select = select
    }
}

/// Finding people among an NGO's workers: by the office that recorded them, where they live and come from,
/// their industry, the topics of their contacts, their consents, how recently they were in touch, and the
/// criteria later features add. Kept as the form's fields, so that a saved search runs again on today's
/// records when it is opened.
package struct WorkerSearch: Codable, Sendable, Equatable {
    package var fields: [String: String]

    /// The fields of this search's form, besides those of the added criteria.
    package static let ownFields = ["office", "current_city", "home_province", "industry", "topic", "consent", "contacted_within_days"]

    package init(form: [String: String], criteria: [WorkerCriterion]) {
        let known = Set(Self.ownFields + criteria.map(\.field))
        fields = form.filter { known.contains($0.key) }.mapValues { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.value.isEmpty }
    }

    package func check() throws(ValidationErrors) {
        var errors = ValidationErrors()
        if let days = fields["contacted_within_days"], Int(days).map({ !(1...3650).contains($0) }) ?? true {
            errors.add("contacted_within_days", "error.days_range")
        }
        for field in ["office", "topic"] where fields[field].map({ UUID(uuidString: $0) == nil }) ?? false { errors.add(field, "error.choice_invalid") }
        if let consent = fields["consent"], !["sms", "network"].contains(consent) { errors.add("consent", "error.choice_invalid") }
        for text in ["current_city", "home_province", "industry"] where (fields[text]?.count ?? 0) > 100 { errors.add(text, "error.too_long") }
        try errors.throwIfAny()
    }

    /// The ids of the NGO's workers (not merged away, not erased) the search finds, oldest first.
    package func run(ngoID: UUID, criteria: [WorkerCriterion], now: Date, db: any Database, limit: Int = 100_000) async throws -> [UUID] {
        var sql: SQLQueryString = "SELECT w.id FROM workers w WHERE w.ngo_id = \(bind: ngoID) AND w.merged_into IS NULL AND w.erased_at IS NULL"
        if let office = fields["office"].flatMap(UUID.init(uuidString:)) { sql = sql + " AND w.office_id = \(bind: office)" }
        for (field, column) in [("current_city", "current_city"), ("home_province", "home_province"), ("industry", "industry")] {
            if let value = fields[field] { sql = sql + " AND w.\(unsafeRaw: column) = \(bind: value)" }
        }
        if let topic = fields["topic"].flatMap(UUID.init(uuidString:)) {
            sql = sql + """
                 AND w.id IN (SELECT c.worker_id FROM contacts c JOIN contact_topics ct ON ct.contact_id = c.id
                   WHERE ct.topic_id = \(bind: topic) AND c.ngo_id = \(bind: ngoID) AND c.worker_id IS NOT NULL)
                """
        }
        switch fields["consent"] {
        case "sms": sql = sql + " AND w.consent_sms_on IS NOT NULL"
        case "network": sql = sql + " AND w.consent_network_on IS NOT NULL"
        default: break
        }
        if let days = fields["contacted_within_days"].flatMap(Int.init) {
            let since = now.addingTimeInterval(-Double(days) * 24 * 3600)
            sql = sql + " AND w.id IN (SELECT c.worker_id FROM contacts c WHERE c.ngo_id = \(bind: ngoID) AND c.started_at >= \(bind: since) AND c.worker_id IS NOT NULL)"
        }
        for criterion in criteria {
            if let value = fields[criterion.field], let select = criterion.select(value, ngoID) { sql = sql + " AND w.id IN (\(select))" }
        }
        sql = sql + " ORDER BY w.created_at LIMIT \(bind: limit)"
        return try await (db as! any SQLDatabase).raw(sql).all().map { try $0.decode(column: "id", as: UUID.self) }
    }
}

extension Application {
    private struct WorkerCriteriaKey: StorageKey { typealias Value = [WorkerCriterion] }

    /// The criteria features add to the search over workers.
    package var workerCriteria: [WorkerCriterion] {
        get { storage[WorkerCriteriaKey.self] ?? [] }
        set { storage[WorkerCriteriaKey.self] = newValue }
    }
}
