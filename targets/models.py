"""What the plan answers to: inspections and their recommendations, the Improvement
Notice and its targets, and the indicators that show how the targets are moving."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse

from kentplan.history import HistoricalRecords


class DatePrecision(models.TextChoices):
    """How much of a date the source gives: a day, or only its month ("November 2014").
    A month-only date is stored as the month's first day and shown as the month."""

    DAY = "day", "Day"
    MONTH = "month", "Month"


def precision_field(of: str) -> models.CharField:
    return models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=f"'Month' where the source gives only the month of the {of}",
    )


class Inspection(models.Model):
    class Kind(models.TextChoices):
        ANNOUNCED = "announced", "Announced"
        UNANNOUNCED = "unannounced", "Unannounced"
        THEMATIC = "thematic", "Thematic"

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=300)
    inspectorate = models.CharField(max_length=100, default="Ofsted")
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        blank=True,
        default="",
        help_text="Left blank where the sources do not say",
    )
    started = models.DateField(null=True, blank=True)
    started_precision = precision_field("inspection")
    ended = models.DateField(null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    published_precision = precision_field("publication")
    source = models.CharField(max_length=200, blank=True, help_text="Document it is taken from")
    history = HistoricalRecords()

    class Meta:
        ordering = ["started", "published", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(started__isnull=True)
                | models.Q(ended__isnull=True)
                | models.Q(started__lte=models.F("ended")),
                name="inspection_starts_before_it_ends",
                violation_error_message="An inspection cannot end before it starts.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actions:inspection-detail", args=[self.slug])

    @property
    def date(self) -> datetime.date | None:
        return self.started or self.published


class Judgement(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    order = models.PositiveSmallIntegerField(default=0)
    aspect = models.CharField(max_length=200)
    grade = models.CharField(max_length=100)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "aspect"],
                name="judgement_aspect_unique_in_inspection",
                violation_error_message="This inspection already has a judgement for that aspect.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.aspect}: {self.grade}"


class Recommendation(models.Model):
    class Timeframe(models.TextChoices):
        IMMEDIATELY = "immediately", "Immediately"
        THREE_MONTHS = "within three months", "Within three months"
        SIX_MONTHS = "within six months", "Within six months"
        NONE = "", "Not stated"

    MONTHS: dict[str, int] = {
        Timeframe.IMMEDIATELY: 0,
        Timeframe.THREE_MONTHS: 3,
        Timeframe.SIX_MONTHS: 6,
    }

    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField()
    area = models.CharField(max_length=100, blank=True)
    printed_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Where the source numbers findings within their area ('Area for "
        "development 3'), that number; empty where it numbers them through ('O 3')",
    )
    timeframe = models.CharField(
        max_length=30, choices=Timeframe.choices, blank=True, default=Timeframe.NONE
    )
    text = models.TextField()
    due_date = models.DateField(
        null=True, blank=True, help_text="Follows from the timeframe and the inspection's date"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "number"],
                name="recommendation_number_unique_in_inspection",
                violation_error_message="That number is already used in this inspection.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("actions:recommendation-detail", args=[self.inspection.slug, self.number])

    @property
    def code(self) -> str:
        """As the source numbers it: 'O 3', or 'Area for development 2'."""
        if self.printed_number is not None:
            return f"{self.area} {self.printed_number}"
        return f"O {self.number}"


class ImprovementNotice(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    issued_by = models.CharField(max_length=200, blank=True)
    issued = models.DateField(null=True, blank=True)
    issued_precision = precision_field("issue")
    issued_text = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["issued", "slug"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actions:notice-detail", args=[self.slug])


class NoticeTarget(models.Model):
    notice = models.ForeignKey(ImprovementNotice, on_delete=models.PROTECT, related_name="targets")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=120, help_text="A short name for lists")
    title_by_kentplan = models.BooleanField(
        default=False, help_text="The short name was written for kentplan; the source has none"
    )
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["notice", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "number"],
                name="notice_target_number_unique_in_notice",
                violation_error_message="That number is already used in this notice.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("actions:notice-target-detail", args=[self.notice.slug, self.number])

    @property
    def code(self) -> str:
        return f"IN {self.number}"


class Indicator(models.Model):
    class Unit(models.TextChoices):
        COUNT = "count", "Number"
        PERCENT = "percent", "Per cent"
        POINTS = "points", "Percentage points"
        DAYS = "days", "Days"

    class Polarity(models.TextChoices):
        LOWER = "lower", "Lower is better"
        HIGHER = "higher", "Higher is better"

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    unit = models.CharField(max_length=10, choices=Unit.choices)
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    baseline_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    baseline_date_precision = precision_field("baseline")
    baseline_note = models.CharField(max_length=300, blank=True)
    baseline_source = models.CharField(max_length=200, blank=True)
    target_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    target_date_precision = precision_field("target")
    target_note = models.CharField(max_length=300, blank=True)
    tolerance = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="How far worse than the trajectory a reading may be and still count as "
        "within tolerance, in the indicator's own units (cases, percentage points …)",
    )
    tolerance_note = models.CharField(max_length=300, blank=True)
    notice_targets = models.ManyToManyField(NoticeTarget, blank=True, related_name="indicators")
    history = HistoricalRecords(m2m_fields=[notice_targets])

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tolerance__isnull=True) | models.Q(tolerance__gte=0),
                name="indicator_tolerance_not_negative",
                violation_error_message="A tolerance cannot be negative.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("targets:indicator-detail", args=[self.slug])

    @property
    def latest_reading(self) -> "Measurement | None":
        """The newest reading, from prefetched measurements when they are there."""
        readings = list(self.measurements.all())
        return max(readings, key=lambda m: m.date) if readings else None


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    date = models.DateField()
    date_precision = precision_field("reading")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Document the reading is from")
    is_sample = models.BooleanField(
        default=False, help_text="Made-up demonstration data, not from the council's documents"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who recorded the reading; empty for readings loaded from the papers",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"],
                name="one_measurement_per_indicator_per_date",
                violation_error_message="This indicator already has a reading for that date.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} on {self.date:%d %B %Y}"


class TrajectoryPoint(models.Model):
    """A dated milestone between an indicator's baseline and its target. Values between
    milestones are interpolated when needed, never stored."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="trajectory_points"
    )
    date = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Document it is taken from")
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"],
                name="one_trajectory_point_per_indicator_per_date",
                violation_error_message="This indicator already has a milestone for that date.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} by {self.date:%d %B %Y}"
