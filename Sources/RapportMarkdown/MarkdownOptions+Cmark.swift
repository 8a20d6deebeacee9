import CCmarkGFM

extension MarkdownOptions {
    /// The `CMARK_OPT_*` bits for both parsing and rendering.
    var cmarkOptions: Int32 {
        var bits = CMARK_OPT_VALIDATE_UTF8
        if allowUnsafeHTML { bits |= CMARK_OPT_UNSAFE }
        if smartPunctuation { bits |= CMARK_OPT_SMART }
        if footnotes { bits |= CMARK_OPT_FOOTNOTES }
        if hardBreaks { bits |= CMARK_OPT_HARDBREAKS }
        return Int32(bits)
    }
}
