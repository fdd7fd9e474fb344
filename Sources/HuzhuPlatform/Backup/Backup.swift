import Foundation
import SQLiteKit

/// A backup of the embedded database and the uploaded files beside it, in one tar file: `manifest.json`
/// (when, what it holds: the content digest, and a check of the keys it was made with), `huzhu.sqlite`
/// (a consistent copy taken with `VACUUM INTO` while the server goes on serving) and `evidence/…`. The
/// keys are never in it: a stolen backup must not be readable. PostgreSQL deployments use `pg_dump`.
package enum Backup {
    struct Manifest: Codable {
        var format = 1
        var createdAt: Date
        var digest: ContentDigest
        var keyCheck: String
    }

    static let manifestEntry = "manifest.json"
    static let databaseEntry = "huzhu.sqlite"

    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// Copies the database as of one moment (a read transaction: writers carry on), then the files.
    /// Files are written before the rows that name them, so every file the copy names is there.
    package static func create(to destination: URL, from db: any SQLDatabase, dataDirectory: URL, cipher: FieldCipher,
                               now: Date) async throws -> ContentDigest {
        guard db.dialect.name == "sqlite" else {
            throw Failure(description: "huzhu backup copies the embedded database; back PostgreSQL up with pg_dump (see the README)")
        }
        let work = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).parts")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        let copy = work.appendingPathComponent(databaseEntry)
        try await db.raw("VACUUM INTO \(bind: copy.path)").run()
        let files = ContentDigest.dataFiles(in: dataDirectory)
        let digest = try await withDatabase(at: copy) { try await ContentDigest.of($0, files: files) }
        let manifest = work.appendingPathComponent(manifestEntry)
        try encoder.encode(Manifest(createdAt: now, digest: digest, keyCheck: keyCheck(cipher))).write(to: manifest)
        let entries = [(name: manifestEntry, file: manifest), (name: databaseEntry, file: copy)]
            + files.map { (name: $0.name, file: $0.url) }
        let partial = work.appendingPathComponent("archive.tar")
        try TarArchive.write(entries, to: partial)
        guard rename(partial.path, destination.path) == 0 else {  // atomic: a reader sees the old backup or the new one
            throw Failure(description: "cannot write \(destination.path): \(String(cString: strerror(errno)))")
        }
        return digest
    }

    /// Unpacks a backup into the data directory of a stopped server: checks that what came out has the
    /// digest the backup recorded and that the deployment's keys are the ones it was made with, then puts
    /// it in place. What was there before is moved aside (only with `replace`), never deleted.
    package static func restore(from archive: URL, databasePath: String, dataDirectory: URL, cipher: FieldCipher,
                                replace: Bool, now: Date) async throws -> (digest: ContentDigest, setAside: URL?) {
        guard FileManager.default.isReadableFile(atPath: archive.path) else {
            throw Failure(description: "cannot read \(archive.path)")
        }
        let stamp = Int(now.timeIntervalSince1970)
        let staging = dataDirectory.appendingPathComponent(".restore-\(stamp)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: staging) }
        for folder in ContentDigest.fileFolders {
            try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        _ = try TarArchive.read(archive) { name in try stagingPath(for: name, in: staging) }
        guard let manifestData = try? Data(contentsOf: staging.appendingPathComponent(manifestEntry)),
              let manifest = try? decoder.decode(Manifest.self, from: manifestData), manifest.format == 1 else {
            throw Failure(description: "\(archive.path) is not a Huzhu backup (no readable manifest)")
        }
        guard manifest.keyCheck == keyCheck(cipher) else {
            throw Failure(description: "this backup was made with other keys: put that deployment's huzhu.key and huzhu-network.key beside the database (or set HUZHU_SECRET_KEY and HUZHU_NETWORK_KEY) and restore again; nothing was changed")
        }
        let database = staging.appendingPathComponent(databaseEntry)
        let digest = try await withDatabase(at: database) { try await ContentDigest.of($0, dataDirectory: staging) }
        guard digest == manifest.digest else {
            throw Failure(description: "the backup's contents do not match its digest (\(digest.differences(from: manifest.digest).joined(separator: "; "))); nothing was changed")
        }

        let fm = FileManager.default
        let current = [databasePath, databasePath + "-wal", databasePath + "-shm"].filter { fm.fileExists(atPath: $0) }
            .map { URL(fileURLWithPath: $0) }
            + ContentDigest.fileFolders.map { dataDirectory.appendingPathComponent($0) }.filter { fm.fileExists(atPath: $0.path) }
        var setAside: URL?
        if !current.isEmpty {
            guard replace else {
                throw Failure(description: "\(databasePath) already exists: stop the server and run again with --replace to set it aside; nothing was changed")
            }
            let aside = dataDirectory.appendingPathComponent("before-restore-\(stamp)")
            try fm.createDirectory(at: aside, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for item in current { try fm.moveItem(at: item, to: aside.appendingPathComponent(item.lastPathComponent)) }
            setAside = aside
        }
        try fm.createDirectory(atPath: (databasePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try fm.moveItem(at: database, to: URL(fileURLWithPath: databasePath))
        for folder in ContentDigest.fileFolders {
            try fm.moveItem(at: staging.appendingPathComponent(folder), to: dataDirectory.appendingPathComponent(folder))
        }
        return (digest, setAside)
    }

    /// Where an archive entry is unpacked; nil for anything a backup never holds (another name, a path
    /// that climbs out, a file name that is not one of ours), which refuses the whole archive.
    static func stagingPath(for name: String, in staging: URL) throws -> URL? {
        if name == manifestEntry || name == databaseEntry { return staging.appendingPathComponent(name) }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, ContentDigest.fileFolders.contains(String(parts[0])),
              (1...64).contains(parts[1].count), parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return staging.appendingPathComponent(String(parts[0])).appendingPathComponent(String(parts[1]))
    }

    /// Equal for equal keys, and reveals nothing about them.
    static func keyCheck(_ cipher: FieldCipher) -> String {
         cipher.lookupHash("backup-key-check") + cipher.networkHash("backup-key-check")
    }

    /// Runs `body` on a connection of its own to the SQLite file at `url`.
    static func withDatabase<T>(at url: URL, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await SQLiteConnection.open(storage: .file(path: url.path))
        do {
            let result = try await body(connection.sql())
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
