import Foundation

/// The rules of a text message to a worker's phone in China: the sender's signature and the opt-out line
/// carriers require, how many segments it takes, and what a worker's reply means.
public enum SMSText {
    /// A notice longer than this is not a text message.
    public static let maxSegments = 10
    /// What carriers require at the end of a notice: how to stop receiving them.
    public static let optOutLine = "回复TD退订"

    /// The message as it is sent: 【signature】, the text, the opt-out line.
    public static func compose(_ body: String, signature: String) -> String {
        "【\(signature)】\(body.trimmingCharacters(in: .whitespacesAndNewlines)) \(optOutLine)"
    }

    /// The sender's signature from an NGO's name: without a remark in brackets at its end ("（演示）").
    public static func signature(_ name: String) -> String {
        var name = name.trimmingCharacters(in: .whitespaces)
        if let open = name.lastIndex(where: { $0 == "（" || $0 == "(" }), name.last == "）" || name.last == ")", open > name.startIndex {
            name = String(name[..<open]).trimmingCharacters(in: .whitespaces)
        }
        return name
    }

    /// Segments the text takes: 160 characters in one (153 a segment when longer) when every character
    /// is in the GSM alphabet, else UCS-2: 70 UTF-16 units in one, 67 a segment when longer.
    public static func segments(_ text: String) -> Int {
        let (single, multiple, length) = !needsUnicode(text)
            ? (160, 153, text.unicodeScalars.count + text.unicodeScalars.filter(gsmExtension.contains).count)
            : (70, 67, text.utf16.count)
        if length <= single { return 1 }
        return (length + multiple - 1) / multiple
    }

    /// Whether the text must go as UCS-2: some character is outside the GSM alphabet (any Chinese is).
    public static func needsUnicode(_ text: String) -> Bool {
        !text.unicodeScalars.allSatisfy(gsm.contains)
    }

    public enum Reply: Equatable, Sendable {
        case optOut, optIn, message
    }

    /// What a worker's reply asks for: "TD", "退订", "T" or "STOP" to stop, "恢复" or "START" to start
    /// again (alone in the message, any case, spaces and punctuation around them ignored), else a message.
    public static func reply(_ text: String) -> Reply {
        let word = text.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)).uppercased()
        if ["TD", "退订", "T", "STOP"].contains(word) { return .optOut }
        if ["恢复", "START"].contains(word) { return .optIn }
        return .message
    }

    private static let gsm = Set(("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
                                  + "abcdefghijklmnopqrstuvwxyzäöñüà" + "^{}\\[~]|€").unicodeScalars)
    /// Characters that take two places in the GSM alphabet.
    private static let gsmExtension = Set("^{}\\[~]|€".unicodeScalars)
}
