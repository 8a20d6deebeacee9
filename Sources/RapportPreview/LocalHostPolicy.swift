/// Which `Host` headers the preview answers. A page on another site can
/// point its own domain at 127.0.0.1 (DNS rebinding) and read the preview
/// through the browser; its requests still carry that domain as Host, so
/// only loopback names (and the address the user chose to bind) pass.
public struct LocalHostPolicy: Sendable {
    /// Host names accepted, lowercased, IPv6 in brackets.
    public let allowedNames: Set<String>

    /// Loopback names plus `boundHost` when it is a real address or name.
    public init(boundHost: String = "127.0.0.1") {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let host = boundHost.lowercased()
        if !["", "0.0.0.0", "::", "[::]"].contains(host) {
            names.insert(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
        }
        allowedNames = names
    }

    /// True when `authority` (`name` or `name:port`) names an allowed host.
    public func allows(_ authority: String) -> Bool {
        guard let name = Self.hostName(in: authority) else { return false }
        return allowedNames.contains(name.lowercased())
    }

    /// The host part of `name[:port]` or `[v6][:port]`; nil when malformed
    /// (user info, a non-numeric port, anything after the port).
    static func hostName(in authority: String) -> String? {
        let name: Substring
        let rest: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            name = authority[...close]
            rest = authority[authority.index(after: close)...]
        } else if let colon = authority.firstIndex(of: ":") {
            name = authority[..<colon]
            rest = authority[colon...]
        } else {
            name = authority[...]
            rest = ""
        }
        if !rest.isEmpty {
            let port = rest.dropFirst()
            guard rest.first == ":", !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber) else {
                return nil
            }
        }
        return name.isEmpty ? nil : String(name)
    }
}
