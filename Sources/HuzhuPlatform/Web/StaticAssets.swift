import Crypto
import Foundation
import Vapor

/// The stylesheet and the few scripts, served from the bundle under URLs holding their content hash,
/// so browsers cache them for a year and still see a new version at once.
package struct StaticAssets: Sendable {
    package static let prefix = "/static/"

    private struct Asset: Sendable {
        let path: String
        let body: ByteBuffer
        let type: HTTPMediaType
    }

    private let assets: [String: Asset]

    /// Every file of `Resources/static`.
    package static let bundled: StaticAssets = {
        var assets: [String: Asset] = [:]
        for name in ["huzhu.css", "screenpop.js"] {
            let parts = name.split(separator: ".")
            guard let url = Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]),
                                              subdirectory: "Resources/static"),
                  let data = try? Data(contentsOf: url) else {
                fatalError("\(name) is missing from the bundle.")
            }
            let digest = Data(SHA256.hash(data: data)).hexString.prefix(12)
            let type = parts[1] == "css" ? HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
                : HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            assets[name] = Asset(path: "\(prefix)\(parts[0])-\(digest).\(parts[1])", body: ByteBuffer(data: data), type: type)
        }
        return StaticAssets(assets: assets)
    }()

    /// The URL of a bundled file, e.g. `path(of: "huzhu.css")`.
    package func path(of name: String) -> String {
        guard let asset = assets[name] else { fatalError("No static asset named \(name).") }
        return asset.path
    }

    package var stylesheetPath: String { path(of: "huzhu.css") }

    package func register(on routes: any RoutesBuilder) {
        for asset in assets.values {
            routes.on(.GET, asset.path.pathComponents) { _ -> Response in
                var headers = HTTPHeaders()
                headers.contentType = asset.type
                headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
                return Response(status: .ok, headers: headers, body: .init(buffer: asset.body))
            }
        }
    }
}
