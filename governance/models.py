"""Who oversees the plan: boards, panels and committees, their members, the lines they
report along, their meetings, and the signing-off of a plan."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from actions.models import Lead, Plan
from kentplan.history import HistoricalRecords
from targets.models import Indicator


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

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting-detail", args=[self.pk])


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    presenter = models.CharField(max_length=200, blank=True)
    paper_title = models.CharField(max_length=300, blank=True, help_text="The paper tabled")
    paper_url = models.CharField(
        max_length=500,
        blank=True,
        help_text="Where the paper is: a page of kentplan or a web address",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="one_agenda_item_per_number",
                violation_error_message="The meeting already has an agenda item with this number.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        ATTENDED = "attended", "Attended"
        APOLOGIES = "apologies", "Sent apologies"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    lead = models.ForeignKey(Lead, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=20, choices=Status.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "lead__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "lead"], name="one_attendance_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.lead}: {self.get_status_display()}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "agenda_item__order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if self.agenda_item and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": "Choose an item on this meeting’s agenda."})


class BoardAction(models.Model):
    """An action arising at a meeting, on the body's log until a later meeting closes it."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    raised_at = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions_raised")
    description = models.TextField()
    owner = models.ForeignKey(Lead, on_delete=models.PROTECT, related_name="board_actions")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions_closed",
        help_text="The meeting that closed it",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["raised_at__date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(status="open") & models.Q(closed_at__isnull=True))
                | (models.Q(status="closed") & models.Q(closed_at__isnull=False)),
                name="closed_board_action_names_its_meeting",
                violation_error_message="A closed action says which meeting closed it.",
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def clean(self) -> None:
        closed, raised = self.closed_at, self.raised_at
        if closed is None or raised is None:
            return
        if closed.body_id != raised.body_id or closed.date < raised.date:
            raise ValidationError(
                {"closed_at": "Choose a meeting of the same body, on or after the one raising it."}
            )


class BoardActionNote(models.Model):
    """What was reported on a board action at a meeting."""

    action = models.ForeignKey(BoardAction, on_delete=models.CASCADE, related_name="notes")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="action_notes")
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "meeting__date", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Signatory(models.Model):
    """A signed-and-dated line of a plan's sign-off ('Commitment of Improvement Board Members')."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="signatories")
    lead = models.ForeignKey(Lead, on_delete=models.PROTECT, related_name="signatures")
    capacity = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    signed_on = models.DateField(
        null=True, blank=True, help_text="The date written on the signed line, as it is printed"
    )
    signed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the member signed in kentplan, from their account"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        help_text="The account that signed: always the member's own",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name_plural = "signatories"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "lead"], name="one_signature_per_lead_per_plan"
            ),
            models.CheckConstraint(
                condition=models.Q(signed_at__isnull=True)
                | (models.Q(signed_on__isnull=False) & models.Q(signed_by__isnull=False)),
                name="signed_in_product_has_date_and_account",
                violation_error_message="A signature made in kentplan has its date and account.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lead}, {self.capacity}"

    @property
    def is_signed(self) -> bool:
        return self.signed_on is not None


class CommitteePaper(models.Model):
    """A committee paper in the council's format. Democratic services write the narrative;
    the progress and performance paragraphs are drawn from the data as at `as_at`."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ISSUED = "issued", "Issued"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="committee_papers")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="committee_papers")
    by = models.TextField(help_text="The cabinet member and the director, one a line")
    to = models.CharField(max_length=300, blank=True, help_text="Blank: the meeting’s body")
    subject = models.CharField(max_length=300)
    classification = models.CharField(max_length=100, default="Unrestricted")
    summary = models.TextField()
    as_at = models.DateField(help_text="The date the figures and progress are taken at")
    previous_paper_date = models.DateField(
        null=True, blank=True, help_text="Progress is counted from this date"
    )
    readings_from = models.DateField(
        null=True, blank=True, help_text="Indicator readings are compared from this date"
    )
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="committee_papers")
    recommendations = models.TextField()
    contact_name = models.CharField(max_length=200)
    contact_title = models.CharField(max_length=300, blank=True)
    contact_phone = models.CharField(max_length=50, blank=True)
    contact_email = models.EmailField(blank=True)
    background_documents = models.TextField(default="None")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_sample = models.BooleanField(default=False)
    history = HistoricalRecords(m2m_fields=[indicators])

    class Meta:
        ordering = ["-meeting__date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(previous_paper_date__isnull=True)
                | models.Q(previous_paper_date__lte=models.F("as_at")),
                name="previous_paper_before_as_at",
                violation_error_message="The previous paper’s date is on or before the as-at date.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.meeting})"

    def get_absolute_url(self) -> str:
        return reverse("committee:paper-preview", args=[self.pk])

    @property
    def to_line(self) -> str:
        return self.to or f"{self.meeting.body.name} - {self.meeting.date:%-d %B %Y}"

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED

    def clean(self) -> None:
        if self.previous_paper_date and self.as_at and self.previous_paper_date > self.as_at:
            raise ValidationError(
                {"previous_paper_date": "The previous paper’s date cannot be after the as at date."}
            )


class PaperSection(models.Model):
    """A numbered section of a committee paper: a heading and the narrative under it.

    Paragraphs are separated by a blank line; lines starting "- " are bullets. A line
    holding only [progress] or [performance] is where the paragraph drawn from the data goes."""

    paper = models.ForeignKey(CommitteePaper, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField()
    heading = models.CharField(max_length=200)
    body = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["paper", "order"]

    def __str__(self) -> str:
        return self.heading
