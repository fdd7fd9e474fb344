import Crypto
import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Evidence files in the data directory's `evidence/` folder, each under 32 random hex characters,
/// readable only by the server's user. The database holds what they are and whose case they belong to.
struct EvidenceStore {
    let directory: URL

    static let maxBytes = 10 * 1024 * 1024

    init(dataDirectory: String) {
        directory = URL(fileURLWithPath: dataDirectory).appendingPathComponent("evidence")
    }

    /// Checks and stores an upload, returning its record (not yet saved) or the reason it was refused.
    func store(_ data: Data, originalName: String, description: String, cipher: FieldCipher, for found: Case, by userID: UUID,
               now: Date) throws -> EvidenceFile {
        guard !data.isEmpty else { throw ValidationErrors([FieldError("file", "error.file_empty")]) }
        guard data.count <= Self.maxBytes else { throw ValidationErrors([FieldError("file", "error.file_too_large")]) }
        guard let kind = EvidenceKind.of(data) else { throw ValidationErrors([FieldError("file", "error.file_type")]) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let storedName = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
        let url = directory.appendingPathComponent(storedName)
        try data.write(to: url, options: [.withoutOverwriting])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        let file = EvidenceFile()
        file.ngoID = found.ngoID
        file.caseID = try found.requireID()
        file.storedName = storedName
        file.originalNameCipher = try cipher.seal(Self.safeName(originalName))
        file.contentType = kind.rawValue
        file.sizeBytes = data.count
        file.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        file.captionCipher = try cipher.seal(description)
        file.uploadedBy = userID
        file.uploadedAt = now
        return file
    }

    func contents(of file: EvidenceFile) throws -> Data {
        // The stored name is ours (hex only), never the uploader's, so it cannot leave the folder.
        guard file.storedName.allSatisfy(\.isHexDigit) else { throw HuzhuAbort.notFound }
        return try Data(contentsOf: directory.appendingPathComponent(file.storedName))
    }

    func remove(_ file: EvidenceFile) {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(file.storedName))
    }

    /// The uploader's file name without any folder part or control characters, for showing and for the
    /// download's suggested name.
    static func safeName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.properties.generalCategory != .control }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let name = clean.isEmpty || clean == "." || clean == ".." ? "file" : clean
        return String(name.prefix(200))
    }
}
