/// Turns column headers and top-level keys into the snake_case names templates use.
///
/// Letters and digits from any script are kept (lower-cased), so `Prénom`
/// becomes `prénom` and `Straße` stays `straße`: rewriting them to ASCII would
/// make different headers collide and surprise non-English users. Everything
/// else becomes `_`, runs of `_` collapse and leading/trailing `_` go:
/// `Record ID` -> `record_id`, `MRR (EUR)` -> `mrr_eur`. A header with no
/// letters or digits normalises to the empty string, which loaders report.
public enum HeaderName {
    /// The normalised form of `raw`.
    public static func normalise(_ raw: String) -> String {
        var result = ""
        var pendingUnderscore = false
        for character in raw.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingUnderscore && !result.isEmpty { result.append("_") }
                pendingUnderscore = false
                result.append(character)
            } else {
                pendingUnderscore = true
            }
        }
        return result
    }
}
