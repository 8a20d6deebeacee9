import Foundation
import Yams

/// Reads `Content/newsletters/*.md` and `Content/partials/*.md`.
public struct ContentLoader: Sendable {
    public let siteDirectory: URL

    public init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory
    }

    /// Every newsletter, sorted by edition name.
    public func newsletters() throws(DiagnosticList) -> [ContentDocument] {
        try documents(in: "Content/newsletters", kind: .newsletter)
    }

    /// Every review, sorted by period name.
    public func reviews() throws(DiagnosticList) -> [ContentDocument] {
        try documents(in: "Content/reviews", kind: .review)
    }

    /// Every partial, sorted by name.
    public func partials() throws(DiagnosticList) -> [ContentDocument] {
        try documents(in: "Content/partials", kind: .partial)
    }

    /// Parses one content file's text (also used by tests).
    public static func parse(
        _ text: String,
        kind: ContentDocument.Kind,
        name: String,
        path: String
    ) throws(DiagnosticList) -> ContentDocument {
        let (split, unclosedAt) = FrontMatterSplitter.split(text)
        if let unclosedAt {
            throw DiagnosticList([
                .error("front matter opened with --- is never closed", at: SourceLocation(path: path, line: unclosedAt, column: 1))
            ])
        }
        var frontMatter = FrontMatter()
        if let yaml = split.yaml {
            frontMatter = try FrontMatterParser.parse(yaml, path: path, lineOffset: split.yamlLineOffset)
        }
        return ContentDocument(
            kind: kind, name: name, path: path, frontMatter: frontMatter,
            body: split.body, bodyLineOffset: split.bodyLineOffset, source: text)
    }

    // MARK: - Private

    private func documents(in folder: String, kind: ContentDocument.Kind) throws(DiagnosticList) -> [ContentDocument] {
        let directory = siteDirectory.appendingPathComponent(folder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            return []
        }
        var documents: [ContentDocument] = []
        var diagnostics: [Diagnostic] = []
        for fileName in names.sorted() where fileName.hasSuffix(".md") && !fileName.hasPrefix(".") {
            let path = "\(folder)/\(fileName)"
            do {
                let text = try TextFile.read(directory.appendingPathComponent(fileName), displayPath: path)
                let name = String(fileName.dropLast(3))
                documents.append(try Self.parse(text, kind: kind, name: name, path: path))
            } catch let error as Diagnostic {
                diagnostics.append(error)
            } catch let error as DiagnosticList {
                diagnostics += error.diagnostics
            } catch {
                diagnostics.append(.error("\(error)", at: SourceLocation(path: path)))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return documents
    }
}
