"""Writes to inspections, notices and indicators: checked first, all or nothing."""

import calendar
import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from kentplan import clock
from kentplan.bulk import Row, keyed, m2m_sync, sync, write_one
from kentplan.datafile import DataFileError, LineDict, Problem, parse
from targets.models import (
    DatePrecision,
    ImprovementNotice,
    Indicator,
    Inspection,
    Judgement,
    Measurement,
    NoticeTarget,
    Recommendation,
    TrajectoryPoint,
)
from targets.referencefile import REFERENCE_FILE
from targets.trajectory import long_date

M = TypeVar("M", bound=models.Model)


def upsert(model: type[M], lookup: dict, values: dict) -> M:
    """Create or update one row, saving only when something actually changed."""
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
    elif all(getattr(instance, key) == value for key, value in values.items()):
        return instance
    else:
        for key, value in values.items():
            setattr(instance, key, value)
    instance.full_clean()
    instance.save()
    return instance


def notice_write(*, record: LineDict) -> ImprovementNotice:
    """Create or update a notice and its targets from a file record."""
    where = f"notice {record['slug']}"
    notice = write_one(
        ImprovementNotice,
        {"slug": record["slug"]},
        {
            "title": record["title"],
            "issued_by": record.get("issued_by", ""),
            "issued": record.get("issued"),
            "issued_precision": record.get("issued_precision", DatePrecision.DAY),
            "issued_text": record.get("issued_text", ""),
        },
        line=record.line,
        where=where,
    )
    wanted = {
        t["number"]: Row(
            {
                "notice": notice,
                "number": t["number"],
                "title": t["title"],
                "title_by_kentplan": t.get("title_by_kentplan", False),
                "text": t["text"],
            },
            t.line,
            f"{where}, target {t['number']}",
        )
        for t in record.get("targets") or []
    }
    sync(NoticeTarget, keyed(notice.targets.all(), lambda t: t.number), wanted)
    return notice


def inspection_write(*, record: LineDict) -> Inspection:
    """Create or update an inspection, its judgements and recommendations."""
    where = f"inspection {record['slug']}"
    inspection = write_one(
        Inspection,
        {"slug": record["slug"]},
        {
            "title": record["title"],
            "inspectorate": record.get("inspectorate", "Ofsted"),
            "kind": record.get("kind", ""),  # never assumed: blank unless the source says
            "started": record.get("started"),
            "started_precision": record.get("started_precision", DatePrecision.DAY),
            "ended": record.get("ended"),
            "published": record.get("published"),
            "published_precision": record.get("published_precision", DatePrecision.DAY),
            "source": record.get("source", ""),
        },
        line=record.line,
        where=where,
    )
    judgements = {
        j["aspect"]: Row(
            {"inspection": inspection, "aspect": j["aspect"], "grade": j["grade"], "order": n},
            j.line,
            f"{where}, judgement {n}",
        )
        for n, j in enumerate(record.get("judgements") or [], start=1)
    }
    sync(Judgement, keyed(inspection.judgements.all(), lambda j: j.aspect), judgements)
    recommendations = {
        r["number"]: Row(
            {
                "inspection": inspection,
                "number": r["number"],
                "area": r.get("area", ""),
                "printed_number": r.get("printed_number"),
                "timeframe": r.get("timeframe", ""),
                "text": r["text"],
                "due_date": recommendation_due_date(inspection, r.get("timeframe", "")),
            },
            r.line,
            f"{where}, recommendation {r['number']}",
        )
        for r in record.get("recommendations") or []
    }
    existing = keyed(inspection.recommendations.all(), lambda r: r.number)
    sync(Recommendation, existing, recommendations)
    return inspection


def recommendation_due_date(inspection: Inspection, timeframe: str) -> date | None:
    """'Within three months' of the report's publication (or the inspection's end)."""
    months = Recommendation.MONTHS.get(timeframe)
    start = inspection.published or inspection.ended
    if months is None or start is None:
        return None
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def reference_import_text(*, text: str) -> None:
    """Import a reference file (inspections, indicators); raises DataFileError."""
    data = parse(text)
    problems = REFERENCE_FILE.check(data) or _check_indicator_targets(data)
    if problems:
        raise DataFileError(problems)
    try:
        with transaction.atomic():
            for record in data.get("inspections") or []:
                inspection_write(record=record)
            indicators_write(records=data.get("indicators") or [])
    except (ValidationError, IntegrityError) as error:
        raise DataFileError([Problem(0, "file", f"the database refused it: {error}")]) from error


def _check_indicator_targets(data: LineDict) -> list[Problem]:
    problems = []
    for record in data.get("indicators") or []:
        notice = record.get("notice", DEFAULT_NOTICE)
        for number in record.get("notice_targets") or []:
            if not NoticeTarget.objects.filter(notice__slug=notice, number=number).exists():
                where = f"indicator {record['slug']}"
                message = f"IN {number} of '{notice}' is not loaded; import the plan that has it"
                problems.append(Problem(record.line, where, message))
        for point in record.get("trajectory") or []:
            if point.get("date") is None or point.get("value") is None:
                where = f"indicator {record['slug']}"
                message = "every trajectory milestone needs a date and a value"
                problems.append(Problem(record.line, where, message))
            if point.get("date_precision", "day") != "day":
                where = f"indicator {record['slug']}"
                message = "a trajectory milestone is an exact day: leave out its date_precision"
                problems.append(Problem(record.line, where, message))
    return problems


DEFAULT_NOTICE = "improvement-notice-2011"


def indicators_write(*, records: list) -> dict[str, Indicator]:
    """Create or update indicators, their Improvement Notice targets and the readings and
    trajectory points the file gives for them, all in a few queries."""
    existing = Indicator.objects.filter(slug__in=[r["slug"] for r in records])
    wanted = {
        r["slug"]: Row(_indicator_values(r), r.line, f"indicator {r['slug']}") for r in records
    }
    synced = sync(Indicator, keyed(existing, lambda i: i.slug), wanted, history=False)
    indicators = synced.objects
    notices = {r.get("notice", DEFAULT_NOTICE) for r in records}
    targets = keyed(
        NoticeTarget.objects.filter(notice__slug__in=notices).select_related("notice"),
        lambda t: (t.notice.slug, t.number),
    )
    links = {
        indicators[r["slug"]].pk: {
            "notice_targets": [
                targets[(r.get("notice", DEFAULT_NOTICE), n)]
                for n in set(r.get("notice_targets") or [])
            ]
        }
        for r in records
    }
    owners = {i.pk: i for i in indicators.values()}
    m2m_sync(Indicator, owners, links, created=synced.created, changed=synced.changed)
    for model, key in ((Measurement, "measurements"), (TrajectoryPoint, "trajectory")):
        rows = {}
        for r in records:
            indicator = indicators[r["slug"]]
            for point in r.get(key) or []:
                values = {
                    "indicator": indicator,
                    "date": _day(point["date"]),
                    "value": _decimal(point["value"]),
                    "note": point.get("note", ""),
                    "source": point.get("source", ""),
                    **(
                        {
                            "is_sample": False,
                            "date_precision": point.get("date_precision", DatePrecision.DAY),
                        }
                        if model is Measurement
                        else {}
                    ),
                }
                where = f"indicator {r['slug']}, {key} of {point['date']}"
                rows[(indicator.pk, values["date"])] = Row(values, point.line, where)
        points = model.objects.filter(indicator__in=list(owners), date__in={d for _, d in rows})
        sync(model, keyed(points, lambda m: (m.indicator_id, m.date)), rows)
    return indicators


def _indicator_values(record: LineDict) -> dict:
    baseline, target = record.get("baseline") or {}, record.get("target") or {}
    return {
        "slug": record["slug"],
        "name": record["name"],
        "description": record.get("description", ""),
        "unit": record["unit"],
        "polarity": record["polarity"],
        "baseline_value": _decimal(baseline.get("value")),
        "baseline_date": baseline.get("date"),
        "baseline_date_precision": baseline.get("date_precision", DatePrecision.DAY),
        "baseline_note": baseline.get("note", ""),
        "baseline_source": baseline.get("source", ""),
        "target_value": _decimal(target.get("value")),
        "target_date": target.get("date"),
        "target_date_precision": target.get("date_precision", DatePrecision.DAY),
        "target_note": target.get("note", ""),
    }


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


# Readings recorded by the programme office ------------------------------------------------

READING_COLUMNS = ["indicator", "date", "value", "source", "note"]


class ReadingsRejected(Exception):
    """A readings file with problems: nothing from it was saved."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class ReadingRow:
    """One row of an uploaded readings file, as understood, with what is wrong with it."""

    row: int
    indicator: Indicator | None
    date: date | None
    value: Decimal | None
    source: str
    note: str
    problems: list[str] = field(default_factory=list)


def reading_problems(*, indicator: Indicator, day: date, value: Decimal) -> list[str]:
    """What stops a reading being recorded, in words (empty when nothing does)."""
    problems = []
    shown = f"{value.normalize():f}"
    low, high, what = VALUE_RANGES[indicator.unit]
    if (low is not None and value < low) or (high is not None and value > high):
        problems.append(f"{shown} is not {what}")
    elif indicator.unit == Indicator.Unit.COUNT and value != value.to_integral():
        problems.append(f"{shown} is not a whole number")
    if day > clock.today():
        problems.append(f"{long_date(day)} is after today ({long_date(clock.today())})")
    return problems


VALUE_RANGES: dict[str, tuple[int, int | None, str]] = {
    Indicator.Unit.PERCENT: (0, 100, "a percentage between 0 and 100"),
    Indicator.Unit.POINTS: (-100, 100, "a number of percentage points between -100 and 100"),
    Indicator.Unit.COUNT: (0, None, "a number of 0 or more"),
    Indicator.Unit.DAYS: (0, None, "a number of days of 0 or more"),
}


def reading_record(
    *, indicator: Indicator, user, day: date, value: Decimal, source: str = "", note: str = ""
) -> Measurement:
    """Record one reading for an indicator; raises ValidationError with the problems."""
    problems = reading_problems(indicator=indicator, day=day, value=value)
    if problems:
        raise ValidationError([p[0].upper() + p[1:] + "." for p in problems])
    reading = Measurement(
        indicator=indicator, date=day, value=value, source=source, note=note, entered_by=user
    )
    with transaction.atomic():
        reading.full_clean()
        reading.save()
    return reading


def readings_csv_check(*, text: str) -> list[ReadingRow]:
    """Read a readings file (indicator, date, value, source, note) and say what is wrong with
    each row. Row numbers count the heading as row 1, as a spreadsheet does."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    headings = [(h or "").strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in READING_COLUMNS[:3] if c not in headings]
    if missing:
        raise ReadingsRejected(
            [f"row 1: the file needs the columns {', '.join(READING_COLUMNS)}; "
             f"it has no {' or '.join(missing)} column"]
        )  # fmt: skip
    reader.fieldnames = headings
    named = {key: i for i in Indicator.objects.all() for key in (i.slug, i.name.lower())}
    rows = [_reading_row(number, line, named) for number, line in enumerate(reader, start=2)]
    if not rows:
        raise ReadingsRejected(["the file has no readings under its heading row"])
    _mark_duplicates(rows)
    return rows


def readings_csv_save(*, text: str, user) -> list[Measurement]:
    """Record every reading in a file, or none of them if any row has a problem."""
    rows = readings_csv_check(text=text)
    problems = [f"row {r.row}: {p}" for r in rows for p in r.problems]
    if problems:
        raise ReadingsRejected(problems)
    try:
        with transaction.atomic():
            saved = []
            for r in rows:
                # A row without problems has all three; _reading_row reports any missing.
                assert r.indicator is not None and r.date is not None and r.value is not None
                saved.append(
                    reading_record(indicator=r.indicator, user=user, day=r.date, value=r.value,
                                   source=r.source, note=r.note)
                )  # fmt: skip
            return saved
    except (ValidationError, IntegrityError) as error:
        raise ReadingsRejected([f"nothing was saved: {error}"]) from error


def _reading_row(number: int, line: dict, named: dict[str, Indicator]) -> ReadingRow:
    def cell(name: str) -> str:
        return (line.get(name) or "").strip()

    row = ReadingRow(number, None, None, None, cell("source"), cell("note"))
    row.indicator = named.get(cell("indicator").lower())
    if row.indicator is None:
        row.problems.append(_unknown_indicator(cell("indicator")))
    row.date = _date_in(cell("date"), row.problems)
    row.value = _decimal_in(cell("value"), row.problems)
    if row.indicator and row.date and row.value is not None:
        row.problems += reading_problems(indicator=row.indicator, day=row.date, value=row.value)
    return row


def _unknown_indicator(name: str) -> str:
    if not name:
        return "the indicator is missing"
    return f"no indicator is called ‘{name}’; use the indicator’s name or its short name"


def _date_in(text: str, problems: list[str]) -> date | None:
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    problems.append(
        f"‘{text}’ is not a date; write it as 2011-05-31 or 31/05/2011"
        if text
        else "the date is missing"
    )
    return None


def _decimal_in(text: str, problems: list[str]) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "").rstrip("%"))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        problems.append(f"‘{text}’ is not a number" if text else "the value is missing")
        return None
    if value != value.quantize(Decimal("0.01")):
        problems.append(f"{text} has more than two decimal places")
    return value


def _mark_duplicates(rows: list[ReadingRow]) -> None:
    keys = {(r.indicator.pk, r.date) for r in rows if r.indicator and r.date}
    recorded = set(
        Measurement.objects.filter(
            indicator__in={k[0] for k in keys}, date__in={k[1] for k in keys}
        ).values_list("indicator_id", "date")
    )
    first_row: dict = {}
    for r in rows:
        if not (r.indicator and r.date):
            continue
        key, on = (r.indicator.pk, r.date), f"{r.indicator.name} already has a reading for"
        if key in first_row:
            r.problems.append(f"{on} {long_date(r.date)} (row {first_row[key]})")
        elif key in recorded:
            r.problems.append(f"{on} {long_date(r.date)}, recorded before")
        first_row.setdefault(key, r.row)
