/// A QR code (ISO/IEC 18004) of bytes, error correction level M, versions 1 to 10 (up to 213 bytes): enough
/// for the `otpauth://` address a phone's authenticator app scans to enrol in two-factor sign-in. The
/// matrix is drawn here, on the server, so no third party ever sees the secret it carries.
public struct QRCode: Sendable {
    /// `modules[row][column]`, true for dark.
    public let modules: [[Bool]]
    public let version: Int
    public let mask: Int
    public var size: Int { modules.count }

    public struct TooLong: Error {}

    /// Per version: error-correction codewords per block, and the blocks' data codewords.
    private static let levelM: [(ec: Int, blocks: [Int])] = [
        (10, [16]), (16, [28]), (26, [44]), (18, [32, 32]), (24, [43, 43]), (16, [27, 27, 27, 27]),
        (18, [31, 31, 31, 31]), (22, [38, 38, 39, 39]), (22, [36, 36, 36, 37, 37]), (26, [43, 43, 43, 43, 44]),
    ]

    /// The smallest version that holds `bytes`; the mask with the lowest penalty unless one is given.
    public init(_ bytes: [UInt8], mask forcedMask: Int? = nil) throws(TooLong) {
        guard let version = (1...10).first(where: { Self.capacity($0) >= bytes.count }) else { throw TooLong() }
        var matrix = Matrix(version: version)
        matrix.place(Self.codewords(bytes, version: version))
        let masks = forcedMask.map { [$0] } ?? Array(0..<8)
        var best: (penalty: Int, mask: Int, matrix: Matrix)?
        for mask in masks {
            var candidate = matrix
            candidate.apply(mask: mask)
            let penalty = candidate.penalty
            if best == nil || penalty < best!.penalty { best = (penalty, mask, candidate) }
        }
        self.modules = best!.matrix.modules
        self.version = version
        self.mask = best!.mask
    }

    /// Data bytes a version holds in byte mode.
    static func capacity(_ version: Int) -> Int {
        let dataBits = levelM[version - 1].blocks.reduce(0, +) * 8
        return (dataBits - 4 - (version < 10 ? 8 : 16)) / 8
    }

    /// The data in byte mode, padded, split into blocks, each with its Reed-Solomon codewords, interleaved.
    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        let (ecCount, blocks) = levelM[version - 1]
        let capacityBits = blocks.reduce(0, +) * 8
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for i in (0..<count).reversed() { bits.append((value >> i) & 1 == 1) } }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        append(0, min(4, capacityBits - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var data = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while data.count < capacityBits / 8 {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for length in blocks {
            dataBlocks.append(Array(data[start..<start + length]))
            start += length
        }
        let generator = ReedSolomon.generator(degree: ecCount)
        let ecBlocks = dataBlocks.map { ReedSolomon.remainder($0, generator) }
        var result: [UInt8] = []
        for i in 0..<(blocks.max() ?? 0) { for block in dataBlocks where i < block.count { result.append(block[i]) } }
        for i in 0..<ecCount { for block in ecBlocks { result.append(block[i]) } }
        return result
    }

    /// The code as an SVG image, dark on light, with the four-module quiet zone the standard asks for.
    public func svg(moduleSize: Int = 5, title: String = "") -> String {
        let side = (size + 8) * moduleSize
        var path = ""
        for (row, line) in modules.enumerated() {
            for (column, dark) in line.enumerated() where dark {
                path += "M\((column + 4) * moduleSize) \((row + 4) * moduleSize)h\(moduleSize)v\(moduleSize)h-\(moduleSize)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" width=\"\(side)\" height=\"\(side)\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
            + (title.isEmpty ? "" : "<title>\(title)</title>")
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}

/// The matrix being drawn: modules, and which of them belong to the fixed patterns.
private struct Matrix {
    var modules: [[Bool]]
    var isFunction: [[Bool]]
    let version: Int
    var size: Int { modules.count }

    init(version: Int) {
        self.version = version
        let size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        finder(3, 3)
        finder(size - 4, 3)
        finder(3, size - 4)
        let positions = QRCodeTables.alignment(version)
        for (i, x) in positions.enumerated() {
            for (j, y) in positions.enumerated() {
                let last = positions.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 { for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) } }
            }
        }
        format(mask: 0)  // reserves the format areas; drawn for real once the mask is chosen
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3, b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }
    }

    /// Sets a function module at column x, row y.
    mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    mutating func finder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let xx = x + dx, yy = y + dy
                guard (0..<size).contains(xx), (0..<size).contains(yy) else { continue }
                let distance = max(abs(dx), abs(dy))
                set(xx, yy, distance != 2 && distance != 4)
            }
        }
    }

    /// The 15 format bits (level M, the mask), twice, and the dark module.
    mutating func format(mask: Int) {
        let data = 0 << 3 | mask  // level M is 00
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    /// The codewords in the zigzag order, two columns at a time from the bottom right, skipping the timing column.
    mutating func place(_ codewords: [UInt8]) {
        var i = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x] && i < codewords.count * 8 {
                        modules[y][x] = (codewords[i >> 3] >> (7 - (i & 7))) & 1 == 1
                        i += 1
                    }
                }
            }
            right -= 2
        }
    }

    mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] {
                let flip = switch mask {
                case 0: (x + y) % 2 == 0
                case 1: y % 2 == 0
                case 2: x % 3 == 0
                case 3: (x + y) % 3 == 0
                case 4: (x / 3 + y / 2) % 2 == 0
                case 5: x * y % 2 + x * y % 3 == 0
                case 6: (x * y % 2 + x * y % 3) % 2 == 0
                default: ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if flip { modules[y][x].toggle() }
            }
        }
        format(mask: mask)
    }

    /// The standard's four penalty rules: runs, 2×2 blocks, finder-like patterns, imbalance.
    var penalty: Int {
        var total = 0
        let columns = (0..<size).map { x in modules.map { $0[x] } }
        let finderLike: [[Bool]] = [[true, false, true, true, true, false, true, false, false, false, false],
                                    [false, false, false, false, true, false, true, true, true, false, true]]
        for line in modules + columns {
            var run = 1
            for i in 1...line.count {
                if i < line.count && line[i] == line[i - 1] {
                    run += 1
                } else {
                    if run >= 5 { total += 3 + run - 5 }
                    run = 1
                }
            }
            if line.count >= 11 {
                for start in 0...(line.count - 11) where finderLike.contains(where: { Array(line[start..<start + 11]) == $0 }) {
                    total += 40
                }
            }
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = modules[y][x]
                if modules[y][x + 1] == colour && modules[y + 1][x] == colour && modules[y + 1][x + 1] == colour { total += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let percent = dark * 100 / (size * size)
        total += 10 * (abs(percent - 50) / 5)
        return total
    }
}

private enum QRCodeTables {
    static func alignment(_ version: Int) -> [Int] {
        [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]][version - 1]
    }
}

/// Reed-Solomon error correction over GF(256), polynomial 0x11D, as QR codes use it.
private enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var result = 0
        for i in (0..<8).reversed() {
            result = (result << 1) ^ ((result >> 7) * 0x11D)
            if (y >> i) & 1 == 1 { result ^= Int(x) }
        }
        return UInt8(result & 0xFF)
    }

    /// The generator polynomial's coefficients, highest power first, leading 1 omitted.
    static func generator(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], _ generator: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= multiply(generator[i], factor) }
        }
        return result
    }
}
