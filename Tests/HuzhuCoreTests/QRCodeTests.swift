import HuzhuCore
import Testing

@Suite("QR codes drawn on the server")
struct QRCodeTests {
    /// Rows of each reference matrix in hexadecimal (dark = 1, each row padded to whole hex digits), made by
    /// python-qrcode 8.2, an independent implementation of ISO/IEC 18004 (level M, byte mode, the mask given:
    /// `qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=…)`).
    static let references: [(name: String, text: String, mask: Int, version: Int, rows: [String])] = [
        (name: "v1", text: "HUZHU 互助", mask: 0, version: 1, rows: [
            "fe43f8", "82aa08", "ba12e8", "ba5ae8", "babae8", "827208", "feabf8", "000000", "aa6890", "443680", "2ff078", "09bf10", "8eb7e0", "00b5f0", "fe4918", "822310", "baa0b0", "ba19f0", "baa6a8", "827e10", "fea3f8",
        ]),
        (name: "v1", text: "HUZHU 互助", mask: 5, version: 1, rows: [
            "fe13f8", "82f208", "baf2e8", "baa2e8", "ba5ae8", "822a08", "feabf8", "00d800", "828e70", "b9c978", "1713f0", "dce260", "dbe2b0", "00e880", "fe2a90", "825ce8", "ba4338", "ba4480", "ba73f8", "822360", "fec070",
        ]),
        (name: "v4", text: "otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXP", mask: 2, version: 4, rows: [
            "fe08bf3f8", "8259a0a08", "baea362e8", "baa81e2e8", "bad38dae8", "82fa6c208", "feaaaabf8", "009a94800", "be56493e0", "50fef5768", "275f2e730", "7c442d5f8", "8f338f4c0", "785512178", "d71faa370", "ccb317278", "0a65de998", "988c9d238", "96a3a4b30", "288ea4278", "f66036498", "a857a8028", "b2e864650", "bc3685e78", "8e3642fd0", "00daff8b8", "fe6dc7ae0", "82c2f78e8", "ba819efc0", "baff2d0b8", "bacf87200", "825107860", "fe81dba10",
        ]),
        (name: "v7", text: "otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Huzhu&algorithm=SHA1&digits=6&period=30", mask: 0, version: 7, rows: [
            "fe057a7a8bf8", "82824c275208", "ba7d1f2b12e8", "ba029d631ae8", "baac1fef7ae8", "823c38f54208", "feaaaaaaabf8", "00227888a000", "aa17dfffd890", "014cd4d0c028", "b2079ec08dd8", "5d4b306afd08", "3a31795e89d0", "505df5c40158", "e7fd95dc3838", "79db85eacf10", "cae7359da5a0", "38a328115520", "0b1a9f8384f8", "60870160fcd0", "5ff77ffbefd8", "58f028910888", "dafdaa879aa8", "68c698f8b898", "2ffc3f9fcfc8", "55628b988858", "96bb2104c358", "f58e2e585b18", "3a4d9fd98f18", "3190bd149418", "47a8fd69e7f8", "3588cd768710", "f70edebb8eb8", "b896ce009830", "0aeae2550778", "78272d348308", "9b310fdbcfe8", "0091688018c8", "fe0d4a9a0ab8", "822cc8cc9880", "bae14fd9bf98", "ba35dc041c08", "ba954b9c0df8", "822ed8484110", "feab7db9ce18",
        ]),
        (name: "v7", text: "otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Huzhu&algorithm=SHA1&digits=6&period=30", mask: 1, version: 7, rows: [
            "fed02f2fcbf8", "825719721208", "baa84a7e52e8", "ba57c8365ae8", "ba794fba3ae8", "82e968a00208", "feaaaaaaabf8", "007728ddf000", "a3428faa8928", "541981859578", "e752cb95d888", "081e653fa858", "6f642c0bdc80", "0508a0915408", "b2a8c0896d68", "2c8ed0bf9a40", "9fb260c8f0f0", "6df67d440070", "5e4fcad6d1a8", "35d25435a980", "0fa22faebf88", "08a578c458d8", "8aa8fad2caf8", "3893c8ade8c8", "7fa96fca9f98", "0037decddd08", "c3ee74519608", "a0db7b0d0e48", "6f18ca8cda48", "64c5e841c148", "12fda83cb2a8", "60dd9823d240", "a25b8beedbe8", "edc39b55cd60", "0bbfb7005228", "79727861d658", "9a645f8e9fb8", "00c438d54898", "fed81acf5ae8", "82799899c8d0", "ba341f8cefc8", "ba6089514958", "bac01ec958a8", "827b8d1d1440", "fefe28ec9b48",
        ]),
        (name: "v7", text: "otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Huzhu&algorithm=SHA1&digits=6&period=30", mask: 2, version: 7, rows: [
            "fe66f4424bf8", "821e3de05208", "ba9e9113d2e8", "ba9eeca41ae8", "bacf9fd7bae8", "82a048b24208", "feaaaaaaabf8", "00be08cfb800", "be745fc73be0", "c450a517dc58", "8ae410f86e50", "985741ade178", "02d2f7666a58", "954184031d28", "df1e1be4dbb0", "bcc7f42dd360", "f204bba54628", "fdbf59d64950", "33f911bb6770", "a59b70a7e0a0", "6f94ffc30fd0", "98ec58d618f8", "ea9e2abf7aa0", "a8dae8bfa8e8", "1f9fbfa72fc0", "907efa5f9428", "ae58af3c20d0", "30925f9f4768", "02ae11e16c90", "f48cccd38868", "7f4b73510470", "f094bcb19b60", "cfed50836d30", "7d8abfc78440", "0a096c6de4f0", "793b5cf39f78", "9bd28fe32fe0", "008d18c708b8", "fe6ecaa2eab0", "82b0b88b88f0", "ba82cfe15f90", "baa9adc30078", "baf6c5a4ee70", "8232a98f5d60", "fec8f3812d90",
        ]),
        (name: "v7", text: "otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Huzhu&algorithm=SHA1&digits=6&period=30", mask: 3, version: 7, rows: [
            "fee6f4424bf8", "82c550569208", "ba7327c892e8", "ba9eeca41ae8", "ba14ffe17ae8", "824df8e90208", "feaaaaaaabf8", "00e568f96000", "b719ef9c5258", "c450a517dc58", "3e3f7d4eb538", "413af7768cc8", "02d2f7666a58", "219ae9b5c640", "0673ad3fb600", "bcc7f42dd360", "46dfd6139d40", "24d2ef0d24e0", "33f911bb6770", "11401d113bc8", "bff94f986fe0", "98ec58d618f8", "5ac54a89aac8", "78b758e4c8d8", "1f9fbfa72fc0", "24a597e94f40", "773519e74d60", "30925f9f4768", "b6757c57b7f8", "2de17a08e5d8", "7f4b73510470", "444fd1074008", "1680e6580080", "7d8abfc78440", "0ad201db3f98", "7856ea28f2c8", "9bd28fe32fe0", "00d678f1d8d0", "fe837af98a80", "82b0b88b88f0", "ba59afd78ff8", "bac41b186dc8", "baf6c5a4ee70", "8269c4398608", "fea5455a4020",
        ]),
        (name: "v7", text: "otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Huzhu&algorithm=SHA1&digits=6&period=30", mask: 4, version: 7, rows: [
            "fea1e8338bf8", "825921919208", "ba26729dd2e8", "baa60f2a1ae8", "ba888fa67ae8", "82e758c38208", "feaaaaaaabf8", "0086e8c18000", "8bb34fb6ffc8", "b597b9661b40", "06dcf37656b0", "146fa223d998", "7315eb17ad40", "e4869872da30", "5326f86ae350", "30ff17a3eb80", "83c3a7d48130", "8c7845a78e48", "bfc1f2355f90", "29a39329d840", "1fd3efb2cfc8", "e8ab48a7d8e0", "6aa6cab14ac0", "28e208b19888", "6fd8afd6efd8", "e1b9e62e5330", "22604cb21830", "bcaabc117f88", "73690d90ab88", "854bd0a24f70", "f37390df3c90", "7cac5f3fa380", "be2a4cf2aa28", "0c4da3b64358", "0a318fe3dc10", "7903bf7da798", "9a159f92eff8", "00ca08b6c8a0", "fed62aacdad0", "82085885b890", "bac5df909f88", "ba6eb1b2c760", "ba4e262ad690", "820a4a016580", "fe8feff0ea88",
        ]),
        (name: "v7", text: "otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Huzhu&algorithm=SHA1&digits=6&period=30", mask: 5, version: 7, rows: [
            "fe502f2fcbf8", "82df39f01208", "ba9e9113d2e8", "bafd629cdae8", "ba4f9fd7bae8", "826148a20208", "feaaaaaaabf8", "00ff08dff800", "82f45fc73e70", "fcb32b2f3fd0", "8ae410f86e50", "881645bda078", "6f642c0bdc80", "850080135c28", "df1e1be4dbb0", "84247a1530e8", "f204bba54628", "edfe5dc60850", "5e4fcad6d1a8", "b5da74b7a1a0", "6f94ffc30fd0", "a88fd8eef8f0", "ea9e2abf7aa0", "b89be8afe8e8", "7fa96fca9f98", "803ffe4fd528", "ae58af3c20d0", "0871d1a7a4e0", "02ae11e16c90", "e4cdc8c3c968", "12fda83cb2a8", "e0d5b8a1da60", "cfed50836d30", "456931ff67c8", "0a096c6de4f0", "797a58e3de78", "9a645f8e9fb8", "00cc18d748b8", "fe6ecaa2eab0", "825338b368f8", "ba02cfe15f90", "ba68a9d34178", "ba401ec958a8", "8273ad9f1c60", "fec8f3812d90",
        ]),
        (name: "v7", text: "otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Huzhu&algorithm=SHA1&digits=6&period=30", mask: 6, version: 7, rows: [
            "fed02f2fcbf8", "82d921919208", "baba035ad2e8", "ba7d629cdae8", "badddff33ae8", "825188ae0208", "feaaaaaaabf8", "007918be7800", "9fd0cf8e1cb8", "fcb32b2f3fd0", "ae7659dcfc18", "842686b190b8", "6f642c0bdc80", "e4869872da30", "963a89adff20", "84247a1530e8", "d696f281d460", "e1ce9eca3890", "5e4fcad6d1a8", "d45c6cd627b8", "2fb06f8a2fc0", "a88fd8eef8f0", "ca8c6a9beae8", "b8ab28a3d8a8", "7fa96fca9f98", "e1b9e62e5330", "e77c3d750440", "0871d1a7a4e0", "263c58c5fed8", "e8fd0bcff9a8", "12fda83cb2a8", "8153a0c05c78", "86c9c2ca49a0", "456931ff67c8", "0a9b254976b8", "794a9befeeb8", "9a645f8e9fb8", "00ca08b6c8a0", "feca5aebcaa0", "82d338b368f8", "ba908fc5cfd8", "bad86adf71b8", "ba401ec958a8", "8275b5fe9a78", "feec61c80900",
        ]),
        (name: "v7", text: "otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Huzhu&algorithm=SHA1&digits=6&period=30", mask: 7, version: 7, rows: [
            "fe057a7a8bf8", "8226de6e5208", "ba6f560f92e8", "ba029d631ae8", "ba088fa67ae8", "82ae78d1c208", "feaaaaaaabf8", "0006e8c18000", "96859fdb4d00", "014cd4d0c028", "fb230c89a948", "79d9794e6f40", "3a31795e89d0", "1979678d25c8", "c36fdcf8aa70", "79db85eacf10", "83c3a7d48130", "1c316135c768", "0b1a9f8384f8", "29a39329d840", "7fe53fdf7f90", "58f028910888", "9ad93acebab8", "48d4d8dc28d0", "2ffc3f9fcfc8", "1c4619d1acc8", "b22968205110", "f58e2e585b18", "73690d90ab88", "1502f4300650", "47a8fd69e7f8", "7cac5f3fa380", "d39c979f1cf0", "b896ce009830", "0bce701c23e8", "78b564101140", "9b310fdbcfe8", "00b5f8c938d8", "fe1f0abe9af0", "82acc8cc9880", "ba45df909f88", "baa795208e40", "ba154b9c0df8", "820a4a016580", "feb9349d5c50",
        ]),
        (name: "v9", text: "互助 mutual aid — 0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz", mask: 6, version: 9, rows: [
            "fee99606d363f8", "828ba845887208", "ba8d932ab412e8", "ba411e3edbeae8", "bab386ff8622e8", "823d73884ae208", "feaaaaaaaaabf8", "007c0d8ad7e000", "9f8e42ff1efcb8", "90d68073e7f870", "d66f9d10ad0f78", "19dbb699e11948", "3f5c528d8cb2c8", "e99a5a3dc36da8", "2a87467b1b9408", "2501e7bb125078", "b67ac8c4c92080", "508f015674b7c0", "23964f59885d28", "71e175f207c220", "1e9a77a972ebe8", "448dae7a8ffee0", "4248ec909d5f00", "c1b6a19f811948", "7fc062fdeadfc8", "c8ae928bc268c8", "caef8ead1f8ae8", "98bbb08a936888", "7fe2f0fd4c6fe0", "e017a8eeeca8c0", "ee8447e0098bc0", "d1c7e2a237c228", "3aa4235f7a9ce8", "c4ed91fa7efe60", "a3f6d5ea2d5c80", "f47d21ef8018c8", "5ed5fa79a8d548", "bc0c83935b6ba8", "8e8308859b82e8", "904f80cb675070", "2a741a30da4710", "589ddafebcb0c0", "df375fa149ca08", "6105068235c3b8", "134bebfd38dff8", "00c9c88aff68a0", "fe83cda8a88a80", "82b1468e0528f0", "badf46f9aebfd8", "bafb1c634bf228", "ba54b52d9a05b0", "822ae96d175768", "fecbb1cd8a0680",
        ]),
    ]

    static func hexRows(_ code: QRCode) -> [String] {
        code.modules.map { row in
            let bits = row + Array(repeating: false, count: (4 - row.count % 4) % 4)
            return stride(from: 0, to: bits.count, by: 4).map { start in
                String(bits[start..<start + 4].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }, radix: 16)
            }.joined()
        }
    }

    @Test("Byte-mode codes at level M match the reference module for module, versions 1 to 9, at every mask")
    func matchesReference() throws {
        for reference in Self.references {
            let code = try QRCode(Array(reference.text.utf8), mask: reference.mask)
            #expect(code.version == reference.version, "\(reference.name) mask \(reference.mask)")
            #expect(Self.hexRows(code) == reference.rows, "\(reference.name) mask \(reference.mask)")
        }
    }

    @Test("Without a mask given, the one with the lowest penalty is chosen, and the result is that mask's code")
    func choosesMask() throws {
        let text = Array("otpauth://totp/Huzhu:caseworker?secret=JBSWY3DPEHPK3PXP".utf8)
        let chosen = try QRCode(text)
        #expect(chosen.modules == (try QRCode(text, mask: chosen.mask)).modules)
    }

    @Test("Text too long for version 10 is refused, and the SVG has the quiet zone and one path")
    func limitsAndSVG() throws {
        #expect(throws: QRCode.TooLong.self) { try QRCode(Array(repeating: 0x41, count: 214)) }
        let code = try QRCode(Array(repeating: 0x41, count: 213))
        #expect(code.version == 10)
        let svg = try QRCode(Array("HUZHU".utf8)).svg(moduleSize: 4, title: "code")
        #expect(svg.hasPrefix("<svg") && svg.contains("viewBox=\"0 0 116 116\"") && svg.contains("<title>code</title>"))
    }
}
