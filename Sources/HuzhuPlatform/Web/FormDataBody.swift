import Foundation
import Vapor

/// Reads `multipart/form-data` bodies (uploads, and any form a client chooses to send that way) with
/// Vapor's decoder, after refusing the bodies that crash it. MultipartKit 4.7.1 looks each byte of a
/// part's header name up in a 128-entry table, so a name with a byte above 0x7F stops the whole process
/// (index out of range; found by fuzzing the API). Such a body is a 400, like any other unreadable one.
struct FormDataBody: ContentDecoder {
    private let decoder = FormDataDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
                              userInfo: [CodingUserInfoKey: Sendable]) throws -> D {
        if let boundary = headers.contentType?.parameters["boundary"],
           !Self.headerNamesAreASCII(Array(body.readableBytesView), boundary: Array("--\(boundary)".utf8)) {
            throw Abort(.badRequest, reason: "A part's header name is not ASCII.")
        }
        return try decoder.decode(D.self, from: body, headers: headers, userInfo: userInfo)
    }

    /// Whether every header name in every part is ASCII: the header lines after each boundary, up to the
    /// blank line that ends them, up to the colon of each. (Where the boundary also appears inside a
    /// part, the lines after it are checked too; that can refuse a body, never let a bad one through.)
    static func headerNamesAreASCII(_ bytes: [UInt8], boundary: [UInt8]) -> Bool {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), colon = UInt8(ascii: ":")
        var searchFrom = 0
        while let found = firstOccurrence(of: boundary, in: bytes, from: searchFrom) {
            var index = found + boundary.count
            if bytes[index...].starts(with: [cr, lf]) { index += 2 }
            lines: while index < bytes.endIndex {
                if bytes[index] == cr || bytes[index] == lf { break lines }  // the blank line: the part's body follows
                while index < bytes.endIndex, bytes[index] != colon, bytes[index] != cr, bytes[index] != lf {
                    if bytes[index] > 0x7F { return false }
                    index += 1
                }
                while index < bytes.endIndex, bytes[index] != lf { index += 1 }  // the value
                index += 1
            }
            searchFrom = found + boundary.count
        }
        return true
    }

    /// Where `needle` next occurs, found with memchr and memcmp so that an upload of megabytes is
    /// scanned in a blink even in a debug build.
    private static func firstOccurrence(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first else { return nil }
        return bytes.withUnsafeBytes { haystack -> Int? in
            needle.withUnsafeBytes { pattern -> Int? in
                guard let base = haystack.baseAddress else { return nil }
                var at = start
                while at + pattern.count <= haystack.count {
                    guard let hit = memchr(base + at, Int32(first), haystack.count - at) else { return nil }
                    let offset = UnsafeRawPointer(hit) - base
                    if offset + pattern.count > haystack.count { return nil }
                    if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return offset }
                    at = offset + 1
                }
                return nil
            }
        }
    }
}
