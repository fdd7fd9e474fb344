import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Importing and exporting worker lists")
struct ImportExportTests {
    func upload(_ browser: Browser, _ data: Data, name: String = "名单.csv") async throws -> TestingHTTPResponse {
        try await browser.upload("/workers/import", file: name, type: "text/csv", data: data)
    }

    @Test("A GB18030 list is previewed with every row's problems, nothing written, then imported without duplicates")
    func gb18030Import() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("supervisor")
            try await browser.recordContact(phone: "13900139000", newWorker: "已有的工友")
            let csv = """
                姓名,手机号码,性别,身份证号,工作单位
                陈一,13800138001,男,,某某建筑公司
                陈二,12345,女,,
                ,13800138003,,,
                陈四,13900139000,,,
                陈五,13800138005,女,110101199003074258,"某某电子, 深圳"
                陈五,13800138005,女,,
                """.replacingOccurrences(of: "\n", with: "\r\n")
            let uploaded = try await upload(browser, csv.data(using: CSV.gb18030)!)
            #expect(uploaded.status == .seeOther)
            let batchPath = try #require(uploaded.location)
            let waiting = try await app.rawContent()
            #expect(!waiting.contains("13800138005") && !waiting.contains("110101199003074258"),
                    "an uploaded list waits encrypted")

            let preview = try await browser.get(batchPath + "?preview=1")
            #expect(preview.status == .ok)
            #expect(preview.text.contains("可以导入：2 行"))
            #expect(preview.text.contains("有问题：2 行"))
            #expect(preview.text.contains("已有记录（跳过）：1 行 (5)"))
            #expect(preview.text.contains("文件中重复（跳过）：1 行 (7)"))
            #expect(preview.text.contains("这不是一个有效的中国电话号码"))
            #expect(try await Worker.query(on: app.db).count() == 1)

            let mapping = ColumnMapping.guess(headers: ["姓名", "手机号码", "性别", "身份证号", "工作单位"])
            var fields: [String: String] = [:]
            for item in mapping.queryItems { fields[item.name] = item.value ?? "" }
            // Pressed twice at once: one import, one "already imported".
            async let first = browser.post(batchPath, fields)
            async let second = browser.post(batchPath, fields)
            let answers = try await [first, second]
            #expect(Set(answers.map(\.status)) == [.ok, .conflict])
            let report = try #require(answers.first { $0.status == .ok })
            #expect(report.text.contains("已导入 2 位工友"))
            let chen = try #require(try await app.workers(named: "陈五").first)
            #expect(chen.employer == "某某电子, 深圳" && chen.gender == .female && chen.birthYear == 1990)
            #expect(try await Worker.query(on: app.db).count() == 3)
            #expect(try await browser.get("/intake?phone=13800138001").text.contains("陈一"))
            #expect(try await browser.post(batchPath, fields).status == .conflict)
            #expect(try await ImportBatch.query(on: app.db).first()?.contentCipher.isEmpty == true)
            #expect(try await app.auditActions().contains("intake.worker.import"))
        }
    }

    @Test("An unreadable or empty file is refused with a message")
    func badFiles() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("ngoadmin")
            let binary = try await upload(browser, Data([0xFF, 0xFE, 0x00, 0x81, 0x30, 0xFF, 0xFF]))
            #expect(binary.status == .unprocessableEntity)
            #expect(binary.text.contains("无法识别文件编码"))
            let empty = try await upload(browser, Data("姓名\r\n".utf8))
            #expect(empty.text.contains("文件中没有数据行"))
        }
    }

    @Test("The export is UTF-8 with a BOM, neutralises formulas, leaves out ID numbers and is audited")
    func export() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("supervisor")
            try await browser.recordContact(phone: "13800138000", newWorker: "=HYPERLINK(\"http://x\")",
                                            extra: ["id_number": "110101199003074258", "employer": "+某公司"])
            let response = try await browser.get("/workers/export.csv")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let bytes = Array(Data(buffer: response.body))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let rows = CSV.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self))
            #expect(rows[0].first == "姓名")
            #expect(rows[1][0] == "'=HYPERLINK(\"http://x\")")
            #expect(rows[1][1] == "13800138000")
            #expect(rows[1][7] == "'+某公司")
            #expect(!response.text.contains("110101199003074258"))
            #expect(try await app.auditActions().last == "intake.worker.export")

            let volunteer = browser.fresh()
            try await volunteer.login("volunteer")
            #expect(try await volunteer.get("/workers/export.csv").status == .forbidden)
        }
    }
}
