import HuzhuCore
import Vapor

extension Response {
    /// A spreadsheet download: `lines` (each from `CSV.line`) in UTF-8 with a byte-order mark, so that
    /// Excel shows Chinese.
    package static func csv(_ lines: [String], filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: CSV.byteOrderMark + lines.joined()))
    }
}
