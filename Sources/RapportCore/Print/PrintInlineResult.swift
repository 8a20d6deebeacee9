/// A self-contained print page and the references removed to make it so.
struct PrintInlineResult: Hashable, Sendable {
    /// The page with every stylesheet, image and font inlined.
    var html: String
    /// Each removed reference once, in page order; the build reports them as warnings.
    var problems: [PrintProblem]
}
