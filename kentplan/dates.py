"""Dates shown as the sources give them: a day ("19 November 2010"), or a month alone
("November 2014") where the source names only the month."""

from datetime import date

MONTH = "month"


def date_shown(day: date | None, precision: str = "day", *, short: bool = False) -> str:
    """'1 Feb 2011' / '1 February 2011', or 'Feb 2011' / 'February 2011' for a month."""
    if day is None:
        return ""
    month = f"{day:%b}" if short else f"{day:%B}"
    if precision == MONTH:
        return f"{month} {day.year}"
    return f"{day.day} {month} {day.year}"
