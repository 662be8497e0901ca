"""The cross-reference matrix: each Improvement Notice target, Ofsted recommendation and
core task of a plan against the plan's actions that serve it, with how each stands."""

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Any

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from actions.models import Action, CoreTask, Plan, ProgressUpdate
from reports.asat import latest_updates_at
from targets.models import NoticeTarget, Recommendation

SOURCE_MODELS = [Plan, Action, CoreTask, NoticeTarget, Recommendation, ProgressUpdate]


@dataclass
class ServingAction:
    ref: str
    text: str
    status: str
    rating: str
    rating_label: str


@dataclass
class MatrixRow:
    group: str
    code: str
    text: str
    actions: list[ServingAction]

    @property
    def live(self) -> int:
        return sum(1 for a in self.actions if a.status != "Complete")


@dataclass
class Matrix:
    plan: Plan
    as_at: date
    groups: list[tuple[str, list[MatrixRow]]]


def cross_reference_matrix(*, plan: Plan, as_at: date) -> Matrix:
    actions = {
        a.pk: a
        for a in plan.actions.prefetch_related("notice_targets", "recommendations", "core_tasks")
    }
    latest = latest_updates_at(as_at=as_at, plan=plan)
    serving: dict[tuple[str, int], list[ServingAction]] = {}
    for action in sorted(actions.values(), key=lambda a: a.sort_key):
        cell = _serving(action, latest.get(action.pk))
        for name in ("notice_targets", "recommendations", "core_tasks"):
            for item in getattr(action, name).all():
                serving.setdefault((name, item.pk), []).append(cell)
    groups: list[tuple[str, str, QuerySet[Any]]] = [
        ("Improvement Notice targets", "notice_targets",
         NoticeTarget.objects.filter(notice__plans=plan).order_by("number")),
        ("Ofsted recommendations", "recommendations",
         Recommendation.objects.filter(inspection=plan.recommendations_from_id)),
        ("Core tasks", "core_tasks", CoreTask.objects.filter(plan=plan)),
    ]  # fmt: skip
    return Matrix(
        plan,
        as_at,
        [
            (label, [MatrixRow(label, item.code, getattr(item, "title", "") or item.text,
                               serving.get((name, item.pk), [])) for item in items])
            for label, name, items in groups
        ],
    )  # fmt: skip


def _serving(action: Action, update) -> ServingAction:
    if update is None:
        return ServingAction(action.ref, action.text, "No update reported", "", "")
    return ServingAction(action.ref, action.text, update.get_status_display(), update.rating,
                         update.get_rating_display())  # fmt: skip


def matrix_workbook(matrix: Matrix) -> bytes:
    """The matrix as an Excel workbook: one row per (target, action) pair, gaps included."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = "Cross-reference matrix"
    sheet.append([f"{matrix.plan.title} – cross-reference matrix as at {matrix.as_at:%-d %B %Y}"])
    sheet["A1"].font = Font(bold=True, size=12)
    headings = ["Kind", "Ref", "Target, recommendation or task", "Action", "Action text",
                "Status", "Rating"]  # fmt: skip
    sheet.append(headings)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for _, rows in matrix.groups:
        for row in rows:
            for a in row.actions or (None,):
                sheet.append([row.group, row.code, row.text,
                              a.ref if a else "No action serves this",
                              a.text if a else "", a.status if a else "",
                              a.rating_label if a else ""])  # fmt: skip
    for index, width in enumerate([24, 8, 60, 10, 60, 18, 24], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cells in sheet.iter_rows(min_row=3):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
