import Foundation
@testable import HuzhuPlatform
import Testing

@Suite("Configuration from the environment")
struct ConfigurationTests {
    let key = SecretKey.random().base64

    @Test("Nothing set gives the embedded defaults")
    func defaults() throws {
        let configuration = try HuzhuConfiguration(environment: [:])
        #expect(configuration.database == .sqlite(path: "huzhu-data/huzhu.sqlite"))
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.secureCookies == false)
        #expect(configuration.secretKey == nil)
        #expect(configuration.sqliteCacheMiB == 32)
        #expect(configuration.sqliteSynchronous == "full")
    }

    @Test("Every variable is read")
    func everything() throws {
        let configuration = try HuzhuConfiguration(environment: [
            "DATABASE_URL": "postgres://huzhu:pw@db.internal:5433/huzhu", "HUZHU_SECRET_KEY": key, "HUZHU_NETWORK_KEY": key,
            "HUZHU_HOST": "0.0.0.0", "HUZHU_PORT": "9000", "HUZHU_SECURE_COOKIES": "true", "HUZHU_SQLITE_CACHE_MIB": "256",
            "HUZHU_SQLITE_SYNCHRONOUS": "NORMAL",
        ])
        #expect(configuration.sqliteSynchronous == "normal")
        #expect(configuration.sqliteCacheMiB == 256)
        #expect(configuration.database == .postgres(url: "postgres://huzhu:pw@db.internal:5433/huzhu"))
        #expect(configuration.secretKey?.base64 == key)
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 9000)
        #expect(configuration.secureCookies)
        #expect(configuration.networkKey?.base64 == key)
        #expect(try HuzhuConfiguration(environment: ["DATABASE_URL": "sqlite:/var/lib/huzhu/db.sqlite"]).database
                == .sqlite(path: "/var/lib/huzhu/db.sqlite"))
    }

    @Test("Malformed values refuse to start, with a message that says what to fix", arguments: [
        (["DATABASE_URL": "mysql://x/y"], "DATABASE_URL"),
        (["DATABASE_URL": "sqlite:"], "DATABASE_URL"),
        (["DATABASE_URL": "postgres://user:secret@/"], "DATABASE_URL"),
        (["HUZHU_SECRET_KEY": "too-short"], "32 random bytes"),
        (["HUZHU_SECRET_KEY": Data(count: 16).base64EncodedString()], "32 random bytes"),
        (["HUZHU_NETWORK_KEY": "short"], "HUZHU_NETWORK_KEY must be 32 random bytes"),
        (["HUZHU_PORT": "80000"], "HUZHU_PORT"),
        (["HUZHU_PORT": "eighty"], "HUZHU_PORT"),
        (["HUZHU_SECURE_COOKIES": "maybe"], "HUZHU_SECURE_COOKIES"),
        (["HUZHU_SQLITE_CACHE_MIB": "0"], "HUZHU_SQLITE_CACHE_MIB '0' must be a whole number of MiB"),
        (["HUZHU_SQLITE_CACHE_MIB": "lots"], "HUZHU_SQLITE_CACHE_MIB"),
        (["HUZHU_SQLITE_SYNCHRONOUS": "off"], "HUZHU_SQLITE_SYNCHRONOUS 'off' must be full or normal"),
        (["DATABASE_URL": "postgres://huzhu:pw@localhost/huzhu"], "HUZHU_SECRET_KEY must be set"),
        (["DATABASE_URL": "postgres://huzhu:pw@localhost/huzhu", "HUZHU_SECRET_KEY": SecretKey.random().base64],
         "HUZHU_NETWORK_KEY must be set"),
    ])
    func malformed(environment: [String: String], mention: String) {
        do {
            _ = try HuzhuConfiguration(environment: environment)
            Issue.record("accepted \(environment)")
        } catch {
            #expect(error.description.contains(mention), "\(error.description)")
            #expect(!error.description.contains("secret@"), "a password must never be printed")
        }
    }

    @Test("The embedded key file is created once, readable by its owner only, and then reused")
    func keyFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huzhu.key").path
        let first = try SecretKey.loadOrCreate(at: path)
        #expect(first.created)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = try SecretKey.loadOrCreate(at: path)
        #expect(!second.created)
        #expect(second.key == first.key)
        try "garbage".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.unreadableKeyFile(path)) { try SecretKey.loadOrCreate(at: path) }
    }
}

@Suite("Field encryption")
struct FieldCipherTests {
    @Test("A sealed value opens again, never shows in clear, and differs each time")
    func roundTrip() throws {
        let cipher = FieldCipher(keys: .random())
        let phone = "13800138000"
        let first = try cipher.seal(phone)
        let second = try cipher.seal(phone)
        #expect(try cipher.open(first) == phone)
        #expect(first != second)
        #expect(!first.hexString.contains(Data(phone.utf8).hexString))
    }

    @Test("Hashes are written as two lower-case hex digits a byte, as stored hashes were")
    func hex() {
        #expect(Data([0x00, 0x0f, 0xa5, 0xff, 0x10]).hexString == "000fa5ff10")
        #expect(Data().hexString == "")
    }

    @Test("Lookup hashes are stable for one key and different under another")
    func lookup() {
        let keys = KeyRing.random()
        #expect(FieldCipher(keys: keys).lookupHash("13800138000") == FieldCipher(keys: keys).lookupHash("13800138000"))
        #expect(FieldCipher(keys: keys).lookupHash("13800138000") != FieldCipher(keys: .random()).lookupHash("13800138000"))
    }

    @Test("The network hash depends on the network key only, so two deployments sharing it agree")
    func network() {
        let network = SecretKey.random()
        let here = FieldCipher(keys: KeyRing(secret: .random(), network: network))
        let there = FieldCipher(keys: KeyRing(secret: .random(), network: network))
        #expect(here.networkHash("13800138000") == there.networkHash("13800138000"))
        #expect(here.lookupHash("13800138000") != there.lookupHash("13800138000"))
        #expect(here.networkHash("13800138000") != here.lookupHash("13800138000"))
    }

    @Test("A value sealed under another key does not open")
    func wrongKey() throws {
        let sealed = try FieldCipher(keys: .random()).seal("110101199003074258")
        #expect(throws: (any Error).self) { try FieldCipher(keys: .random()).open(sealed) }
    }
}

extension KeyRing {
    static func random() -> KeyRing { KeyRing(secret: .random(), network: .random()) }
}
