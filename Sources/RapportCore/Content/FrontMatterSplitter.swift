/// Separates a `---` YAML block from the body of a content file.
enum FrontMatterSplitter {
    struct Split {
        /// YAML text between the fences, or nil when the file has none.
        var yaml: String?
        /// Lines before the YAML text (the opening fence).
        var yamlLineOffset: Int
        var body: String
        var bodyLineOffset: Int
    }

    /// Splits `text`; `unclosed` is the line of an opening fence never closed.
    static func split(_ text: String) -> (Split, unclosedAt: Int?) {
        // "\r\n" is one Character in Swift, so splitting on "\n" alone would
        // miss every line of a file saved with Windows line endings.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let first = lines.first, first.trimmingTrailingCR() == "---" else {
            return (Split(yaml: nil, yamlLineOffset: 0, body: text, bodyLineOffset: 0), nil)
        }
        for index in 1..<lines.count {
            let line = lines[index].trimmingTrailingCR()
            if line == "---" || line == "..." {
                let yaml = lines[1..<index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return (Split(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: index + 1), nil)
            }
        }
        return (Split(yaml: nil, yamlLineOffset: 0, body: text, bodyLineOffset: 0), 1)
    }
}

extension Substring {
    fileprivate func trimmingTrailingCR() -> Substring {
        last == "\r" ? dropLast() : self
    }
}
