"""Papers made from the data: renders kept so that asking twice renders once, and the
archive of issued papers, which never change."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from governance.models import Meeting


class ReportKind(models.TextChoices):
    PLAN = "plan", "Improvement plan"
    PLAN_PROGRESS = "plan-progress", "Improvement plan with progress"
    INSPECTION = "inspection", "Inspection action plan"
    MATRIX = "matrix", "Cross-reference matrix"
    COMMITTEE_PAPER = "committee-paper", "Committee paper"
    BOARD_PACK = "board-pack", "Improvement Board pack"


def rendered_path(instance: "RenderedPaper", filename: str) -> str:
    return f"papers/rendered/{instance.kind}/{filename}"


class RenderedPaper(models.Model):
    """One render of a report for a subject, as at a date, from one version of the data."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Being prepared"
        READY = "ready", "Ready"
        FAILED = "failed", "Could not be prepared"

    kind = models.CharField(max_length=30, choices=ReportKind.choices)
    subject = models.CharField(max_length=120, help_text="The plan's or inspection's slug")
    as_at = models.DateField()
    data_version = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(upload_to=rendered_path, blank=True, max_length=300)
    pages = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject", "as_at", "data_version"], name="render_once_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject} as at {self.as_at}"


def issued_path(instance: "IssuedPaper", filename: str) -> str:
    return f"papers/issued/{instance.as_at:%Y}/{filename}"


class IssuedPaperError(Exception):
    """An issued paper was asked to change; it never does."""


class IssuedPaper(models.Model):
    """A paper as issued: the file, the date its data was taken at, who issued it and when.

    Never changed once saved: a correction is a new issue that supersedes this one. The
    database refuses updates too (see the migration's trigger).
    """

    kind = models.CharField(max_length=30, choices=ReportKind.choices)
    subject = models.CharField(max_length=120)
    title = models.CharField(max_length=300)
    as_at = models.DateField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="issued_papers"
    )
    issued_at = models.DateTimeField()
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="issued_papers"
    )
    file = models.FileField(upload_to=issued_path, max_length=300)
    sha256 = models.CharField(max_length=64)
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        help_text="The earlier issue this one corrects",
    )

    class Meta:
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"),
                name="issued_paper_has_a_sha256",
                violation_error_message="An issued paper needs the SHA-256 of its file.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (as at {self.as_at:%-d %B %Y}, issued {self.issued_at:%-d %B %Y})"

    def save(self, *args, **kwargs):
        if self.pk is not None and IssuedPaper.objects.filter(pk=self.pk).exists():
            raise IssuedPaperError(
                "An issued paper cannot be changed. Issue a corrected paper that supersedes it."
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("reports:paper-detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        raise IssuedPaperError("An issued paper cannot be deleted.")

    def clean(self) -> None:
        if self.supersedes_id and self.supersedes_id == self.pk:
            raise ValidationError({"supersedes": "A paper cannot supersede itself."})
