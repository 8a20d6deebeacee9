import Hummingbird

extension Response {
    /// A plain-text response.
    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// An HTML response.
    static func html(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: MediaType.forFile(named: "index.html")],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
