"""The targets migrations 0001 to 0003 in one, for new databases. Made by
makemigrations from the models as they stand: a new database is built in one step
per app instead of replaying every change, each of which re-rendered every related
model (through the history tables, nearly all of them). Databases that ran some of
the old migrations carry on with those; Django chooses.
0003 only corrected rows already loaded (inspection kinds, dates as printed,
finding numbers): a new database has none, so its data step is left out.
Both routes build the same database (scripts/compare_migration_routes.py, SQLite and
PostgreSQL);
tests/kentplan/test_migrations.py checks that they give the same models."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("targets", "0001_initial"),
        ("targets", "0002_trajectories_tolerance_and_who_entered_readings"),
        ("targets", "0003_dates_as_printed_kinds_never_assumed_findings_numbered_as_printed"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ImprovementNotice",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True)),
                ("title", models.CharField(max_length=200)),
                ("issued_by", models.CharField(blank=True, max_length=200)),
                ("issued", models.DateField(blank=True, null=True)),
                (
                    "issued_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the issue",
                        max_length=5,
                    ),
                ),
                ("issued_text", models.CharField(blank=True, max_length=300)),
            ],
            options={
                "ordering": ["issued", "slug"],
            },
        ),
        migrations.CreateModel(
            name="Indicator",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True)),
                ("name", models.CharField(max_length=200)),
                ("description", models.TextField(blank=True)),
                (
                    "unit",
                    models.CharField(
                        choices=[
                            ("count", "Number"),
                            ("percent", "Per cent"),
                            ("points", "Percentage points"),
                            ("days", "Days"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "polarity",
                    models.CharField(
                        choices=[("lower", "Lower is better"), ("higher", "Higher is better")],
                        max_length=10,
                    ),
                ),
                (
                    "baseline_value",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                ("baseline_date", models.DateField(blank=True, null=True)),
                (
                    "baseline_date_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the baseline",
                        max_length=5,
                    ),
                ),
                ("baseline_note", models.CharField(blank=True, max_length=300)),
                ("baseline_source", models.CharField(blank=True, max_length=200)),
                (
                    "target_value",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                ("target_date", models.DateField(blank=True, null=True)),
                (
                    "target_date_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the target",
                        max_length=5,
                    ),
                ),
                ("target_note", models.CharField(blank=True, max_length=300)),
                (
                    "tolerance",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="How far worse than the trajectory a reading may be and still count as within tolerance, in the indicator's own units (cases, percentage points …)",
                        max_digits=12,
                        null=True,
                    ),
                ),
                ("tolerance_note", models.CharField(blank=True, max_length=300)),
            ],
            options={
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalImprovementNotice",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80)),
                ("title", models.CharField(max_length=200)),
                ("issued_by", models.CharField(blank=True, max_length=200)),
                ("issued", models.DateField(blank=True, null=True)),
                (
                    "issued_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the issue",
                        max_length=5,
                    ),
                ),
                ("issued_text", models.CharField(blank=True, max_length=300)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical improvement notice",
                "verbose_name_plural": "historical improvement notices",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalIndicator",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80)),
                ("name", models.CharField(max_length=200)),
                ("description", models.TextField(blank=True)),
                (
                    "unit",
                    models.CharField(
                        choices=[
                            ("count", "Number"),
                            ("percent", "Per cent"),
                            ("points", "Percentage points"),
                            ("days", "Days"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "polarity",
                    models.CharField(
                        choices=[("lower", "Lower is better"), ("higher", "Higher is better")],
                        max_length=10,
                    ),
                ),
                (
                    "baseline_value",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                ("baseline_date", models.DateField(blank=True, null=True)),
                (
                    "baseline_date_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the baseline",
                        max_length=5,
                    ),
                ),
                ("baseline_note", models.CharField(blank=True, max_length=300)),
                ("baseline_source", models.CharField(blank=True, max_length=200)),
                (
                    "target_value",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                ("target_date", models.DateField(blank=True, null=True)),
                (
                    "target_date_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the target",
                        max_length=5,
                    ),
                ),
                ("target_note", models.CharField(blank=True, max_length=300)),
                (
                    "tolerance",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="How far worse than the trajectory a reading may be and still count as within tolerance, in the indicator's own units (cases, percentage points …)",
                        max_digits=12,
                        null=True,
                    ),
                ),
                ("tolerance_note", models.CharField(blank=True, max_length=300)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical indicator",
                "verbose_name_plural": "historical indicators",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalInspection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80)),
                ("title", models.CharField(max_length=300)),
                ("inspectorate", models.CharField(default="Ofsted", max_length=100)),
                (
                    "kind",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("announced", "Announced"),
                            ("unannounced", "Unannounced"),
                            ("thematic", "Thematic"),
                        ],
                        default="",
                        help_text="Left blank where the sources do not say",
                        max_length=20,
                    ),
                ),
                ("started", models.DateField(blank=True, null=True)),
                (
                    "started_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the inspection",
                        max_length=5,
                    ),
                ),
                ("ended", models.DateField(blank=True, null=True)),
                ("published", models.DateField(blank=True, null=True)),
                (
                    "published_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the publication",
                        max_length=5,
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True, help_text="Document it is taken from", max_length=200
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical inspection",
                "verbose_name_plural": "historical inspections",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalNoticeTarget",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                ("title", models.CharField(help_text="A short name for lists", max_length=120)),
                (
                    "title_by_kentplan",
                    models.BooleanField(
                        default=False,
                        help_text="The short name was written for kentplan; the source has none",
                    ),
                ),
                ("text", models.TextField()),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "notice",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.improvementnotice",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical notice target",
                "verbose_name_plural": "historical notice targets",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTrajectoryPoint",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField()),
                ("value", models.DecimalField(decimal_places=2, max_digits=12)),
                ("note", models.CharField(blank=True, max_length=300)),
                (
                    "source",
                    models.CharField(
                        blank=True, help_text="Document it is taken from", max_length=200
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.indicator",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical trajectory point",
                "verbose_name_plural": "historical trajectory points",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMeasurement",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField()),
                (
                    "date_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the reading",
                        max_length=5,
                    ),
                ),
                ("value", models.DecimalField(decimal_places=2, max_digits=12)),
                ("note", models.CharField(blank=True, max_length=300)),
                (
                    "source",
                    models.CharField(
                        blank=True, help_text="Document the reading is from", max_length=200
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made-up demonstration data, not from the council's documents",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Who recorded the reading; empty for readings loaded from the papers",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.indicator",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical measurement",
                "verbose_name_plural": "historical measurements",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Inspection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True)),
                ("title", models.CharField(max_length=300)),
                ("inspectorate", models.CharField(default="Ofsted", max_length=100)),
                (
                    "kind",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("announced", "Announced"),
                            ("unannounced", "Unannounced"),
                            ("thematic", "Thematic"),
                        ],
                        default="",
                        help_text="Left blank where the sources do not say",
                        max_length=20,
                    ),
                ),
                ("started", models.DateField(blank=True, null=True)),
                (
                    "started_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the inspection",
                        max_length=5,
                    ),
                ),
                ("ended", models.DateField(blank=True, null=True)),
                ("published", models.DateField(blank=True, null=True)),
                (
                    "published_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the publication",
                        max_length=5,
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True, help_text="Document it is taken from", max_length=200
                    ),
                ),
            ],
            options={
                "ordering": ["started", "published", "slug"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("started__isnull", True),
                            ("ended__isnull", True),
                            ("started__lte", models.F("ended")),
                            _connector="OR",
                        ),
                        name="inspection_starts_before_it_ends",
                        violation_error_message="An inspection cannot end before it starts.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalRecommendation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                ("area", models.CharField(blank=True, max_length=100)),
                (
                    "printed_number",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Where the source numbers findings within their area ('Area for development 3'), that number; empty where it numbers them through ('O 3')",
                        null=True,
                    ),
                ),
                (
                    "timeframe",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("immediately", "Immediately"),
                            ("within three months", "Within three months"),
                            ("within six months", "Within six months"),
                            ("", "Not stated"),
                        ],
                        default="",
                        max_length=30,
                    ),
                ),
                ("text", models.TextField()),
                (
                    "due_date",
                    models.DateField(
                        blank=True,
                        help_text="Follows from the timeframe and the inspection's date",
                        null=True,
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "inspection",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.inspection",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical recommendation",
                "verbose_name_plural": "historical recommendations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalJudgement",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("aspect", models.CharField(max_length=200)),
                ("grade", models.CharField(max_length=100)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "inspection",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.inspection",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical judgement",
                "verbose_name_plural": "historical judgements",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="NoticeTarget",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                ("title", models.CharField(help_text="A short name for lists", max_length=120)),
                (
                    "title_by_kentplan",
                    models.BooleanField(
                        default=False,
                        help_text="The short name was written for kentplan; the source has none",
                    ),
                ),
                ("text", models.TextField()),
                (
                    "notice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="targets",
                        to="targets.improvementnotice",
                    ),
                ),
            ],
            options={
                "ordering": ["notice", "number"],
            },
        ),
        migrations.AddField(
            model_name="indicator",
            name="notice_targets",
            field=models.ManyToManyField(
                blank=True, related_name="indicators", to="targets.noticetarget"
            ),
        ),
        migrations.CreateModel(
            name="HistoricalIndicator_notice_targets",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="targets.historicalindicator",
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.indicator",
                    ),
                ),
                (
                    "noticetarget",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.noticetarget",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalIndicator_notice_targets",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Recommendation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                ("area", models.CharField(blank=True, max_length=100)),
                (
                    "printed_number",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Where the source numbers findings within their area ('Area for development 3'), that number; empty where it numbers them through ('O 3')",
                        null=True,
                    ),
                ),
                (
                    "timeframe",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("immediately", "Immediately"),
                            ("within three months", "Within three months"),
                            ("within six months", "Within six months"),
                            ("", "Not stated"),
                        ],
                        default="",
                        max_length=30,
                    ),
                ),
                ("text", models.TextField()),
                (
                    "due_date",
                    models.DateField(
                        blank=True,
                        help_text="Follows from the timeframe and the inspection's date",
                        null=True,
                    ),
                ),
                (
                    "inspection",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="recommendations",
                        to="targets.inspection",
                    ),
                ),
            ],
            options={
                "ordering": ["inspection", "number"],
            },
        ),
        migrations.CreateModel(
            name="TrajectoryPoint",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField()),
                ("value", models.DecimalField(decimal_places=2, max_digits=12)),
                ("note", models.CharField(blank=True, max_length=300)),
                (
                    "source",
                    models.CharField(
                        blank=True, help_text="Document it is taken from", max_length=200
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="trajectory_points",
                        to="targets.indicator",
                    ),
                ),
            ],
            options={
                "ordering": ["indicator", "date"],
            },
        ),
        migrations.CreateModel(
            name="Judgement",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("aspect", models.CharField(max_length=200)),
                ("grade", models.CharField(max_length=100)),
                (
                    "inspection",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="judgements",
                        to="targets.inspection",
                    ),
                ),
            ],
            options={
                "ordering": ["inspection", "order"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("inspection", "aspect"),
                        name="judgement_aspect_unique_in_inspection",
                        violation_error_message="This inspection already has a judgement for that aspect.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Measurement",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField()),
                (
                    "date_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")],
                        default="day",
                        help_text="'Month' where the source gives only the month of the reading",
                        max_length=5,
                    ),
                ),
                ("value", models.DecimalField(decimal_places=2, max_digits=12)),
                ("note", models.CharField(blank=True, max_length=300)),
                (
                    "source",
                    models.CharField(
                        blank=True, help_text="Document the reading is from", max_length=200
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made-up demonstration data, not from the council's documents",
                    ),
                ),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        help_text="Who recorded the reading; empty for readings loaded from the papers",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="measurements",
                        to="targets.indicator",
                    ),
                ),
            ],
            options={
                "ordering": ["indicator", "date"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("indicator", "date"),
                        name="one_measurement_per_indicator_per_date",
                        violation_error_message="This indicator already has a reading for that date.",
                    )
                ],
            },
        ),
        migrations.AddConstraint(
            model_name="noticetarget",
            constraint=models.UniqueConstraint(
                fields=("notice", "number"),
                name="notice_target_number_unique_in_notice",
                violation_error_message="That number is already used in this notice.",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicator",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("tolerance__isnull", True), ("tolerance__gte", 0), _connector="OR"
                ),
                name="indicator_tolerance_not_negative",
                violation_error_message="A tolerance cannot be negative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="recommendation",
            constraint=models.UniqueConstraint(
                fields=("inspection", "number"),
                name="recommendation_number_unique_in_inspection",
                violation_error_message="That number is already used in this inspection.",
            ),
        ),
        migrations.AddConstraint(
            model_name="trajectorypoint",
            constraint=models.UniqueConstraint(
                fields=("indicator", "date"),
                name="one_trajectory_point_per_indicator_per_date",
                violation_error_message="This indicator already has a milestone for that date.",
            ),
        ),
    ]
