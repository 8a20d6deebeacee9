import Foundation
import RapportMarkdown
import Yams

/// Reads `Content/notes/*.md` and matches each file to a customer by id
/// (or by the customer's folder name, for ids that are not file-safe).
struct NotesLoader {
    let siteDirectory: URL
    let limits: MarkdownLimits
    /// Files parsed at once (`--jobs`).
    var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Up to this many files the parsed notes are kept for rendering;
    /// beyond it, pages read them again (`NotesIndex`).
    var keptParsedLimit = NotesIndex.keptParsedLimit

    /// Notes for `customers`, every file checked (kept, or read again by the pages),
    /// and warnings (notes for nobody). Notes of records outside `customers`
    /// (left out by --only, named in `allIDs`) are neither read nor reported.
    func load(customers: [CustomerProfile], allIDs: Set<String>? = nil) throws(DiagnosticList) -> (NotesIndex, [Diagnostic]) {
        let folder = siteDirectory.appendingPathComponent("Content/notes")
        let empty = NotesIndex(siteDirectory: siteDirectory, limits: limits)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return (empty, []) }
        var byKey: [String: String] = [:]
        for profile in customers {
            byKey[profile.id] = profile.id
            byKey[profile.slug] = byKey[profile.slug] ?? profile.id
        }
        var summaries: [String: NotesSummary] = [:]
        var problems: [Diagnostic] = []
        let leftOut = (allIDs ?? []).subtracting(customers.map(\.id))
        let files = names.sorted().filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && !leftOut.contains(String($0.dropLast(3))) }
        let idsByKey = byKey
        let keepsParsed = files.count <= keptParsedLimit
        // Parsed in parallel: a large book has a notes file per customer.
        let results = ParallelMap.map(files, workers: workers) { name -> (String?, NotesSummary?, KeptNotes?, [Diagnostic]) in
            let path = "Content/notes/\(name)"
            let key = String(name.dropLast(3))
            guard let id = idsByKey[key] else {
                return (nil, nil, nil, [.warning("notes for unknown customer \"\(key)\" (no customer has this id)", at: SourceLocation(path: path))])
            }
            do {
                let text = try TextFile.read(folder.appendingPathComponent(name), displayPath: path)
                let notes = try Self.parse(text, path: path, limits: limits)
                return (id, NotesSummary(notes), keepsParsed ? KeptNotes(notes) : nil, notes.warnings)
            } catch let error as Diagnostic {
                return (nil, nil, nil, [error])
            } catch let error as DiagnosticList {
                return (nil, nil, nil, error.diagnostics)
            } catch {
                return (nil, nil, nil, [.error("\(error)", at: SourceLocation(path: path))])
            }
        }
        var parsed: [String: CustomerNotes] = [:]
        for (id, summary, kept, found) in results {
            if let id, let summary { summaries[id] = summary }
            if let id, let kept { parsed[id] = kept.notes }
            problems += found
        }
        if problems.contains(where: { $0.severity == .error }) { throw DiagnosticList(problems) }
        return (NotesIndex(siteDirectory: siteDirectory, limits: limits, summaries: summaries, parsed: parsed), problems)
    }

    /// Parses one notes file.
    static func parse(_ text: String, path: String, limits: MarkdownLimits = .init()) throws(DiagnosticList) -> CustomerNotes {
        let (split, unclosedAt) = FrontMatterSplitter.split(text)
        if let unclosedAt {
            throw DiagnosticList([.error("front matter opened with --- is never closed", at: SourceLocation(path: path, line: unclosedAt, column: 1))])
        }
        var notes = CustomerNotes(path: path, sourceHash: InputHasher.digest(text))
        var problems: [Diagnostic] = []
        if let yaml = split.yaml, let root = try YAMLSource.compose(yaml, path: path, lineOffset: split.yamlLineOffset) {
            var map = YAMLMap(root, path: path, lineOffset: split.yamlLineOffset, what: "notes front matter")
            notes.goals = textList(map.node("goals"), key: "goals", map: map, problems: &problems)
            notes.wins = textList(map.node("wins"), key: "wins", map: map, problems: &problems)
            notes.issues = issues(map.node("issues"), map: map, problems: &problems)
            notes.commitments = commitments(map.node("commitments"), map: map, problems: &problems)
            if let node = map.node("last_contact"), let value = map.string("last_contact") {
                if let date = CalendarDate(iso: value) {
                    notes.lastContact = date
                } else {
                    problems.append(.error("last_contact \"\(value)\" is not a date written YYYY-MM-DD", at: map.location(of: node)))
                }
            }
            problems += map.diagnostics + map.unknownKeyWarnings(context: "notes key")
        }
        do {
            try MarkdownRenderer.checkLimits(split.body, limits: limits)
            notes.bodyMarkdown = split.body
        } catch {
            problems.append(.error(error.message, at: SourceLocation(path: path, line: error.line + split.bodyLineOffset, column: error.column)))
        }
        if problems.contains(where: { $0.severity == .error }) { throw DiagnosticList(problems) }
        notes.warnings = problems
        return notes
    }

    // MARK: - Private

    private static func textList(_ node: Node?, key: String, map: YAMLMap, problems: inout [Diagnostic]) -> [String] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            if let scalar = node.scalar, !scalar.string.isEmpty { return [scalar.string] }
            problems.append(.error("\(key) must be a list of text", at: map.location(of: node)))
            return []
        }
        return sequence.compactMap { item in
            if let text = item.scalar?.string { return text }
            problems.append(.error("each of \(key) must be text", at: map.location(of: item)))
            return nil
        }
    }

    private static func issues(_ node: Node?, map: YAMLMap, problems: inout [Diagnostic]) -> [CustomerNotes.Issue] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            problems.append(.error("issues must be a list", at: map.location(of: node)))
            return []
        }
        var result: [CustomerNotes.Issue] = []
        for item in sequence {
            if let text = item.scalar?.string {
                result.append(.init(text: text, isOpen: true))
            } else if item.mapping != nil {
                var entry = YAMLMap(item, path: map.path, lineOffset: map.lineOffset, what: "an issue")
                guard let text = entry.string("text") else {
                    problems.append(.error("an issue needs text:", at: map.location(of: item)))
                    continue
                }
                var isOpen = true
                if let statusNode = entry.node("status"), let status = entry.string("status") {
                    switch status.lowercased() {
                    case "open": isOpen = true
                    case "resolved", "closed", "fixed": isOpen = false
                    default:
                        problems.append(.error("issue status must be open or resolved, not \"\(status)\"", at: entry.location(of: statusNode)))
                    }
                }
                problems += entry.diagnostics + entry.unknownKeyWarnings(context: "issue key")
                result.append(.init(text: text, isOpen: isOpen))
            } else {
                problems.append(.error("each issue must be text or {text, status}", at: map.location(of: item)))
            }
        }
        return result
    }

    private static func commitments(_ node: Node?, map: YAMLMap, problems: inout [Diagnostic]) -> [CustomerNotes.Commitment] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            problems.append(.error("commitments must be a list of {text, status}", at: map.location(of: node)))
            return []
        }
        var result: [CustomerNotes.Commitment] = []
        for item in sequence {
            var entry = YAMLMap(item, path: map.path, lineOffset: map.lineOffset, what: "a commitment")
            guard item.mapping != nil, let text = entry.string("text") else {
                problems.append(.error("each commitment needs text: and status: (met, missed, changed or open)", at: map.location(of: item)))
                continue
            }
            var status = CustomerNotes.Commitment.Status.open
            if let statusNode = entry.node("status") {
                let value = entry.string("status") ?? ""
                if let parsed = CustomerNotes.Commitment.Status(rawValue: value.lowercased()) {
                    status = parsed
                } else {
                    problems.append(.error("commitment status must be met, missed, changed or open, not \"\(value)\"", at: entry.location(of: statusNode)))
                }
            }
            problems += entry.diagnostics + entry.unknownKeyWarnings(context: "commitment key")
            result.append(.init(text: text, status: status))
        }
        return result
    }
}

/// Parsed notes on their way out of the parallel parse, by reference: an
/// optional `CustomerNotes` in every result would take its whole size per
/// file even when nothing is kept (16 MB at 100,000 customers, at the
/// load-time memory high).
private final class KeptNotes: Sendable {
    let notes: CustomerNotes

    init(_ notes: CustomerNotes) {
        self.notes = notes
    }
}
