/// The file formats customer records can be written in.
public enum RecordFormat: String, Sendable, CaseIterable {
    case csv
    case json
    case yaml

    /// The format for a file extension (`csv`, `tsv`, `json`, `yaml`, `yml`; any case), or `nil`.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "csv", "tsv": self = .csv
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        default: return nil
        }
    }
}
