import Foundation

/// Validation of the names and codes that identify an organisation and its people.
public enum OrgNames {
    /// A display name for an NGO, office or person: trimmed, 1...100 characters, no control characters.
    public static func displayName(_ raw: String, field: String) throws(FieldError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw FieldError(field, "error.required") }
        guard name.count <= 100 else { throw FieldError(field, "error.too_long") }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw FieldError(field, "error.control_characters")
        }
        return name
    }

    /// An office's short code such as `BJ`: 2 to 6 Latin letters or digits, upper-cased,
    /// starting with a letter. It prefixes case numbers (`BJ-2026-00042`).
    public static func officeCode(_ raw: String) throws(FieldError) -> String {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty else { throw FieldError("code", "error.required") }
        let valid = (2...6).contains(code.count)
            && code.first!.isASCII && code.first!.isLetter
            && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard valid else { throw FieldError("code", "error.office_code") }
        return code
    }

    /// A login: 3 to 40 characters of lower-case Latin letters, digits, dot, dash or underscore.
    public static func login(_ raw: String) throws(FieldError) -> String {
        let login = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard !login.isEmpty else { throw FieldError("login", "error.required") }
        let allowed = login.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        guard allowed, (3...40).contains(login.count) else { throw FieldError("login", "error.login_format") }
        return login
    }

    /// A password a person chose: at least 10 characters, at most 128 (bcrypt reads 72 bytes).
    public static func password(_ raw: String, field: String = "password") throws(FieldError) -> String {
        guard raw.count >= 10 else { throw FieldError(field, "error.password_short") }
        guard raw.utf8.count <= 72 else { throw FieldError(field, "error.password_long") }
        return raw
    }
}
