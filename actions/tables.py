"""The actions table (django-tables2), and the same rows as a download."""

import csv
from datetime import date

import django_tables2 as tables
from django.db.models import Case, F, When
from django.utils.html import format_html, format_html_join
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from actions.models import Action, ProgressUpdate
from kentplan.dates import date_shown

RATING_WORDS = {"blue": "Blue", "green": "Green", "amber": "Amber", "red": "Red"}
STATUS_WORDS = dict(ProgressUpdate.Status.choices)
VERIFICATION_WORDS = dict(ProgressUpdate.Verification.choices)


RATING_ORDER = ["red", "amber", "green", "blue"]


def rating_tag(record) -> str:
    """A GOV.UK tag whose word says the rating, so it reads without colour too."""
    if not record.latest_rating:
        return format_html('<span class="kp-rating-none">{}</span>', "Not rated")
    return format_html(
        '<strong class="govuk-tag kp-rating kp-rating--{}">{}</strong>',
        record.latest_rating,
        rating_word(record),
    )


def due_cell(record) -> str:
    """The forecast due date; where a revised date moved it, the plan's own date beside it."""
    if not record.forecast_due:
        return format_html("{}", "No date")
    # The plan's own date as the plan gives it ("Dec 2011" for "December 2011").
    planned = date_shown(record.shown_due_date, record.shown_due_precision, short=True)
    if record.forecast_due == record.shown_due_date:
        return format_html('<span class="kp-nowrap">{}</span>', planned)
    due = format_html('<span class="kp-nowrap">{}</span>', f"{record.forecast_due:%-d %b %Y}")
    if record.shown_due_date:
        baseline = planned
        note = '{} <span class="kp-baseline">(revised; originally {})</span>'
        return format_html(note, due, baseline)
    return due


def rating_word(record) -> str:
    return RATING_WORDS.get(record.latest_rating or "", "Not rated")


def status_word(record) -> str:
    return STATUS_WORDS.get(record.latest_status or "", "No update yet")


def serves_codes(record: Action) -> list[str]:
    codes = [t.code for t in record.notice_targets.all()]
    codes += [r.code for r in record.recommendations.all()]
    codes += [c.code for c in record.core_tasks.all()]
    if record.joint_with:
        codes.append("Joint: " + ", ".join(record.joint_with))
    return codes


def lead_names(record: Action) -> str:
    return ", ".join(al.lead.name for al in record.actionlead_set.all())


class ActionTable(tables.Table):
    ref = tables.Column(verbose_name="Ref", linkify=True, order_by=("sort_key",))
    text = tables.Column(verbose_name="Action", accessor="shown_text", orderable=False)
    leads = tables.Column(verbose_name="Delivery leads", empty_values=(), orderable=False)
    due_date = tables.Column(
        verbose_name="Due", accessor="forecast_due", empty_values=(), order_by=("forecast_due",)
    )
    rating = tables.Column(
        verbose_name="Rating", accessor="latest_rating", empty_values=(), order_by=("rating",)
    )
    status = tables.Column(
        verbose_name="Status", accessor="latest_status", empty_values=(), orderable=False
    )
    last_update = tables.Column(
        verbose_name="Last update", accessor="latest_month", empty_values=(), orderable=False
    )
    serves = tables.Column(verbose_name="Serves", empty_values=(), orderable=False)

    class Meta:
        model = Action
        fields = ("ref", "text", "leads", "due_date", "rating", "status", "last_update", "serves")
        order_by = "ref"
        attrs = {"class": "govuk-table kp-table--actions"}

    def order_due_date(self, queryset, is_descending: bool):
        """Undated actions last either way, on SQLite as on PostgreSQL."""
        due = (
            F("forecast_due").desc(nulls_last=True)
            if is_descending
            else F("forecast_due").asc(nulls_last=True)
        )
        return queryset.order_by(due, "sort_key"), True

    def order_rating(self, queryset, is_descending: bool):
        """Worst first (Red, Amber, Green, Blue, then none) or the other way round."""
        rank = Case(*(When(latest_rating=r, then=n) for n, r in enumerate(RATING_ORDER)),
                    default=len(RATING_ORDER))  # fmt: skip
        ordering = rank.desc() if is_descending else rank.asc()
        return queryset.order_by(ordering, "sort_key"), True

    def render_ref(self, value: str, record: Action):
        if record.shown_retired_on is not None:  # type: ignore[attr-defined]  # annotated
            return format_html(
                '{} <strong class="govuk-tag govuk-tag--grey">Retired</strong>', value
            )
        return value

    def render_leads(self, record: Action):
        return lead_names(record)

    def render_due_date(self, record: Action):
        return due_cell(record)

    def render_rating(self, record: Action):
        return rating_tag(record)

    def render_status(self, record: Action):
        return status_word(record)

    def render_last_update(self, value: date | None):
        return f"{value:%b %Y}" if value else "None yet"

    def render_serves(self, record: Action):
        codes = serves_codes(record)
        return format_html_join(" ", '<span class="kp-ref">{}</span>', ((c,) for c in codes))

    def render_text(self, value: str):
        return format_html("{}", value)


def print_rows(actions) -> list[dict]:
    """The table's rows as plain words for paper: every matching action, no links."""
    return [
        {
            "ref": a.ref,
            "text": a.shown_text,
            "leads": lead_names(a),
            "due": due_cell(a),
            "rating": rating_tag(a),
            "status": status_word(a),
            "last_update": f"{a.latest_month:%b %Y}" if a.latest_month else "None yet",
            "serves": " ".join(serves_codes(a)),
        }
        for a in actions
    ]


DOWNLOAD_HEADINGS = [
    "Ref", "Priority", "Outcome", "Action", "Timescale", "Delivery leads", "Due (plan)",
    "Due (forecast)", "Latest rating", "Status", "Last update", "Verification",
    "Serves", "Sample data",
]  # fmt: skip


def download_rows(actions) -> list[list]:
    """The table's rows for a CSV or Excel download: plain values, dates as dates."""
    return [
        [
            a.ref,
            a.outcome.priority.number,
            a.outcome.ref,
            a.shown_text,
            a.shown_timescale,
            lead_names(a),
            a.shown_due_date,
            a.forecast_due,
            rating_word(a),
            status_word(a),
            f"{a.latest_month:%B %Y}" if a.latest_month else "",
            VERIFICATION_WORDS.get(a.latest_verification or "", ""),
            " ".join(serves_codes(a)),
            "Sample update" if a.latest_is_sample else "",
        ]
        for a in actions
    ]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_text(value):
    """Text a spreadsheet would take for a formula is kept as text (a leading apostrophe)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def actions_csv(rows: list[list], out) -> None:
    """Writes the download rows as CSV (UTF-8 with a byte-order mark, for Excel)."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(DOWNLOAD_HEADINGS)
    for row in rows:
        writer.writerow(["" if v is None else _safe_text(v) for v in row])


def actions_workbook(rows: list[list], about: list[tuple[str, str]], out) -> None:
    """Writes the download rows as an Excel workbook: the actions, and what they are."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = "Actions"
    sheet.append(DOWNLOAD_HEADINGS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe_text(v) for v in row])
    for column in ("G", "H"):
        for cell in sheet[column][1:]:
            cell.number_format = "d mmm yyyy"
    for column, width in zip("ABCDEFGHIJKLMN", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    notes = workbook.create_sheet("About")
    for label, value in about:
        notes.append([label, value])
    notes.column_dimensions["A"].width = 24
    notes.column_dimensions["B"].width = 90
    workbook.save(out)


WIDTHS = [9, 9, 9, 70, 30, 30, 13, 13, 12, 14, 15, 24, 20, 15]
