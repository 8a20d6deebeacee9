/// An account manager's notes on one customer, from
/// `Content/notes/<customer id>.md`: what they want, what went well, what
/// went wrong, and what we promised.
public struct CustomerNotes: Sendable, Hashable {
    /// A promise from last quarter and what became of it.
    public struct Commitment: Sendable, Hashable {
        public enum Status: String, Sendable, Hashable, CaseIterable {
            case met, missed, changed, open

            var label: String {
                switch self {
                case .met: return "Met"
                case .missed: return "Missed"
                case .changed: return "Changed"
                case .open: return "Open"
                }
            }
        }

        public var text: String
        public var status: Status
    }

    /// Something that went wrong, and whether it is still open.
    public struct Issue: Sendable, Hashable {
        public var text: String
        public var isOpen: Bool
    }

    public var path: String
    /// A hash of the file's text, for input hashes and to know the file
    /// again. The text itself is not kept: at 1.5 KB a customer it was a
    /// sixth of a large build's memory.
    var sourceHash: Digest
    /// Warnings found while reading it (unknown keys: usually typos).
    public var warnings: [Diagnostic] = []
    public var goals: [String] = []
    public var wins: [String] = []
    public var issues: [Issue] = []
    public var commitments: [Commitment] = []
    public var lastContact: CalendarDate?
    /// The Markdown body, rendered (safe mode) only when a page needs it,
    /// on the render workers.
    public var bodyMarkdown: String = ""

    init(path: String, sourceHash: Digest) {
        self.path = path
        self.sourceHash = sourceHash
    }
}
