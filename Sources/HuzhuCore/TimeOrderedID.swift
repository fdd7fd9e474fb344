import Foundation

extension UUID {
    /// A version 7 UUID (RFC 9562): the time in milliseconds, then random bits. Rows written in bulk
    /// with such ids go to the end of the primary-key index instead of all over it.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        var random = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(date.timeIntervalSince1970, 0) * 1000)
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0f)  // version 7
        bytes[8] = 0x80 | (bytes[8] & 0x3f)  // RFC 9562 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
