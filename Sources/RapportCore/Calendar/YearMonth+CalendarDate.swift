extension YearMonth {
    /// The month's first day.
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1) }

    /// The month's last day (a review dated at the end of its period).
    public var lastDay: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
    }
}
