/// The field separator of a CSV file, or `.auto` to detect it from the header line.
public enum CSVDelimiter: Sendable, Hashable {
    case auto
    case comma
    case semicolon
    case tab

    /// Parses a `rapport.yml` value: `auto`, `,`, `;`, a tab character, `tab`, `comma` or `semicolon`.
    public init?(configValue: String) {
        switch configValue {
        case "auto": self = .auto
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "tab": self = .tab
        default: return nil
        }
    }

    /// The delimiter byte, or `nil` for `.auto`.
    var byte: UInt8? {
        switch self {
        case .auto: nil
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }
}
