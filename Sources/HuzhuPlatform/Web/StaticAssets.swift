import Crypto
import Foundation
import Vapor

/// The one stylesheet, served from the bundle under a URL holding its content hash, so browsers cache it
/// for a year and still see a new version at once.
package struct StaticAssets: Sendable {
    package static let prefix = "/static/"
    package let stylesheetPath: String
    private let stylesheet: ByteBuffer

    package static let bundled: StaticAssets = {
        guard let url = Bundle.module.url(forResource: "huzhu", withExtension: "css", subdirectory: "Resources/static"),
              let data = try? Data(contentsOf: url) else {
            fatalError("huzhu.css is missing from the bundle.")
        }
        return StaticAssets(css: data)
    }()

    init(css: Data) {
        let digest = Data(SHA256.hash(data: css)).hexString.prefix(12)
        stylesheetPath = "\(Self.prefix)huzhu-\(digest).css"
        stylesheet = ByteBuffer(data: css)
    }

    package func register(on routes: any RoutesBuilder) {
        let body = stylesheet
        routes.on(.GET, stylesheetPath.pathComponents) { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
            return Response(status: .ok, headers: headers, body: .init(buffer: body))
        }
    }
}
