import Fluent
import Foundation
import HuzhuPlatform
import SQLKit

/// Likely duplicate workers of an NGO: records sharing a phone number or an ID number (by their keyed
/// hashes), or bearing the same name and birth year. Groups are formed across the reasons, so three
/// records linked pairwise form one group.
enum DuplicateFinder {
    enum Reason: String, Sendable {
        case phone, idNumber = "id_number", name
    }

    struct Group {
        let workerIDs: [UUID]
        let reasons: Set<Reason>
    }

    static func groups(ngoID: UUID, limit: Int = 100, on db: any Database) async throws -> [Group] {
        struct Pair: Decodable {
            let key: String
            let worker_id: UUID
        }
        let sql = db.sql
        let phones = try await sql.raw("""
            SELECT p.lookup_hash AS key, p.worker_id AS worker_id FROM worker_phones p JOIN workers w ON w.id = p.worker_id
            WHERE p.ngo_id = \(bind: ngoID) AND w.merged_into IS NULL AND p.lookup_hash IN (
                SELECT p2.lookup_hash FROM worker_phones p2 JOIN workers w2 ON w2.id = p2.worker_id
                WHERE p2.ngo_id = \(bind: ngoID) AND w2.merged_into IS NULL
                GROUP BY p2.lookup_hash HAVING COUNT(DISTINCT p2.worker_id) > 1)
            """).all(decoding: Pair.self)
        let ids = try await sql.raw("""
            SELECT id_hash AS key, id AS worker_id FROM workers
            WHERE ngo_id = \(bind: ngoID) AND merged_into IS NULL AND id_hash IN (
                SELECT id_hash FROM workers WHERE ngo_id = \(bind: ngoID) AND merged_into IS NULL AND id_hash IS NOT NULL
                GROUP BY id_hash HAVING COUNT(*) > 1)
            """).all(decoding: Pair.self)
        // Names by their keyed hash: equal names, equal hashes, and no name in clear.
        let names = try await sql.raw("""
            SELECT w.name_hash || '|' || COALESCE(CAST(w.birth_year AS TEXT), '') AS key, w.id AS worker_id FROM workers w
            WHERE w.ngo_id = \(bind: ngoID) AND w.merged_into IS NULL AND w.birth_year IS NOT NULL
              AND w.name_hash || '|' || CAST(w.birth_year AS TEXT) IN (
                SELECT name_hash || '|' || CAST(birth_year AS TEXT) FROM workers
                WHERE ngo_id = \(bind: ngoID) AND merged_into IS NULL AND birth_year IS NOT NULL
                GROUP BY name_hash, birth_year HAVING COUNT(*) > 1)
            """).all(decoding: Pair.self)

        // Union-find over the workers linked by any shared key.
        var parent: [UUID: UUID] = [:]
        func root(_ id: UUID) -> UUID {
            var node = id
            while let up = parent[node], up != node { node = up }
            return node
        }
        var reasons: [UUID: Set<Reason>] = [:]
        for (pairs, reason) in [(phones, Reason.phone), (ids, .idNumber), (names, .name)] {
            var first: [String: UUID] = [:]
            for pair in pairs {
                parent[pair.worker_id] = parent[pair.worker_id] ?? pair.worker_id
                reasons[pair.worker_id, default: []].insert(reason)
                if let other = first[pair.key] { parent[root(pair.worker_id)] = root(other) } else { first[pair.key] = pair.worker_id }
            }
        }
        var members: [UUID: [UUID]] = [:]
        for id in parent.keys { members[root(id), default: []].append(id) }
        return members.values.filter { $0.count > 1 }.prefix(limit).map { ids in
            Group(workerIDs: ids.sorted { $0.uuidString < $1.uuidString },
                  reasons: ids.reduce(into: Set<Reason>()) { $0.formUnion(reasons[$1] ?? []) })
        }
    }
}
