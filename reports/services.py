"""Writes for papers: asking for a render, rendering it (in a worker), and issuing."""

import hashlib
import logging
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from governance.models import Meeting
from reports.models import IssuedPaper, RenderedPaper
from reports.registry import kind_get
from reports.rendering import render_pdf

logger = logging.getLogger(__name__)


class PaperNotReady(Exception):
    """The PDF to issue is still being prepared."""


# A failed render is tried again when asked for after this long (the cause may have been
# passing: a full disk, a worker stopped mid-render), and a render still queued this long
# after it was asked for is queued again (its worker died, or the queue was lost).
RETRY_FAILED_AFTER = timedelta(minutes=10)
REQUEUE_STALE_AFTER = timedelta(minutes=15)


def paper_request(*, kind: str, subject: str, as_at: date) -> RenderedPaper:
    """The render of this paper for the data (and the code that draws it) as they are now;
    queued if there is none yet, or again if it failed or stalled a while ago."""
    spec = kind_get(kind)
    spec.subject_get(subject)
    version = spec.version()
    key = {"kind": kind, "subject": subject, "as_at": as_at, "data_version": version}
    existing = RenderedPaper.objects.filter(**key).first()
    if existing is not None:
        return _retried_if_due(existing)
    try:
        with transaction.atomic():
            rendered = RenderedPaper.objects.create(**key)
    except IntegrityError:  # another request queued it a moment ago
        return RenderedPaper.objects.get(**key)
    _enqueue(rendered)
    return rendered


def _enqueue(rendered: RenderedPaper) -> None:
    from reports.tasks import render_paper

    transaction.on_commit(lambda: render_paper.enqueue(rendered.pk))


def _retried_if_due(rendered: RenderedPaper) -> RenderedPaper:
    Status = RenderedPaper.Status
    if rendered.status == Status.READY:
        return rendered
    now = timezone.now()
    due = Q(status=Status.FAILED, finished_at__lte=now - RETRY_FAILED_AFTER) | Q(
        status=Status.QUEUED, requested_at__lte=now - REQUEUE_STALE_AFTER
    )
    # One request wins the retry: the update matches only while the row is still due.
    retried = RenderedPaper.objects.filter(due, pk=rendered.pk).update(
        status=Status.QUEUED, error="", finished_at=None, requested_at=now
    )
    if retried:
        logger.info("Trying again to render %s", rendered)
        rendered.refresh_from_db()
        _enqueue(rendered)
    return rendered


def paper_render(*, rendered: RenderedPaper) -> RenderedPaper:
    """Draw the PDF and keep it in storage (run by a worker)."""
    if rendered.status == RenderedPaper.Status.READY:
        return rendered
    spec = kind_get(rendered.kind)
    try:
        subject = spec.subject_get(rendered.subject)
        doc = spec.build(subject, rendered.as_at)
        pdf = render_pdf(
            template=spec.template,
            context={"doc": doc, "layout": "reports/paper_pdf.html"},
            meta=spec.meta(subject, rendered.as_at),
        )
    except Exception as error:
        logger.exception("Rendering %s failed", rendered)
        rendered.status, rendered.error = RenderedPaper.Status.FAILED, str(error)[:2000]
        rendered.finished_at = timezone.now()
        rendered.save(update_fields=["status", "error", "finished_at"])
        raise
    name = f"{rendered.subject}-{rendered.as_at:%Y-%m-%d}-{rendered.data_version[:12]}.pdf"
    rendered.file.save(name, ContentFile(pdf.content), save=False)
    rendered.status, rendered.pages = RenderedPaper.Status.READY, pdf.pages
    rendered.finished_at = timezone.now()
    rendered.save(update_fields=["file", "status", "pages", "finished_at"])
    return rendered


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def paper_issue(
    *,
    kind: str,
    subject: str,
    as_at: date,
    user,
    meeting: Meeting | None = None,
    supersedes: IssuedPaper | None = None,
) -> IssuedPaper:
    """Keep the current render of a paper as issued. Raises PaperNotReady while it is
    still being prepared (and queues it), ValidationError if the request does not hold."""
    spec = kind_get(kind)
    subject_obj = spec.subject_get(subject)
    meeting = _meeting_for(spec, subject_obj, meeting)
    rendered = paper_request(kind=kind, subject=subject, as_at=as_at)
    if rendered.status != RenderedPaper.Status.READY:
        raise PaperNotReady
    if supersedes is not None and (supersedes.kind, supersedes.subject) != (kind, subject):
        raise ValidationError("A correction must be the same paper for the same subject.")
    with rendered.file.open("rb") as handle:
        content = handle.read()
    with transaction.atomic():
        if supersedes is not None and IssuedPaper.objects.filter(supersedes=supersedes).exists():
            raise ValidationError("That paper has already been superseded by a later issue.")
        paper = IssuedPaper(
            kind=kind,
            subject=subject,
            title=spec.title(subject_obj),
            as_at=as_at,
            issued_by=user,
            issued_at=timezone.now(),
            meeting=meeting,
            sha256=sha256_of(content),
            supersedes=supersedes,
        )
        name = f"{slugify(paper.title)[:80]}-as-at-{as_at:%Y-%m-%d}.pdf"
        paper.file.save(name, ContentFile(content), save=False)
        paper.full_clean()
        paper.save()
        if spec.on_issue is not None:
            spec.on_issue(subject_obj)
    return paper


def _meeting_for(spec, subject_obj, meeting: Meeting | None) -> Meeting | None:
    """Papers written for a meeting (committee papers, board packs) are issued to it."""
    if spec.own_meeting is None:
        return meeting
    own = spec.own_meeting(subject_obj)
    if meeting is not None and meeting.pk != own.pk:
        raise ValidationError(
            f"This paper is written for {own}; it can only be issued to that meeting."
        )
    return own


def issued_paper_content(*, paper: IssuedPaper) -> bytes:
    """The issued file, checked against the hash taken when it was issued."""
    with paper.file.open("rb") as handle:
        content = handle.read()
    if sha256_of(content) != paper.sha256:
        logger.error("Issued paper %s (%s) does not match its SHA-256", paper.pk, paper.file.name)
        raise IssuedPaperTampered(paper)
    return content


class IssuedPaperTampered(Exception):
    """The stored file of an issued paper is not the file that was issued."""
