"""Who oversees the plan: boards, panels and committees, their members, the lines they
report along, their meetings, and the signing-off of a plan."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from actions.models import Lead, Plan


class Body(models.Model):
    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        PANEL = "panel", "Panel"
        COMMITTEE = "committee", "Committee"
        COUNCIL = "council", "Council"
        PARTNERSHIP = "partnership", "Partnership"
        GROUP = "group", "Group"

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    established = models.DateField(null=True, blank=True)
    meets = models.CharField(max_length=100, blank=True, help_text="How often, e.g. 'monthly'")
    description = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)
    reports_to = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="reported_to_by"
    )
    history = HistoricalRecords(m2m_fields=[reports_to])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:body-detail", args=[self.slug])


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        CO_CHAIR = "co-chair", "Co-chair"
        MEMBER = "member", "Member"
        OBSERVER = "observer", "Observer"

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    lead = models.ForeignKey(Lead, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    capacity = models.CharField(max_length=300, blank=True, help_text="As the source gives it")
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "order"]
        constraints = [
            models.UniqueConstraint(fields=["body", "lead"], name="one_membership_per_body")
        ]

    def __str__(self) -> str:
        return f"{self.lead} ({self.get_role_display()}, {self.body})"


class Meeting(models.Model):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    title = models.CharField(max_length=300)
    note = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)
    is_sample = models.BooleanField(
        default=False, help_text="Made-up demonstration data, not from the council's documents"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "body__name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "date"], name="one_meeting_per_body_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.body}, {self.date:%-d %B %Y}"


class Signatory(models.Model):
    """A signed-and-dated line of a plan's sign-off ('Commitment of Improvement Board Members')."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="signatories")
    lead = models.ForeignKey(Lead, on_delete=models.PROTECT, related_name="signatures")
    capacity = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    signed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name_plural = "signatories"
        constraints = [
            models.UniqueConstraint(fields=["plan", "lead"], name="one_signature_per_lead_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.lead}, {self.capacity}"
