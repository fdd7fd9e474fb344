import Fluent
import Foundation
@testable import HuzhuCases
@testable import HuzhuIntake
@testable import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Backup and restore of the embedded database and the uploaded files", .disabled(if: TestDatabase.isPostgres, "PostgreSQL is backed up with pg_dump; CI checks that"))
struct BackupTests {
    /// A case with an uploaded evidence file and a contact, so that rows and files are both in play.
    func someData(_ app: Application, _ browser: Browser) async throws {
        try await browser.login("caseworker")
        let found = try await browser.openCase()
        var headers = try await browser.apiHeaders()
        for (name, value) in Multipart.headers { headers.replaceOrAdd(name: name, value: value) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 700)
        let uploaded = try await app.testing().sendRequest(.POST, "/api/v1/cases/\(found.id!)/files", headers: headers,
                                                           body: Multipart.body(file: "pay.png", type: "image/png", data: Data(png)))
        #expect(uploaded.status == .created)
        #expect(try await browser.recordContact(phone: "13800138000", newWorker: "备份测试").status == .seeOther)
    }

    func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("huzhu-backup-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("A restored backup has the same digest as the data it was taken from: every table and every evidence file")
    func roundTrip() async throws {
        try await withHuzhu { app, browser in
            try await someData(app, browser)
            let data = URL(fileURLWithPath: app.dataDirectory)
            let before = try await ContentDigest.of(app.db.sql, dataDirectory: data)
            #expect(before.files.count == 1 && before.tables["evidence_files"]?.count == 1)
            #expect(try #require(before.tables["contacts"]).count > 0)

            let archive = scratch().appendingPathComponent("huzhu.backup")
            let recorded = try await Backup.create(to: archive, from: app.db.sql, dataDirectory: data, cipher: app.fieldCipher, now: Date())
            #expect(recorded == before)

            let target = scratch()
            let database = target.appendingPathComponent("huzhu.sqlite").path
            let restored = try await Backup.restore(from: archive, databasePath: database, dataDirectory: target,
                                                    cipher: app.fieldCipher, replace: false, now: Date())
            #expect(restored.digest == before && restored.setAside == nil)
            let after = try await Backup.withDatabase(at: URL(fileURLWithPath: database)) {
                try await ContentDigest.of($0, dataDirectory: target)
            }
            #expect(after == before)
            let evidence = try #require(try await EvidenceFile.query(on: app.db).first())
            #expect(try Data(contentsOf: target.appendingPathComponent("evidence/\(evidence.storedName)"))
                    == Data(contentsOf: data.appendingPathComponent("evidence/\(evidence.storedName)")))

            // The digest sees a change of one field of one row.
            try await Backup.withDatabase(at: URL(fileURLWithPath: database)) { db in
                try await db.raw("UPDATE contacts SET duration_seconds = COALESCE(duration_seconds, 0) + 1 WHERE id = (SELECT id FROM contacts LIMIT 1)").run()
                let changed = try await ContentDigest.of(db, dataDirectory: target)
                #expect(changed.tables["contacts"] != before.tables["contacts"])
                #expect(changed.differences(from: before).count == 1)
            }
        }
    }

    @Test("A backup taken while contacts are being recorded is consistent and restores")
    func whileServing() async throws {
        try await withHuzhu { app, browser in
            try await someData(app, browser)
            let archive = scratch().appendingPathComponent("huzhu.backup")
            let contactsBefore = try await Contact.query(on: app.db).count()
            async let writes: Void = {
                for n in 0..<20 { _ = try await browser.recordContact(phone: nil, summary: "备份时来电 \(n)") }
            }()
            let recorded = try await Backup.create(to: archive, from: app.db.sql, dataDirectory: URL(fileURLWithPath: app.dataDirectory),
                                                   cipher: app.fieldCipher, now: Date())
            try await writes
            let target = scratch()
            let restored = try await Backup.restore(from: archive, databasePath: target.appendingPathComponent("huzhu.sqlite").path,
                                                    dataDirectory: target, cipher: app.fieldCipher, replace: false, now: Date())
            #expect(restored.digest == recorded)
            let count = try #require(restored.digest.tables["contacts"]).count
            #expect(count >= contactsBefore && count <= contactsBefore + 20)
        }
    }

    @Test("Restore refuses other keys, an existing database without --replace, and any entry a backup never holds; it changes nothing")
    func refusals() async throws {
        try await withHuzhu { app, browser in
            try await someData(app, browser)
            let archive = scratch().appendingPathComponent("huzhu.backup")
            _ = try await Backup.create(to: archive, from: app.db.sql, dataDirectory: URL(fileURLWithPath: app.dataDirectory),
                                        cipher: app.fieldCipher, now: Date())
            let target = scratch()
            let database = target.appendingPathComponent("huzhu.sqlite").path
            let otherKeys = FieldCipher(keys: KeyRing(secret: .random(), network: .random()))
            await #expect(throws: Backup.Failure.self) {
                try await Backup.restore(from: archive, databasePath: database, dataDirectory: target, cipher: otherKeys, replace: false, now: Date())
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)

            try Data("an existing database".utf8).write(to: URL(fileURLWithPath: database))
            await #expect(throws: Backup.Failure.self) {
                try await Backup.restore(from: archive, databasePath: database, dataDirectory: target, cipher: app.fieldCipher, replace: false, now: Date())
            }
            #expect(try String(contentsOfFile: database, encoding: .utf8) == "an existing database")
            let replaced = try await Backup.restore(from: archive, databasePath: database, dataDirectory: target,
                                                    cipher: app.fieldCipher, replace: true, now: Date())
            let aside = try #require(replaced.setAside)
            #expect(try String(contentsOf: aside.appendingPathComponent("huzhu.sqlite"), encoding: .utf8) == "an existing database")

            let note = scratch().appendingPathComponent("note")
            try Data("x".utf8).write(to: note)
            for name in ["../escaped", "evidence/../../escaped", "/tmp/escaped", "evidence/not-hex", "huzhu.key"] {
                let hostile = scratch().appendingPathComponent("hostile.backup")
                try TarArchive.write([(name: "manifest.json", file: note), (name: name, file: note)], to: hostile)
                let elsewhere = scratch()
                await #expect(throws: TarArchive.Malformed.self, "\(name)") {
                    try await Backup.restore(from: hostile, databasePath: elsewhere.appendingPathComponent("huzhu.sqlite").path,
                                             dataDirectory: elsewhere, cipher: app.fieldCipher, replace: true, now: Date())
                }
                #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "\(name)")
                #expect(!FileManager.default.fileExists(atPath: elsewhere.deletingLastPathComponent().appendingPathComponent("escaped").path))
            }
        }
    }
}
