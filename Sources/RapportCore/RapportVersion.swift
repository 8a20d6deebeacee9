/// rapport's own version, printed by `rapport --version` and in page footers.
public enum RapportVersion {
    public static let current = "0.1.0"
}
