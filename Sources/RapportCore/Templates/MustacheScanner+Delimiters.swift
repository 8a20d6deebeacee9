extension MustacheScanner {
    /// The pair of strings that open and close tags, `{{` and `}}` unless a
    /// set-delimiter tag (`{{=<% %>=}}`) changed them for the rest of the template.
    struct Delimiters: Equatable {
        var open: [UInt8]
        var close: [UInt8]

        static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))

        var isStandard: Bool { self == .standard }

        /// `<% %>`, as written in the tag that sets them.
        var description: String {
            String(decoding: open, as: UTF8.self) + " " + String(decoding: close, as: UTF8.self)
        }

        /// Delimiters are ASCII without spaces or `=` (the Mustache spec's
        /// rule); ASCII keeps them on the byte-level cursor's fast paths.
        static func isDelimiterByte(_ byte: UInt8) -> Bool {
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "=")
        }
    }
}
