import Foundation
import RapportMarkdown

/// What a build keeps of one customer's notes file between loading and
/// rendering: enough for input hashes, the last contact and the honesty
/// check, but not the text.
struct NotesSummary: Sendable, Hashable {
    /// The file's name in `Content/notes/`: short enough to be stored inline.
    var fileName: String
    /// `CustomerNotes.sourceHash`: the file must still have it when read again.
    var sourceHash: Digest
    var lastContact: CalendarDate?
    /// Whether the notes record anything that went wrong.
    var hasIssues: Bool

    /// The file, relative to the site.
    var path: String { NotesSummary.folder + fileName }

    static let folder = "Content/notes/"

    init(_ notes: CustomerNotes) {
        fileName = String(notes.path.dropFirst(Self.folder.count))
        sourceHash = notes.sourceHash
        lastContact = notes.lastContact
        hasIssues = !notes.issues.isEmpty
    }
}

/// Every customer's notes, checked when the site loads and read again by
/// the render worker that needs them.
///
/// Parsed notes were about 1.1 KiB a customer, held for the whole build
/// (110 MiB at 100,000 customers) though each is used by one worker for a
/// few milliseconds. Reading a file twice costs less than holding them all:
/// parsing notes is under 3% of a build's CPU time.
struct NotesIndex: Sendable {
    let siteDirectory: URL
    let limits: MarkdownLimits
    private var summaries: [String: NotesSummary]

    init(siteDirectory: URL, limits: MarkdownLimits, summaries: [String: NotesSummary] = [:]) {
        self.siteDirectory = siteDirectory
        self.limits = limits
        self.summaries = summaries
    }

    subscript(customerID: String) -> NotesSummary? {
        summaries[customerID]
    }

    var isEmpty: Bool { summaries.isEmpty }

    /// Forgets every summary once no page will need them.
    mutating func removeAll() {
        summaries = [:]
    }

    /// The customer's notes, parsed again from the file checked at load.
    ///
    /// - Throws: when the file changed or went away since: the pages would
    ///   not match the input hashes (or the checks) of this build.
    func notes(for customerID: String) throws(Diagnostic) -> CustomerNotes? {
        guard let summary = summaries[customerID] else { return nil }
        let changed = Diagnostic.error(
            "notes changed while the site was building; build again", at: SourceLocation(path: summary.path), customer: customerID)
        let notes: CustomerNotes
        do {
            let text = try TextFile.read(siteDirectory.appendingPathComponent(summary.path), displayPath: summary.path)
            notes = try NotesLoader.parse(text, path: summary.path, limits: limits)
        } catch {
            throw changed
        }
        guard notes.sourceHash == summary.sourceHash else { throw changed }
        return notes
    }
}
