import Foundation
import HuzhuPlatform

/// `huzhu restore --from FILE [--replace]`: brings a backup back into the data directory of a stopped
/// server. It runs before the application starts, because no connection to the database may be open
/// while the file is replaced. Returns the exit status.
public func restore(arguments: [String], environment: [String: String]) async -> Int32 {
    func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("huzhu restore: \(message)\n".utf8))
        return 1
    }
    var from: String?
    var replace = false
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch argument {
        case "--from": from = rest.popFirst()
        case "--replace": replace = true
        case "--help", "-h":
            print("Usage: huzhu restore --from FILE [--replace]\nRestores a backup made by `huzhu backup` into the data directory (HUZHU_DATA_DIR). Stop the server first. With --replace, the database and files already there are moved into before-restore-TIME/ beside them.")
            return 0
        default: return fail("unknown argument \(argument) (usage: huzhu restore --from FILE [--replace])")
        }
    }
    guard let from, !from.isEmpty else { return fail("--from must name the backup file") }
    do {
        let configuration = try configuration(from: environment)
        guard case .sqlite(let path) = configuration.database else {
            return fail("restore brings back the embedded database; restore PostgreSQL with pg_restore (see the README)")
        }
        let keys = try KeyRing.resolve(configuration) { print($0) }
        let restored = try await Backup.restore(from: URL(fileURLWithPath: from), databasePath: path,
                                                dataDirectory: URL(fileURLWithPath: configuration.dataDirectory),
                                                cipher: FieldCipher(keys: keys), replace: replace, now: Date())
        if let aside = restored.setAside { print("The data that was there is now in \(aside.path).") }
        print("Restored \(restored.digest.tables.count) tables (\(restored.digest.tables.values.map(\.count).reduce(0, +)) rows) and \(restored.digest.files.count) files; their digest matches the backup's.")
        return 0
    } catch {
        return fail("\(error)")
    }
}
