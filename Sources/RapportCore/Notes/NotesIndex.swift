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
/// Parsed notes are about 1.1 KiB a customer: 110 MiB at 100,000
/// customers, held for the whole build though each is used by one worker
/// for a few milliseconds. So a large book's notes are read and parsed
/// again when their customer renders, and a smaller one's (up to
/// ``keptParsedLimit`` files, at most about 22 MiB) are kept from loading:
/// parsing them a second time was 6% of a full build's CPU at 10,000
/// customers. The pages are the same bytes either way.
struct NotesIndex: Sendable {
    /// Up to this many notes files stay parsed in memory between loading and rendering.
    static let keptParsedLimit = 20_000

    let siteDirectory: URL
    let limits: MarkdownLimits
    private var summaries: [String: NotesSummary]
    /// The parsed notes by customer id, when the book is small enough to keep them.
    private var parsed: [String: CustomerNotes]

    init(
        siteDirectory: URL, limits: MarkdownLimits, summaries: [String: NotesSummary] = [:], parsed: [String: CustomerNotes] = [:]
    ) {
        self.siteDirectory = siteDirectory
        self.limits = limits
        self.summaries = summaries
        self.parsed = parsed
    }

    subscript(customerID: String) -> NotesSummary? {
        summaries[customerID]
    }

    var isEmpty: Bool { summaries.isEmpty }

    /// Forgets every summary once no page will need them.
    mutating func removeAll() {
        summaries = [:]
        parsed = [:]
    }

    /// The customer's notes: kept from loading, or parsed again from the
    /// file checked then.
    ///
    /// - Throws: when the file changed or went away since: the pages would
    ///   not match the input hashes (or the checks) of this build.
    func notes(for customerID: String) throws(Diagnostic) -> CustomerNotes? {
        guard let summary = summaries[customerID] else { return nil }
        if let kept = parsed[customerID] { return kept }
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
