import Foundation
import Vapor

/// The OpenAPI 3.1 document of `/api/v1`, served at `/api/v1/openapi.json`. Each feature ships the part
/// that describes its own endpoints (`Resources/openapi.json`: `paths` and `components.schemas`); the
/// document is those parts merged into one, once, at start-up.
package enum OpenAPIDocument {
    package static let path = "/api/v1/openapi.json"

    package static func compose(_ fragments: [Data]) throws -> Data {
        var paths: [String: Any] = [:]
        var schemas: [String: Any] = [
            "Error": [
                "type": "object", "required": ["error"],
                "properties": ["error": [
                    "type": "object", "required": ["code", "message"],
                    "properties": [
                        "code": ["type": "string"], "message": ["type": "string"],
                        "fields": ["type": "array", "items": [
                            "type": "object", "required": ["field", "code", "message"],
                            "properties": ["field": ["type": "string"], "code": ["type": "string"], "message": ["type": "string"]],
                        ]],
                    ],
                ]],
            ],
        ]
        for fragment in fragments {
            guard let part = try JSONSerialization.jsonObject(with: fragment) as? [String: Any] else { continue }
            for (path, item) in part["paths"] as? [String: Any] ?? [:] {
                paths[path] = withCommonResponses(item as? [String: Any] ?? [:])
            }
            let components = part["components"] as? [String: Any] ?? [:]
            for (name, schema) in components["schemas"] as? [String: Any] ?? [:] { schemas[name] = schema }
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Huzhu API", "version": "1",
                "description": "The JSON API of Huzhu. Authenticate with a personal API token: `Authorization: Bearer hz_…`. Errors are `{ \"error\": { \"code\", \"message\" } }` in the caller's language (Accept-Language).",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": [String]()]],
            "paths": paths,
            "components": [
                "schemas": schemas,
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    }

    /// The answers every operation can give whatever it does, added where a feature's part does not
    /// describe them itself: an unreadable request (400), too many requests (429), and for an operation
    /// that takes a body, one too large (413) or not in a format it reads (415).
    static func withCommonResponses(_ item: [String: Any]) -> [String: Any] {
        var item = item
        for method in ["get", "post", "put", "patch", "delete"] {
            guard var operation = item[method] as? [String: Any] else { continue }
            var responses = operation["responses"] as? [String: Any] ?? [:]
            var common = [
                "400": "The request could not be read (a malformed query, body or header).",
                "429": "Too many requests: wait the number of seconds in `Retry-After`.",
            ]
            if operation["requestBody"] != nil {
                common["413"] = "The body is larger than this operation accepts."
                common["415"] = "The body is not in a format this operation reads."
            }
            for (status, description) in common where responses[status] == nil {
                var response: [String: Any] = [
                    "description": description,
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                ]
                if status == "429" {
                    response["headers"] = ["Retry-After": ["description": "Seconds to wait.", "schema": ["type": "integer"]]]
                }
                responses[status] = response
            }
            operation["responses"] = responses
            item[method] = operation
        }
        return item
    }
}

extension Application {
    private struct FragmentsKey: StorageKey { typealias Value = [Data] }

    /// The features' parts of the OpenAPI document.
    package var openAPIFragments: [Data] {
        get { storage[FragmentsKey.self] ?? [] }
        set { storage[FragmentsKey.self] = newValue }
    }

    /// Serves the document merged from every feature's part.
    package func serveOpenAPIDocument() throws {
        let document = ByteBuffer(data: try OpenAPIDocument.compose(openAPIFragments))
        on(.GET, OpenAPIDocument.path.pathComponents) { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
            return Response(status: .ok, headers: headers, body: .init(buffer: document))
        }
    }
}
