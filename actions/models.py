"""The plan itself: plan → priority → outcome → action, with its leads and core tasks."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from kentplan.history import HistoricalRecords
from targets.models import (
    DatePrecision,
    ImprovementNotice,
    Inspection,
    NoticeTarget,
    Recommendation,
)


def ref_sort_key(ref: str) -> str:
    """'2.10.3' → '0002.0010.0003', so refs sort as readers expect."""
    parts = []
    for part in ref.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        rest = "".join(ch for ch in part if not ch.isdigit())
        parts.append(f"{int(digits or 0):04d}{rest}")
    return ".".join(parts)


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


@dataclass
class JobTitle:
    """A job title as one or more plans give it (or, for a lead no plan titles, the lead's
    own), and whether kentplan wrote it because the plan does not give it."""

    title: str
    by_kentplan: bool = False
    plans: list = field(default_factory=list)
    other_plans: int = 0  # plans giving it that `plans` leaves out (a long list is cut)


class Lead(models.Model):
    """A person or a role that leads actions, priorities, or sits on a board."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ROLE = "role", "Role"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PERSON)
    job_title = models.CharField(max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="leads"
    )
    notes = models.TextField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lead",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actions:lead-detail", args=[self.slug])

    @property
    def job_titles(self) -> list[JobTitle]:
        """The titles the plans give, newest plan first, plans giving the same title
        together; the lead's own title where no plan gives one. Reads planlead_set
        (prefetch it, with its plan; selectors.with_job_titles does it for long lists)."""
        named = (
            (pl.job_title, pl.job_title_by_kentplan, pl.plan) for pl in self.planlead_set.all()
        )
        return job_titles_from(named, own_title=self.job_title)


def job_titles_from(named, *, own_title: str) -> list[JobTitle]:
    """Lead.job_titles from (job title, written by kentplan, plan) for each plan naming the
    lead; a plan needs only its date, slug, short_title and pk (plans of one date: the
    last written first)."""
    titles: dict[tuple[str, bool], JobTitle] = {}
    rows = sorted(
        (n for n in named if n[0]),
        key=lambda n: (n[2].date or date.max, n[2].pk),  # undated: the newest
        reverse=True,
    )
    for title, by_kentplan, plan in rows:
        titles.setdefault((title, by_kentplan), JobTitle(title, by_kentplan)).plans.append(plan)
    if not titles and own_title:
        return [JobTitle(own_title)]
    return list(titles.values())


class OrderedLead(models.Model):
    """A lead named by a plan, priority, action or measure, in the order it names them."""

    lead = models.ForeignKey(Lead, on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class Plan(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=120)
    status = models.CharField(max_length=100, blank=True)
    issued = models.CharField(max_length=60, blank=True, help_text="As printed, e.g. 'March 2011'")
    date = models.DateField(null=True, blank=True)
    predecessor = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="successors"
    )
    source = models.CharField(max_length=200, blank=True)
    priority_label = models.CharField(max_length=40, default="Priority")
    outcome_label = models.CharField(max_length=40, default="Outcome")
    recommendations_from = models.ForeignKey(
        Inspection,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The inspection whose numbering the actions' O references use",
    )
    notices = models.ManyToManyField(ImprovementNotice, blank=True, related_name="plans")
    inspections = models.ManyToManyField(Inspection, blank=True, related_name="plans")
    leads = models.ManyToManyField(Lead, through="PlanLead", blank=True, related_name="plans")
    history = HistoricalRecords(m2m_fields=[notices, inspections])

    class Meta:
        ordering = ["date", "slug"]

    def __str__(self) -> str:
        return self.short_title

    def get_absolute_url(self) -> str:
        return reverse("actions:plan-detail", args=[self.slug])

    def clean(self) -> None:
        if self.predecessor_id and self.predecessor_id == self.pk:
            raise ValidationError({"predecessor": "A plan cannot follow itself."})


class PlanLead(OrderedLead):
    """A lead as one plan names them, with the job title that plan gives."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE)
    job_title = models.CharField(max_length=300, blank=True)
    job_title_by_kentplan = models.BooleanField(
        default=False, help_text="The job title was written for kentplan; the plan does not give it"
    )
    in_appendix = models.BooleanField(default=False, help_text="Listed in 'Leads and job titles'")
    notes = models.TextField(blank=True, help_text="What this plan says of them")

    class Meta:
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "lead"], name="lead_listed_once_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.lead} in {self.plan}"


class PlanSection(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField()
    heading = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="section_order_unique_in_plan")
        ]

    def __str__(self) -> str:
        return self.heading


class CoreTask(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="core_tasks")
    number = models.PositiveSmallIntegerField()
    group = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    bullets = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="core_task_number_unique_in_plan",
                violation_error_message="That core task number is already used in this plan.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("actions:core-task-detail", args=[self.plan.slug, self.number])

    @property
    def code(self) -> str:
        return f"CT {self.number}"


class Priority(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    theme = models.CharField(max_length=300, blank=True)
    key_objectives = models.TextField(blank=True)
    themes = models.JSONField(default=list, blank=True)
    leads = models.ManyToManyField(
        Lead, through="PriorityLead", blank=True, related_name="priorities"
    )
    source_notes = models.TextField(blank=True, help_text="Oddities of the source document")
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="priority_number_unique_in_plan",
                violation_error_message="That priority number is already used in this plan.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan.priority_label} {self.number} – {self.title}"


class PriorityLead(OrderedLead):
    """An accountable lead of a priority."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE)

    class Meta:
        ordering = ["priority", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "lead"], name="lead_named_once_per_priority"
            )
        ]

    def __str__(self) -> str:
        return f"{self.lead} leads {self.priority}"


class Outcome(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outcomes")
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="outcomes")
    ref = models.CharField(max_length=20)
    sort_key = models.CharField(max_length=60, editable=False)
    statement = models.TextField()
    printed_as = models.CharField(
        max_length=80,
        blank=True,
        help_text="How the source numbers it where that is not the plan's own reference, "
        "e.g. 'Area for development 3' for an inspection's finding",
    )
    source_notes = models.TextField(blank=True, help_text="Oddities of the source document")
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "ref"],
                name="outcome_ref_unique_in_plan",
                violation_error_message="That outcome reference is already used in this plan.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.statement[:80]}"

    def save(self, *args, **kwargs):
        self.sort_key = ref_sort_key(self.ref)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.priority_id and self.plan_id and self.priority.plan_id != self.plan_id:
            raise ValidationError({"priority": "The priority belongs to a different plan."})


# Action's columns the database keeps from its progress updates (see Action).
PROGRESS_FIELDS = [
    "progress_status",
    "progress_rating",
    "progress_verification",
    "progress_revised_due_date",
]


class Action(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="actions")
    ref = models.CharField(max_length=20)
    sort_key = models.CharField(max_length=60, editable=False)
    text = models.TextField()
    timescale = models.CharField(max_length=300, blank=True, help_text="As written in the plan")
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    review_date = models.DateField(null=True, blank=True)
    # "December 2011" is due at the month's end and shown as "December 2011", not a day.
    start_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    due_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    review_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    leads = models.ManyToManyField(Lead, through="ActionLead", related_name="actions")
    joint_with_partners = models.BooleanField(default=False)
    joint_with_health = models.BooleanField(default=False)
    joint_with_schools = models.BooleanField(default=False)
    notice_targets = models.ManyToManyField(NoticeTarget, blank=True, related_name="actions")
    recommendations = models.ManyToManyField(Recommendation, blank=True, related_name="actions")
    core_tasks = models.ManyToManyField(CoreTask, blank=True, related_name="actions")
    links = models.ManyToManyField(
        "self", through="ActionLink", symmetrical=False, related_name="linked_from"
    )
    source_notes = models.TextField(blank=True, help_text="Oddities of the source document")
    retired_on = models.DateField(
        null=True,
        blank=True,
        help_text="Taken out of the plan on this date; kept because it has progress updates",
    )
    retired_reason = models.TextField(blank=True)
    # The latest progress update's status, rating and verification (NULL: no update yet),
    # and the latest revised due date any update gave: kept by the database itself, by
    # triggers on actions_progressupdate (migration 0010), however an update is written.
    # My actions and the reminders group thousands of actions by them, where finding each
    # action's latest update took most of the page (at 100x the plan, 60 of its 160 ms).
    # Never written from Python: save() leaves them out, and history does not record them.
    progress_status = models.CharField(max_length=20, null=True, editable=False)  # noqa: DJ001
    progress_rating = models.CharField(max_length=10, null=True, editable=False)  # noqa: DJ001
    progress_verification = models.CharField(  # noqa: DJ001
        max_length=10, null=True, editable=False
    )
    progress_revised_due_date = models.DateField(null=True, editable=False)
    history = HistoricalRecords(
        m2m_fields=[notice_targets, recommendations, core_tasks], excluded_fields=PROGRESS_FIELDS
    )

    class Meta:
        ordering = ["plan", "sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "ref"],
                name="action_ref_unique_in_plan",
                violation_error_message="An action with this ref already exists in this plan.",
            ),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(due_date__isnull=True)
                | models.Q(start_date__lte=models.F("due_date"))
                | models.Q(source_notes__gt=""),
                name="action_start_not_after_due_unless_noted",
                violation_error_message=(
                    "The start date is after the due date. If the source plan says so, "
                    "record that in the source notes."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.text[:80]}"

    def save(self, *args, **kwargs):
        self.sort_key = ref_sort_key(self.ref)
        if not self._state.adding and kwargs.get("update_fields") is None:
            # A copy read before an update was saved would put the old latest state back.
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in PROGRESS_FIELDS
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("actions:action-detail", args=[self.plan.slug, self.ref])

    def clean(self) -> None:
        if self.outcome_id and self.plan_id and self.outcome.plan_id != self.plan_id:
            raise ValidationError({"outcome": "The outcome belongs to a different plan."})

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None

    @property
    def joint_with(self) -> list[str]:
        flags = [
            (self.joint_with_partners, "Partners"),
            (self.joint_with_health, "Health"),
            (self.joint_with_schools, "Schools"),
        ]
        return [name for on, name in flags if on]


class ActionLead(OrderedLead):
    """A delivery lead of an action."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE)

    class Meta:
        ordering = ["action", "order"]
        constraints = [
            models.UniqueConstraint(fields=["action", "lead"], name="lead_named_once_per_action")
        ]

    def __str__(self) -> str:
        return f"{self.lead} leads {self.action.ref}"


class ActionLink(models.Model):
    """'Link to 3.1.5', 'Cross reference to 5.5.1': one action pointing at another."""

    from_action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="outgoing_links")
    to_action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="incoming_links")
    wording = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["from_action", "to_action__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_action", "to_action"], name="action_linked_once_to_another"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_action=models.F("to_action")),
                name="action_does_not_link_to_itself",
                violation_error_message="An action cannot link to itself.",
            ),
        ]

    def __str__(self) -> str:
        return self.wording or f"Link to {self.to_action.ref}"


class Measure(models.Model):
    """One bullet of an action's 'Targets & Measures'."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="measures")
    order = models.PositiveSmallIntegerField()
    text = models.TextField()
    timescale = models.CharField(max_length=300, blank=True)
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    leads = models.ManyToManyField(Lead, through="MeasureLead", blank=True, related_name="measures")
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "order"], name="measure_order_unique_in_action"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class MeasureLead(OrderedLead):
    """A lead the source gives one measure of its own."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE)

    class Meta:
        ordering = ["measure", "order"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "lead"], name="lead_named_once_per_measure")
        ]

    def __str__(self) -> str:
        return str(self.lead)


class ReportingPeriod(models.Model):
    """A month of reporting, opened and closed by the programme office."""

    month = models.DateField(unique=True, help_text="The first day of the month reported on")
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    reopen_reason = models.TextField(
        blank=True, help_text="Why the programme office reopened the month after closing it"
    )
    is_sample = models.BooleanField(default=False)
    history = HistoricalRecords()
    _change_reason: str  # read by simple_history as the history row's reason

    class Meta:
        ordering = ["-month"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(month__day=1),
                name="reporting_period_is_a_whole_month",
                violation_error_message="A reporting period starts on the first of a month.",
            ),
            # One month open at a time (progress.period_open checks first, with a kinder
            # message); this keeps two programme officers opening months at the same moment,
            # or a reopen racing an open, from leaving two open.
            models.UniqueConstraint(
                models.Value(True),
                condition=models.Q(opened_at__isnull=False, closed_at__isnull=True),
                name="one_month_open_at_a_time",
                violation_error_message="Another month is open. Close it first: one month is "
                "open at a time.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%B %Y}"

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None and self.closed_at is None


class ProgressUpdate(models.Model):
    """A lead's report on one action for one month."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        ON_TRACK = "on_track", "On track"
        AT_RISK = "at_risk", "At risk"
        OFF_TRACK = "off_track", "Off track"
        COMPLETE = "complete", "Complete"

    class Rating(models.TextChoices):
        BLUE = "blue", "Blue – complete and verified"
        GREEN = "green", "Green"
        AMBER = "amber", "Amber"
        RED = "red", "Red"

    class Verification(models.TextChoices):
        NONE = "", "Not asked for"
        PENDING = "pending", "Waiting for verification"
        VERIFIED = "verified", "Verified"
        RETURNED = "returned", "Sent back"

    # Progress is never deleted with its action: an import retires the action instead.
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="progress_updates"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    rating = models.CharField(max_length=10, choices=Rating.choices)
    suggested_rating = models.CharField(max_length=10, choices=Rating.choices)
    rating_rule = models.CharField(max_length=300, help_text="Why the suggestion is what it is")
    override_reason = models.TextField(blank=True)
    commentary = models.TextField(blank=True)
    revised_due_date = models.DateField(null=True, blank=True)
    revised_reason = models.TextField(blank=True)
    verification = models.CharField(
        max_length=10, choices=Verification.choices, blank=True, default=Verification.NONE
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verified_updates",
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    return_comment = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    submitted_at = models.DateTimeField()
    is_sample = models.BooleanField(
        default=False, help_text="Made-up demonstration data, not from the council's documents"
    )
    history = HistoricalRecords()
    _change_reason: str  # read by simple_history as the history row's reason
    _history_user: Any  # read by simple_history as who saved it, outside a request too

    class Meta:
        ordering = ["-period__month", "action__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "period"],
                name="one_update_per_action_per_period",
                violation_error_message="This action already has an update for this month.",
            ),
            models.CheckConstraint(
                condition=models.Q(revised_due_date__isnull=True) | ~models.Q(revised_reason=""),
                name="revised_date_needs_a_reason",
                violation_error_message="Give a reason for the revised date.",
            ),
            models.CheckConstraint(
                condition=~models.Q(rating="blue") | models.Q(verification="verified"),
                name="blue_only_when_verified",
                violation_error_message="Only a verified completion is rated Blue.",
            ),
            models.CheckConstraint(
                condition=models.Q(rating=models.F("suggested_rating"))
                | ~models.Q(override_reason=""),
                name="override_needs_a_reason",
                violation_error_message="Give a reason for changing the suggested rating.",
            ),
        ]
        indexes = [
            # The completions awaiting verification, oldest first: the header counts them on
            # every page, so finding them must not read every update there has ever been.
            models.Index(
                fields=["submitted_at"],
                condition=models.Q(verification="pending"),
                name="updates_awaiting_verification",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action.ref}, {self.period}"


def evidence_url_validator(value: str) -> None:
    """A web or intranet address: http or https (any case) and a host, which may have no dot
    (such as http://knet/...)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value.strip())
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        raise ValidationError("Enter a web address that starts with https:// or http://")
    if not parts.hostname or any(ch.isspace() for ch in value.strip()):
        raise ValidationError(
            "Enter a web address with the name of the site after https://, "
            "such as https://www.kent.gov.uk/report or http://knet/report"
        )


def evidence_path(instance: "Evidence", filename: str) -> str:
    return f"evidence/{instance.update.action.plan.slug}/{instance.update.action.ref}/{filename}"


class Evidence(models.Model):
    """A link or an uploaded file that shows progress."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    url = models.CharField(max_length=500, blank=True, validators=[evidence_url_validator])
    file = models.FileField(upload_to=evidence_path, blank=True, max_length=300)
    description = models.CharField(max_length=300, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["update", "added_at"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(url="") | ~models.Q(file=""),
                name="evidence_is_a_link_or_a_file",
                violation_error_message="Evidence is either a link or a file.",
            )
        ]

    def __str__(self) -> str:
        return self.description or self.url or self.file.name or ""


class ReminderSent(models.Model):
    """Each reminder sent, so the same one is never sent twice."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="reminders")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20)  # due_soon | overdue | missing_update
    key = models.CharField(max_length=40, help_text="The due date or period it was about")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["lead", "action", "kind", "key"], name="each_reminder_sent_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.action.ref} to {self.lead}"


class Chase(models.Model):
    """The programme office's reminder to leads whose return for a month is missing."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="chases")
    day = models.DateField()
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    sent_at = models.DateTimeField(auto_now_add=True)
    leads_emailed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "day"],
                name="leads_chased_once_a_day",
                violation_error_message="The leads have already been chased today.",
            )
        ]

    def __str__(self) -> str:
        return f"Chase for {self.period} on {self.day}"


class EvidenceDownload(models.Model):
    """Who downloaded which evidence file, and when: evidence may hold personal data."""

    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="downloads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.user} downloaded {self.evidence} at {self.at}"


class MonthSnapshot(models.Model):
    """How one action stood when the programme office closed a month: what the board was
    shown for that month, kept unchanged whatever is corrected later."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="snapshots")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="snapshots")
    update = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The update the figures were read from (the latest up to that month)",
    )
    rating = models.CharField(max_length=10, choices=ProgressUpdate.Rating.choices, blank=True)
    status = models.CharField(max_length=20, choices=ProgressUpdate.Status.choices, blank=True)
    verification = models.CharField(
        max_length=10, choices=ProgressUpdate.Verification.choices, blank=True
    )
    forecast_due_date = models.DateField(null=True, blank=True)
    updated_that_month = models.BooleanField(default=False)
    taken_at = models.DateTimeField()

    class Meta:
        ordering = ["period", "action"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "action"], name="one_snapshot_per_action_per_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action_id} in {self.period}"
