extension String {
    /// `value` in decimal with leading zeros to `width` characters, as
    /// printf's `%0Nd` writes it. By hand because `String(format:)` goes
    /// through Foundation's formatter: a date's `description` in every
    /// customer's values cost a fortieth of the outbox's CPU.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let padding = width - sign.count - digits.count
        return padding > 0 ? sign + String(repeating: "0", count: padding) + digits : sign + digits
    }
}
