/// Splices preview-only markup into a served page, leaving the file on disk alone.
enum HTMLInjector {
    /// `page` with `snippet` before the last `</body>` (any case), or at
    /// the end when there is none. Works on bytes so a page that is not
    /// valid UTF-8 is passed through unchanged apart from the snippet.
    static func inject(_ snippet: String, into page: [UInt8]) -> [UInt8] {
        let marker = Array("</body".utf8)
        var index = page.count - marker.count
        while index >= 0 {
            if matches(marker, in: page, at: index) {
                return Array(page[..<index]) + Array(snippet.utf8) + Array(page[index...])
            }
            index -= 1
        }
        return page + Array(snippet.utf8)
    }

    private static func matches(_ marker: [UInt8], in page: [UInt8], at index: Int) -> Bool {
        for (offset, expected) in marker.enumerated() {
            var byte = page[index + offset]
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != expected { return false }
        }
        return true
    }
}
