"""Writes for monthly progress reporting: periods, updates, evidence, verification.

Each service checks who may do it and what is valid, then writes all or nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from actions import evidence, reminders, selectors_progress
from actions.brag import suggest_rating
from actions.models import (
    Action,
    Chase,
    Evidence,
    ProgressUpdate,
    ReportingPeriod,
    evidence_url_validator,
)
from actions.selectors import action_forecast, plan_end
from actions.snapshots import snapshot_take
from kentplan.clock import today

Status, Rating, Verification = (
    ProgressUpdate.Status,
    ProgressUpdate.Rating,
    ProgressUpdate.Verification,
)


class UpdateConflict(Exception):
    """Someone else saved this update since the form was opened."""

    def __init__(self, current: ProgressUpdate):
        self.current = current
        super().__init__(f"{current} was changed by someone else")


@dataclass
class UpdateInput:
    """What a lead enters in the update form."""

    status: str
    rating: str = ""  # blank: take the suggestion
    override_reason: str = ""
    commentary: str = ""
    revised_due_date: date | None = None
    revised_reason: str = ""
    confirm_far_date: bool = False  # "Yes, this date is right" for a date long after the plan
    evidence_url: str = ""
    evidence_description: str = ""
    evidence_date: date | None = None
    evidence_file: UploadedFile | None = None


def period_open(*, month: date, user) -> ReportingPeriod:
    """Open a month for reporting. One month is open at a time, so none is ever stranded."""
    _require(user.has_perm("actions.manage_periods"))
    month = month.replace(day=1)
    if ReportingPeriod.objects.filter(month=month).exists():
        raise ValidationError(
            {"month": f"{month:%B %Y} has already been opened. To report on it again, reopen it."}
        )
    _check_month_may_open(month)
    period = ReportingPeriod(month=month, opened_at=timezone.now())
    period.full_clean()
    _save_while_none_other_open(period, "month")
    return period


def _save_while_none_other_open(period: ReportingPeriod, field: str) -> None:
    """Save an open month; if another was opened a moment ago (the database refuses a
    second), say so rather than fail."""
    try:
        with transaction.atomic():
            period.save()
    except IntegrityError:
        raise ValidationError(
            {field: "Another month was opened a moment ago. Close it first: one month is open "
                    "at a time."}
        ) from None  # fmt: skip


def _check_month_may_open(month: date) -> None:
    now = today()
    latest_allowed = (now.replace(day=1) + timedelta(days=32)).replace(day=1)
    if month > latest_allowed:
        raise ValidationError(
            {"month": f"You can open a month up to one month ahead: {latest_allowed:%B %Y} "
                      "at the latest."}
        )  # fmt: skip
    start = selectors_progress.earliest_live_start(today=now)
    if start and month < start.replace(day=1):
        raise ValidationError(
            {"month": f"{month:%B %Y} is before the plan started ({start:%B %Y})."}
        )
    already = ReportingPeriod.objects.filter(opened_at__isnull=False, closed_at__isnull=True)
    if open_period := already.first():
        raise ValidationError(
            {"month": f"{open_period} is still open. Close it first: one month is open at a "
                      "time."}
        )  # fmt: skip


def period_close(*, period: ReportingPeriod, user) -> ReportingPeriod:
    """Close a month: its updates are frozen from now on."""
    _require(user.has_perm("actions.manage_periods"))
    if not period.is_open:
        raise ValidationError(f"{period} is already closed.")
    # With its month-end figures, or not at all: a reader never sees the month closed
    # without them (the kept dashboard would keep that for as long as nothing else changed).
    with transaction.atomic():
        period.closed_at = timezone.now()
        period.save()
        snapshot_take(period=period)
    return period


def period_reopen(*, period: ReportingPeriod, user, reason: str) -> ReportingPeriod:
    """Reopen a closed month, with the reason recorded in its history."""
    _require(user.has_perm("actions.manage_periods"))
    if period.is_open:
        raise ValidationError(f"{period} is already open.")
    if not reason.strip():
        raise ValidationError({"reason": f"Say why {period} is being reopened"})
    if other := ReportingPeriod.objects.filter(
        opened_at__isnull=False, closed_at__isnull=True
    ).first():
        raise ValidationError(
            {"reason": f"{other} is open. Close it first: one month is open at a time."}
        )
    period.closed_at, period.reopen_reason = None, reason.strip()
    period._change_reason = f"Reopened: {reason.strip()}"
    period.full_clean()
    _save_while_none_other_open(period, "reason")
    return period


def returns_chase(*, period: ReportingPeriod, user) -> Chase:
    """E-mail once each lead whose return for the month is missing; at most once a day."""
    _require(user.has_perm("actions.manage_periods"))
    if not period.is_open:
        raise ValidationError(f"{period} is closed, so there is nothing to chase.")
    day = today()
    if earlier := Chase.objects.filter(period=period, day=day).first():
        raise ValidationError(
            f"The leads were already chased today, at {timezone.localtime(earlier.sent_at):%H:%M}."
            " Chase again tomorrow if returns are still missing."
        )
    missing = selectors_progress.missing_returns_by_lead(period=period, today=day)
    try:
        with transaction.atomic():
            chase = Chase(period=period, day=day, sent_by=user, leads_emailed=len(missing))
            chase.full_clean()
            chase.save()
            transaction.on_commit(lambda: reminders.chase_send(period=period, missing=missing))
    except IntegrityError:  # a colleague (or a double-click) chased a moment ago
        raise ValidationError(
            "The leads were chased a moment ago. Chase again tomorrow if returns are still missing."
        ) from None
    return chase


def progress_update_submit(
    *,
    action: Action,
    user,
    period: ReportingPeriod,
    data: UpdateInput,
    expected_version: int | None,
) -> ProgressUpdate:
    """Create this month's update, or change it; raises UpdateConflict if someone saved first."""
    _require(user.has_perm("actions.update_action", action))
    if not period.is_open:
        raise ValidationError(f"Reporting for {period} has closed, so its updates cannot change.")
    existing = ProgressUpdate.objects.filter(action=action, period=period).first()
    if existing and existing.verification == Verification.VERIFIED:
        raise ValidationError(
            "This completion was verified (Blue), so it cannot be changed. A verifier or the "
            "programme office can reopen it, with a reason, if it needs to change."
        )
    if existing and existing.version != expected_version:
        if _repeat_of_own_save(existing, user, data):
            return existing  # a double-click on Save: the first click saved it
        raise UpdateConflict(existing)
    if existing and not _may_change(existing, user, action):
        raise PermissionDenied("A co-lead’s update is theirs to change, or the accountable lead’s.")
    fields = _checked_fields(action=action, existing=existing, data=data)
    resubmitted = (
        existing is not None
        and existing.verification == Verification.RETURNED
        and fields["verification"] == Verification.PENDING
    )
    try:
        update = _save_all(action, user, period, existing, fields, data, resubmitted)
    except IntegrityError:
        # Someone else created this month's update between our check and our save.
        raise UpdateConflict(ProgressUpdate.objects.get(action=action, period=period)) from None
    return update


def _save_all(action, user, period, existing, fields, data, resubmitted) -> ProgressUpdate:
    """Saves the update and its evidence all or nothing; a file written for a save that is
    then rolled back is removed, so no orphan file is left behind."""
    stored: list[Evidence] = []
    try:
        with transaction.atomic():
            update = _save(action, user, period, existing, fields)
            stored += _add_evidence(update, user, data)
            if resubmitted:
                transaction.on_commit(lambda: reminders.resubmitted_send(update=update))
    except BaseException:
        for item in stored:
            if item.file:
                item.file.delete(save=False)
        raise
    return update


def _may_change(existing: ProgressUpdate, user, action: Action) -> bool:
    """Its author and the verifiers may change an update; so may a lead of the action when
    the update was entered by someone who is not one (the programme office, say)."""
    if existing.author_id == user.pk or user.has_perm("actions.verify_action", action):
        return True
    lead_users = {al.lead.user_id for al in action.actionlead_set.all()}
    return existing.author_id not in lead_users


def _repeat_of_own_save(existing: ProgressUpdate, user, data: UpdateInput) -> bool:
    """True when the saved update is this user's own latest save of exactly what they sent."""
    last = existing.history.order_by("-history_date", "-history_id").first()
    if last is None or last.history_user_id != user.pk or data.evidence_file is not None:
        return False
    same = (
        existing.status == data.status
        and existing.commentary == data.commentary.strip()
        and existing.revised_due_date == data.revised_due_date
        and existing.revised_reason
        == (data.revised_reason.strip() if data.revised_due_date else "")
        and (not data.rating or existing.rating == data.rating)
    )
    same_link = not data.evidence_url or existing.evidence.filter(url=data.evidence_url).exists()
    return same and same_link


def _checked_fields(*, action: Action, existing, data: UpdateInput) -> dict:
    errors: dict[str, str] = {}
    forecast = data.revised_due_date or action_forecast(action=action)
    suggested, rule = suggest_rating(
        status=data.status, due=forecast, start=action.start_date, today=today()
    )
    rating = data.rating or suggested
    if rating == Rating.BLUE:
        errors["rating"] = "Blue is given when the accountable lead verifies a completion"
    if rating != suggested and not data.override_reason.strip():
        errors["override_reason"] = (
            f"Say why the rating is {Rating(rating).label} rather than the suggested "
            f"{Rating(suggested).label}"
        )
    if rating in (Rating.AMBER, Rating.RED) and not data.commentary.strip():
        errors["commentary"] = f"Explain what is happening: the rating is {Rating(rating).label}"
    if data.revised_due_date:
        if not data.revised_reason.strip():
            errors["revised_reason"] = "Give a reason for the revised date"
        if not data.commentary.strip():
            errors.setdefault("commentary", "Explain what is happening: the due date has moved")
        if data.revised_due_date < today():
            errors["revised_due_date"] = "A revised date must be today or later"
        elif not _confirmed_before(existing, data) and (far := _far_past_plan_end(action, data)):
            errors["confirm_far_date"] = far
    has_evidence = bool(data.evidence_url or data.evidence_file) or (
        existing is not None and existing.evidence.exists()
    )
    if data.status == Status.COMPLETE and not has_evidence:
        errors["evidence_url"] = "Add evidence that the action is complete: a link or a file"
    errors.update(_evidence_errors(data))
    if errors:
        raise ValidationError(errors)
    return {
        "status": data.status,
        "rating": rating,
        "suggested_rating": suggested,
        "rating_rule": rule,
        "override_reason": data.override_reason.strip() if rating != suggested else "",
        "commentary": data.commentary.strip(),
        "revised_due_date": data.revised_due_date,
        "revised_reason": data.revised_reason.strip() if data.revised_due_date else "",
        "verification": Verification.PENDING
        if data.status == Status.COMPLETE
        else Verification.NONE,
        "return_comment": "",
    }


def _confirmed_before(existing, data: UpdateInput) -> bool:
    """Ticked now, or the same date was confirmed when this update was saved before."""
    same = existing is not None and existing.revised_due_date == data.revised_due_date
    return data.confirm_far_date or same


def _far_past_plan_end(action: Action, data: UpdateInput) -> str:
    """What to ask when a revised date is more than a year after the plan's last due date
    (a typing slip such as 2021 for 2012 is likelier than a plan running that late)."""
    end = plan_end(plan=action.plan)
    if end is None or data.revised_due_date is None or data.revised_due_date <= _a_year_after(end):
        return ""
    return (
        f"{data.revised_due_date:%-d %B %Y} is more than a year after the plan ends "
        f"({end:%-d %B %Y}). Check the revised due date; if it is right, select "
        "‘Yes, this date is right’"
    )


def _a_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _evidence_errors(data: UpdateInput) -> dict[str, str]:
    errors = {}
    if data.evidence_url:
        try:
            evidence_url_validator(data.evidence_url)
        except ValidationError as error:
            errors["evidence_url"] = error.messages[0]
    if data.evidence_date and data.evidence_date > today():
        errors["evidence_date"] = "The date of the evidence must be today or in the past"
    upload = data.evidence_file
    if upload is not None:
        name, size = upload.name or "", upload.size or 0
        if evidence.extension(name) not in evidence.ACCEPTED:
            errors["evidence_file"] = f"The file must be one of these types: {evidence.NAMES}"
        elif size > settings.EVIDENCE_MAX_BYTES:
            errors["evidence_file"] = (
                f"The file must be smaller than {filesizeformat(settings.EVIDENCE_MAX_BYTES)}"
            )
        elif size == 0:
            errors["evidence_file"] = "The selected file is empty"
        elif evidence.name_too_long(name):
            errors["evidence_file"] = evidence.NAME_TOO_LONG
        elif not evidence.content_matches(upload):
            errors["evidence_file"] = (
                f"The file’s content is not a {evidence.extension(name).upper()} file. "
                "Save it again in that format, or choose the right file"
            )
    return errors


def _save(action, user, period, existing, fields) -> ProgressUpdate:
    now = timezone.now()
    if existing is None:
        update = ProgressUpdate(
            action=action, period=period, author=user, submitted_at=now, **fields
        )
        update.full_clean(validate_unique=False)
        update._history_user = user  # who saved it, in a request or not (reported_completion)
        update.save()
        return update
    changed = ProgressUpdate.objects.filter(pk=existing.pk, version=existing.version).update(
        version=F("version") + 1, submitted_at=now, **fields
    )
    if not changed:
        raise UpdateConflict(ProgressUpdate.objects.get(pk=existing.pk))
    update = ProgressUpdate.objects.get(pk=existing.pk)
    update._change_reason = "edited"
    update._history_user = user
    update.save()  # records the change in the history, with who made it
    return update


def _add_evidence(update: ProgressUpdate, user, data: UpdateInput) -> list[Evidence]:
    """The evidence given, saved; returned so its file can be removed if the save fails."""
    if not (data.evidence_url or data.evidence_file):
        return []
    item = Evidence(
        update=update,
        url=data.evidence_url.strip(),
        description=data.evidence_description.strip(),
        added_by=user,
    )
    if data.evidence_date:
        item.description = f"{item.description} ({data.evidence_date:%-d %B %Y})".strip()
    saved = [item]
    if data.evidence_file is not None:
        item.file.save(data.evidence_file.name or "evidence", data.evidence_file, save=False)
    try:
        item.full_clean()
        item.save()
    except BaseException:
        if item.file:
            item.file.delete(save=False)
        raise
    return saved


def reported_completion(*, update: ProgressUpdate, user) -> bool:
    """Whether this person reported the completion: its author, or anyone who saved it as
    Complete (a verifier may edit a lead's update, but then may not verify that edit)."""
    if update.author_id == user.pk:
        return True
    return update.history.filter(history_user_id=user.pk, status=Status.COMPLETE).exists()


def progress_update_verify(*, update: ProgressUpdate, user, accept: bool, comment: str) -> None:
    """Another person accepts a completion (Blue) or sends it back with a comment.

    Whoever reported the completion may not verify it: a priority lead's own completion is
    verified by another priority lead or the programme office."""
    _require(user.has_perm("actions.verify_action", update.action))
    if reported_completion(update=update, user=user):
        raise PermissionDenied(
            "You reported this completion, so someone else must verify it: another priority "
            "lead or the programme office."
        )
    if update.verification != Verification.PENDING:
        raise ValidationError("Only a completion waiting for verification can be verified.")
    if not accept and not comment.strip():
        raise ValidationError({"comment": "Say what is missing, so the lead can put it right"})
    if accept:
        update.verification, update.rating = Verification.VERIFIED, Rating.BLUE
        update.suggested_rating = Rating.BLUE
        update.rating_rule = "Complete and verified by the accountable lead"
        update.override_reason = ""
        update._change_reason = "verified"
    else:
        update.verification, update.return_comment = Verification.RETURNED, comment.strip()
        update._change_reason = "returned"
    update.verified_by, update.verified_at = user, timezone.now()
    update.version += 1
    with transaction.atomic():
        update.full_clean(validate_unique=False)
        update.save()
        if not accept:
            transaction.on_commit(lambda: reminders.returned_send(update=update))


def progress_update_reopen(*, update: ProgressUpdate, user, reason: str) -> None:
    """Reopen a verified (Blue) completion: it goes back to its lead, with the reason."""
    _require(user.has_perm("actions.verify_action", update.action))
    if update.verification != Verification.VERIFIED:
        raise ValidationError("Only a verified completion can be reopened.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the completion is being reopened"})
    suggested, rule = suggest_rating(
        status=update.status, due=action_forecast(action=update.action),
        start=update.action.start_date, today=today(),
    )  # fmt: skip
    update.verification, update.return_comment = Verification.RETURNED, reason.strip()
    update.rating = update.suggested_rating = suggested
    update.rating_rule, update.override_reason = rule, ""
    update.verified_by, update.verified_at = user, timezone.now()
    update.version += 1
    update._change_reason = f"Reopened: {reason.strip()}"
    with transaction.atomic():
        update.full_clean(validate_unique=False)
        update.save()
        transaction.on_commit(lambda: reminders.returned_send(update=update))


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("You do not have permission to do this.")
