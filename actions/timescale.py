"""Reads start, due and review dates out of a timescale as the plan writes it.

The text itself is always kept; the dates are only what it states. A date that does
not exist ("31 June 2011") or has no year to be had is left out, never guessed, and
the reason is returned so the data-quality report can show it.

    "31 March 2011 - 31 March 2012"          start 2011-03-31, due 2012-03-31
    "1 March - 30 April 2011"                start 2011-03-01 (year from the end), due 2011-04-30
    "From 1 April 2011 – 1 March 2012 (review)"  start 2011-04-01, due and review 2012-03-01
    "Commencing Sept 2010 – review Dec 2010"     start 2010-09-01, review 2010-12-31
    "Start June 2011 - as per audit schedule"    start 2011-06-01 (a month starts on its 1st)
    "December 2011"                          due 2011-12-31 (a month is due at its end)

A date read from a month alone is marked so (`by_month`), and shown as that month.
    "1 February 2011, Review weekly"         start 2011-02-01 (a date with a remark starts it)
    "Completed by December 2010 ... by end October 2010"  due 2010-12-31 (deadlines, no start)
    "Completed", "Review monthly"            no dates
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH})\b\.?(?:\s*(?P<year>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_STARTS = re.compile(r"\b(from|start(?:ing|s)?|commencing|beginning)\s*$", re.IGNORECASE)
_REVIEW_BEFORE = re.compile(r"\breview(?:ed)?\s*(?:by|on|in)?\s*$", re.IGNORECASE)
_REVIEW_AFTER = re.compile(r"^\s*\(?\s*review", re.IGNORECASE)
# "1 February 2011, Review weekly", "1 March 2011 (monthly review)", "1 June 2011 (rolling
# programme)": a single date with a remark on how the work goes on is when it starts.
_ONGOING_AFTER = re.compile(
    r"^\s*[,(]?\s*\(?\s*(?:review\s+(?:weekly|monthly|quarterly|annually|at\b)"
    r"|(?:weekly|monthly|quarterly|annual)\s+review|rolling|ongoing)",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(r"\bby(?:\s+(?:the\s+)?end(?:\s+of)?)?\s*$", re.IGNORECASE)


@dataclass
class _Token:
    day: int | None
    month: int
    year: int | None
    role: str  # start | due | review | due_review
    text: str


@dataclass
class TimescaleDates:
    start: date | None = None
    due: date | None = None
    review: date | None = None
    problems: list[str] = field(default_factory=list)
    by_month: set[str] = field(default_factory=set)  # of start, due, review

    def precision(self, role: str) -> str:
        """'month' where the source gives this date as a month alone, else 'day'."""
        return "month" if role in self.by_month else "day"


def parse_timescale(text: str) -> TimescaleDates:
    """Dates stated by a timescale; see the module docstring for what is read."""
    result = TimescaleDates()
    for segment in text.split(";"):
        _merge(result, _parse_segment(segment))
    return result


def _merge(result: TimescaleDates, part: TimescaleDates) -> None:
    taken = []
    if part.start and (result.start is None or part.start < result.start):
        result.start = part.start
        taken.append("start")
    if part.due and (result.due is None or part.due > result.due):
        result.due = part.due
        taken.append("due")
    if part.review and result.review is None:
        result.review = part.review
        taken.append("review")
    for role in taken:
        result.by_month.discard(role)
        if role in part.by_month:
            result.by_month.add(role)
    result.problems.extend(part.problems)


def _parse_segment(segment: str) -> TimescaleDates:
    tokens = _tokens(segment)
    _borrow_years(tokens)
    result = TimescaleDates()
    for token in tokens:
        value = _to_date(token, result.problems)
        for role in token.role.split("_"):
            if value is not None and getattr(result, role) is None:
                setattr(result, role, value)
                if token.day is None:
                    result.by_month.add(role)
    if result.start and result.due and result.start > result.due:
        result.problems.append(f"'{segment.strip()}' starts after it ends")
    return result


def _tokens(segment: str) -> list[_Token]:
    # "may" alone is the verb, not the month: a bare month must be spelt out.
    matches = list(_DATE.finditer(segment))
    tokens = []
    matches = [m for m in matches if m["day"] or m["year"] or len(m["month"]) > 3]
    for index, match in enumerate(matches):
        before = segment[matches[index - 1].end() if index else 0 : match.start()]
        after_end = matches[index + 1].start() if index + 1 < len(matches) else len(segment)
        after = segment[match.end() : after_end]
        role = _role(index, len(matches), before, after)
        tokens.append(
            _Token(
                day=int(match["day"]) if match["day"] else None,
                month=MONTHS[match["month"][:3].lower()],
                year=int(match["year"]) if match["year"] else None,
                role=role,
                text=match.group(0),
            )
        )
    return tokens


def _role(index: int, count: int, before: str, after: str) -> str:
    if _REVIEW_BEFORE.search(before):
        return "review"
    if _BY_BEFORE.search(before):
        return "due"  # "to be completed by December 2010": a deadline, never a start
    if count == 1 and _ONGOING_AFTER.search(after):
        return "start"  # "1 March 2011 (Review at weekly and monthly intervals)"
    if _REVIEW_AFTER.search(after):
        # "1 April 2011 – 1 March 2012 (review)": the period ends, and is reviewed, then.
        return "due_review" if index > 0 else "review"
    if index == 0 and (count > 1 or _STARTS.search(before)):
        return "start"
    return "due"


def _borrow_years(tokens: list[_Token]) -> None:
    """'1 March - 30 April 2011': the first date takes the year of the next one."""
    for index, token in enumerate(tokens):
        if token.year is not None:
            continue
        later = next((t for t in tokens[index + 1 :] if t.year is not None), None)
        if later is None:
            continue
        if (token.month, token.day or 1) <= (later.month, later.day or 31):
            token.year = later.year


def _to_date(token: _Token, problems: list[str]) -> date | None:
    if token.year is None:
        problems.append(f"'{token.text}' has no year")
        return None
    if token.day is None:
        day = 1 if token.role == "start" else calendar.monthrange(token.year, token.month)[1]
        return date(token.year, token.month, day)
    try:
        return date(token.year, token.month, token.day)
    except ValueError:
        problems.append(f"'{token.text}' is not a real date")
        return None
