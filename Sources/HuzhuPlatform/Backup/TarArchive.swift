import Foundation

/// A backup's container: a POSIX tar (ustar) file, so that an administrator can also list or unpack it
/// with `tar`. Only regular files; contents are streamed a mebibyte at a time, so a database of any size
/// is written and read without holding it in memory. Sizes past ustar's 8 GiB use the GNU base-256 form.
enum TarArchive {
    static let block = 512
    private static let chunk = 1 << 20

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes the files, each under its name in the archive, and the two empty blocks that end it.
    static func write(_ entries: [(name: String, file: URL)], to destination: URL) throws {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw Malformed(description: "cannot create \(destination.path)")
        }
        let output = try FileHandle(forWritingTo: destination)
        defer { try? output.close() }
        for entry in entries {
            let size = try FileManager.default.attributesOfItem(atPath: entry.file.path)[.size] as? UInt64 ?? 0
            try output.write(contentsOf: header(name: entry.name, size: size))
            let input = try FileHandle(forReadingFrom: entry.file)
            defer { try? input.close() }
            var written: UInt64 = 0
            while let data = try input.read(upToCount: chunk), !data.isEmpty {
                try output.write(contentsOf: data)
                written += UInt64(data.count)
            }
            guard written == size else { throw Malformed(description: "\(entry.name) changed while it was being archived") }
            try output.write(contentsOf: Data(count: padding(size)))
        }
        try output.write(contentsOf: Data(count: block * 2))
        try output.synchronize()
    }

    /// Reads every entry in turn; `destination` says where an entry's contents go (nil: refuse the archive).
    static func read(_ source: URL, destination: (String) throws -> URL?) throws -> [String] {
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        var names: [String] = []
        while true {
            guard let header = try input.read(upToCount: block), header.count == block else {
                throw Malformed(description: "the archive ends before its end marker")
            }
            if header.allSatisfy({ $0 == 0 }) { return names }
            let fields = Array(header)
            guard checksum(fields) == octal(fields[148..<156]) else { throw Malformed(description: "a header's checksum is wrong") }
            guard fields[156] == UInt8(ascii: "0") || fields[156] == 0 else { throw Malformed(description: "only regular files belong in a backup") }
            let name = String(decoding: fields[0..<100].prefix { $0 != 0 }, as: UTF8.self)
            let size = try self.size(fields[124..<136])
            guard let target = try destination(name) else { throw Malformed(description: "unexpected entry \(name)") }
            guard FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw Malformed(description: "cannot create \(target.path)")
            }
            let output = try FileHandle(forWritingTo: target)
            defer { try? output.close() }
            var remaining = size
            while remaining > 0 {
                guard let data = try input.read(upToCount: Int(min(remaining, UInt64(chunk)))), !data.isEmpty else {
                    throw Malformed(description: "\(name) is cut short")
                }
                try output.write(contentsOf: data)
                remaining -= UInt64(data.count)
            }
            try output.synchronize()
            _ = try input.read(upToCount: padding(size))
            names.append(name)
        }
    }

    private static func header(name: String, size: UInt64) throws -> Data {
        let nameBytes = Array(name.utf8)
        guard nameBytes.count < 100 else { throw Malformed(description: "name too long: \(name)") }
        var fields = [UInt8](repeating: 0, count: block)
        func put(_ bytes: [UInt8], at offset: Int) { fields.replaceSubrange(offset..<offset + bytes.count, with: bytes) }
        func putOctal(_ value: UInt64, at offset: Int, width: Int) {
            put(Array(String(value, radix: 8).leftPadded(to: width - 1).utf8) + [0], at: offset)
        }
        put(nameBytes, at: 0)
        putOctal(0o600, at: 100, width: 8)
        putOctal(0, at: 108, width: 8)
        putOctal(0, at: 116, width: 8)
        if size < 0o77777777777 {
            putOctal(size, at: 124, width: 12)
        } else {  // GNU base-256: high bit set, then the size big-endian
            put([0x80, 0, 0, 0] + withUnsafeBytes(of: size.bigEndian, Array.init), at: 124)
        }
        putOctal(UInt64(Date().timeIntervalSince1970), at: 136, width: 12)
        fields[156] = UInt8(ascii: "0")
        put(Array("ustar\u{0}00".utf8), at: 257)
        put(Array(String(checksum(fields), radix: 8).leftPadded(to: 6).utf8) + [0, 0x20], at: 148)
        return Data(fields)
    }

    /// The sum of the header's bytes with the checksum field counted as spaces.
    private static func checksum(_ fields: [UInt8]) -> UInt64 {
        fields.enumerated().reduce(0) { sum, item in sum + UInt64((148..<156).contains(item.offset) ? 0x20 : item.element) }
    }

    private static func octal(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        let digits = String(decoding: bytes.prefix { $0 != 0 && $0 != 0x20 }.drop { $0 == 0x20 }, as: UTF8.self)
        return UInt64(digits, radix: 8)
    }

    private static func size(_ bytes: ArraySlice<UInt8>) throws -> UInt64 {
        if let first = bytes.first, first & 0x80 != 0 {
            return bytes.suffix(8).reduce(0) { $0 << 8 | UInt64($1) }
        }
        guard let size = octal(bytes) else { throw Malformed(description: "a header's size is unreadable") }
        return size
    }

    private static func padding(_ size: UInt64) -> Int { Int((UInt64(block) - size % UInt64(block)) % UInt64(block)) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
