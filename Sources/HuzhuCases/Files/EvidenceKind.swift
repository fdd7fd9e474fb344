import Foundation

/// The kinds of evidence a case keeps, recognised by their first bytes (never by the name or the type
/// the browser claims): photos from phones and scanners, and PDFs.
enum EvidenceKind: String, CaseIterable {
    case jpeg = "image/jpeg", png = "image/png", gif = "image/gif", webp = "image/webp", heic = "image/heic"
    case pdf = "application/pdf"

    static func of(_ bytes: Data) -> EvidenceKind? {
        let head = [UInt8](bytes.prefix(16))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("ftyp".utf8), at: 4),
           ["heic", "heix", "mif1", "msf1"].contains(where: { starts(Array($0.utf8), at: 8) }) { return .heic }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return nil
    }
}
