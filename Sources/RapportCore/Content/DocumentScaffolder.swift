import Foundation

/// Writes a ready-to-edit newsletter or review for `rapport new`, starting
/// from the site's most recent one of the same kind (so its structure and
/// voice carry over) or from the sample site when there is none.
public struct DocumentScaffolder: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case newsletter
        case review
    }

    public let siteDirectory: URL

    public init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory
    }

    /// Creates the file and returns its path relative to the site and the
    /// file it was based on.
    public func create(_ kind: Kind, named name: String) throws(Diagnostic) -> (path: String, basedOn: String) {
        let folder = kind == .newsletter ? "Content/newsletters" : "Content/reviews"
        let path = "\(folder)/\(name).md"
        let date: CalendarDate
        switch kind {
        case .newsletter:
            guard let month = YearMonth(iso: name) else {
                throw .error("a newsletter is named after its month, like 2026-12 (got \"\(name)\")", at: nil)
            }
            date = month.firstDay
        case .review:
            guard let period = ReviewPeriod(quarter: name) else {
                throw .error("a review is named after its quarter, like 2027-Q1 (got \"\(name)\")", at: nil)
            }
            date = period.end.lastDay
        }
        let url = siteDirectory.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) {
            throw .error("\(path) already exists; edit it or choose another name", at: SourceLocation(path: path))
        }
        let (template, basedOn) = try previous(kind, in: folder)
        let text = Self.retarget(template, to: date)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw .error("cannot write \(path): \(error.localizedDescription)", at: SourceLocation(path: path))
        }
        return (path, basedOn)
    }

    // MARK: - Private

    /// The newest document of this kind in the site, else the sample's.
    private func previous(_ kind: Kind, in folder: String) throws(Diagnostic) -> (String, String) {
        let directory = siteDirectory.appendingPathComponent(folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .sorted()
        if let newest = names.last {
            let text = try TextFile.read(directory.appendingPathComponent(newest), displayPath: "\(folder)/\(newest)")
            return (text, "\(folder)/\(newest)")
        }
        if let samplePath = SampleSite.paths.last(where: { $0.hasPrefix(folder + "/") }),
            let data = SampleSite.contents(of: samplePath)
        {
            return (String(decoding: data, as: UTF8.self), "the sample \(samplePath)")
        }
        throw .error("no \(kind.rawValue) to start from", at: nil)
    }

    /// Sets the front matter `date:` (adding one if missing).
    static func retarget(_ text: String, to date: CalendarDate) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            return "---\ndate: \(date)\n---\n" + text
        }
        var closing = close
        // The new file's name gives its period; an old `period:` block would
        // make it cover the previous months again.
        if let start = lines[1..<closing].firstIndex(where: { $0.hasPrefix("period:") }) {
            var end = start + 1
            while end < closing, lines[end].hasPrefix(" ") || lines[end].hasPrefix("\t") { end += 1 }
            lines.removeSubrange(start..<end)
            closing -= end - start
        }
        if let index = lines[1..<closing].firstIndex(where: { $0.hasPrefix("date:") }) {
            lines[index] = "date: \(date)"
        } else {
            lines.insert("date: \(date)", at: closing)
        }
        return lines.joined(separator: "\n")
    }
}
