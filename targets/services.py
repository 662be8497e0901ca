"""Writes to inspections, notices and indicators: checked first, all or nothing."""

import calendar
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from kentplan.datafile import DataFileError, LineDict, Problem, parse
from targets.models import (
    ImprovementNotice,
    Indicator,
    Inspection,
    Judgement,
    Measurement,
    NoticeTarget,
    Recommendation,
)
from targets.referencefile import REFERENCE_FILE


def upsert(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Create or update one row, saving only when something actually changed."""
    instance = model.objects.filter(**lookup).first()
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
    notice = upsert(
        ImprovementNotice,
        {"slug": record["slug"]},
        {
            "title": record["title"],
            "issued_by": record.get("issued_by", ""),
            "issued": record.get("issued"),
            "issued_text": record.get("issued_text", ""),
        },
    )
    for target in record.get("targets") or []:
        upsert(
            NoticeTarget,
            {"notice": notice, "number": target["number"]},
            {"title": target["title"], "text": target["text"]},
        )
    return notice


def inspection_write(*, record: LineDict) -> Inspection:
    """Create or update an inspection, its judgements and recommendations."""
    inspection = upsert(
        Inspection,
        {"slug": record["slug"]},
        {
            "title": record["title"],
            "inspectorate": record.get("inspectorate", "Ofsted"),
            "kind": record.get("kind", Inspection.Kind.ANNOUNCED),
            "started": record.get("started"),
            "ended": record.get("ended"),
            "published": record.get("published"),
            "source": record.get("source", ""),
        },
    )
    for order, judgement in enumerate(record.get("judgements") or [], start=1):
        upsert(
            Judgement,
            {"inspection": inspection, "aspect": judgement["aspect"]},
            {"grade": judgement["grade"], "order": order},
        )
    for item in record.get("recommendations") or []:
        timeframe = item.get("timeframe", "")
        upsert(
            Recommendation,
            {"inspection": inspection, "number": item["number"]},
            {
                "area": item.get("area", ""),
                "timeframe": timeframe,
                "text": item["text"],
                "due_date": recommendation_due_date(inspection, timeframe),
            },
        )
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
            for record in data.get("indicators") or []:
                indicator_write(record=record)
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
    return problems


DEFAULT_NOTICE = "improvement-notice-2011"


def indicator_write(*, record: LineDict) -> Indicator:
    """Create or update an indicator and the readings the file gives for it."""
    baseline, target = record.get("baseline") or {}, record.get("target") or {}
    indicator = upsert(
        Indicator,
        {"slug": record["slug"]},
        {
            "name": record["name"],
            "description": record.get("description", ""),
            "unit": record["unit"],
            "polarity": record["polarity"],
            "baseline_value": _decimal(baseline.get("value")),
            "baseline_date": baseline.get("date"),
            "baseline_note": baseline.get("note", ""),
            "baseline_source": baseline.get("source", ""),
            "target_value": _decimal(target.get("value")),
            "target_date": target.get("date"),
            "target_note": target.get("note", ""),
        },
    )
    notice = record.get("notice", DEFAULT_NOTICE)
    wanted = set(
        NoticeTarget.objects.filter(
            notice__slug=notice, number__in=record.get("notice_targets") or []
        )
    )
    if set(indicator.notice_targets.all()) != wanted:
        indicator.notice_targets.set(wanted)
    for reading in record.get("measurements") or []:
        upsert(
            Measurement,
            {"indicator": indicator, "date": reading["date"]},
            {
                "value": _decimal(reading["value"]),
                "note": reading.get("note", ""),
                "source": reading.get("source", ""),
                "is_sample": False,
            },
        )
    return indicator


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
