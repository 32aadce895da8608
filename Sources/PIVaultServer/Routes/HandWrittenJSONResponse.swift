import Hummingbird
import NIOCore

/// A response body written by hand with ``JSONWriter`` rather than through
/// Foundation's `JSONEncoder`, for the endpoints every client calls most; a
/// test holds each to the document the general encoder would write.
protocol HandWrittenJSONResponse: ResponseGenerator, Sendable {
    /// The JSON document.
    func jsonBytes() -> [UInt8]
}

extension HandWrittenJSONResponse {
    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ByteBuffer(bytes: jsonBytes())
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes)],
                        body: ResponseBody(byteBuffer: body))
    }
}
