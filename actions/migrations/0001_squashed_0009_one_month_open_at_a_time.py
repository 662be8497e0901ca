"""The actions migrations 0001 to 0009 in one, for new databases. Made by
makemigrations from the models as they stand: a new database is built in one step
per app instead of replaying every change, each of which re-rendered every related
model (through the history tables, nearly all of them). Databases that ran some of
the old migrations carry on with those; Django chooses.
0005 and 0007 only corrected rows already loaded (Kathy Lambourn's job title,
month-only dates): a new database has none, so their data steps are left out.
Both routes build the same database (scripts/compare_migration_routes.py, SQLite and
PostgreSQL);
tests/kentplan/test_migrations.py checks that they give the same models."""

import actions.models
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("actions", "0001_initial"),
        ("actions", "0002_action_retired_and_protected_updates"),
        ("actions", "0002_month_snapshots"),
        ("actions", "0002_period_reopen_chase_downloads_intranet_links"),
        ("actions", "0003_merge_retired_actions_and_reporting_cycle"),
        ("actions", "0004_merge_month_snapshots"),
        ("actions", "0005_job_titles_written_by_kentplan"),
        ("actions", "0006_outcome_printed_as"),
        ("actions", "0007_action_date_precision"),
        ("actions", "0008_updates_awaiting_verification_index"),
        ("actions", "0009_one_month_open_at_a_time"),
    ]

    dependencies = [
        ("targets", "0003_dates_as_printed_kinds_never_assumed_findings_numbered_as_printed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CoreTask",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                ("group", models.CharField(blank=True, max_length=200)),
                ("text", models.TextField()),
                ("bullets", models.JSONField(blank=True, default=list)),
            ],
            options={
                "ordering": ["plan", "number"],
            },
        ),
        migrations.CreateModel(
            name="Organisation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, unique=True)),
            ],
            options={
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Outcome",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("ref", models.CharField(max_length=20)),
                ("sort_key", models.CharField(editable=False, max_length=60)),
                ("statement", models.TextField()),
                (
                    "printed_as",
                    models.CharField(
                        blank=True,
                        help_text="How the source numbers it where that is not the plan's own reference, e.g. 'Area for development 3' for an inspection's finding",
                        max_length=80,
                    ),
                ),
                (
                    "source_notes",
                    models.TextField(blank=True, help_text="Oddities of the source document"),
                ),
            ],
            options={
                "ordering": ["plan", "sort_key"],
            },
        ),
        migrations.CreateModel(
            name="Action",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("ref", models.CharField(max_length=20)),
                ("sort_key", models.CharField(editable=False, max_length=60)),
                ("text", models.TextField()),
                (
                    "timescale",
                    models.CharField(
                        blank=True, help_text="As written in the plan", max_length=300
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True)),
                ("due_date", models.DateField(blank=True, null=True)),
                ("review_date", models.DateField(blank=True, null=True)),
                (
                    "start_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")], default="day", max_length=5
                    ),
                ),
                (
                    "due_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")], default="day", max_length=5
                    ),
                ),
                (
                    "review_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")], default="day", max_length=5
                    ),
                ),
                ("joint_with_partners", models.BooleanField(default=False)),
                ("joint_with_health", models.BooleanField(default=False)),
                ("joint_with_schools", models.BooleanField(default=False)),
                (
                    "source_notes",
                    models.TextField(blank=True, help_text="Oddities of the source document"),
                ),
                (
                    "retired_on",
                    models.DateField(
                        blank=True,
                        help_text="Taken out of the plan on this date; kept because it has progress updates",
                        null=True,
                    ),
                ),
                ("retired_reason", models.TextField(blank=True)),
                (
                    "notice_targets",
                    models.ManyToManyField(
                        blank=True, related_name="actions", to="targets.noticetarget"
                    ),
                ),
                (
                    "recommendations",
                    models.ManyToManyField(
                        blank=True, related_name="actions", to="targets.recommendation"
                    ),
                ),
            ],
            options={
                "ordering": ["plan", "sort_key"],
            },
        ),
        migrations.CreateModel(
            name="ActionLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("wording", models.CharField(blank=True, max_length=200)),
                (
                    "from_action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="outgoing_links",
                        to="actions.action",
                    ),
                ),
                (
                    "to_action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="incoming_links",
                        to="actions.action",
                    ),
                ),
            ],
            options={
                "ordering": ["from_action", "to_action__sort_key"],
            },
        ),
        migrations.AddField(
            model_name="action",
            name="links",
            field=models.ManyToManyField(
                related_name="linked_from", through="actions.ActionLink", to="actions.action"
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="core_tasks",
            field=models.ManyToManyField(blank=True, related_name="actions", to="actions.coretask"),
        ),
        migrations.CreateModel(
            name="Evidence",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "url",
                    models.CharField(
                        blank=True,
                        max_length=500,
                        validators=[actions.models.evidence_url_validator],
                    ),
                ),
                (
                    "file",
                    models.FileField(
                        blank=True, max_length=300, upload_to=actions.models.evidence_path
                    ),
                ),
                ("description", models.CharField(blank=True, max_length=300)),
                ("added_at", models.DateTimeField(auto_now_add=True)),
                (
                    "added_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "evidence",
                "ordering": ["update", "added_at"],
            },
        ),
        migrations.CreateModel(
            name="EvidenceDownload",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("at", models.DateTimeField(auto_now_add=True)),
                (
                    "evidence",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="downloads",
                        to="actions.evidence",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "ordering": ["-at"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAction",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("ref", models.CharField(max_length=20)),
                ("sort_key", models.CharField(editable=False, max_length=60)),
                ("text", models.TextField()),
                (
                    "timescale",
                    models.CharField(
                        blank=True, help_text="As written in the plan", max_length=300
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True)),
                ("due_date", models.DateField(blank=True, null=True)),
                ("review_date", models.DateField(blank=True, null=True)),
                (
                    "start_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")], default="day", max_length=5
                    ),
                ),
                (
                    "due_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")], default="day", max_length=5
                    ),
                ),
                (
                    "review_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month")], default="day", max_length=5
                    ),
                ),
                ("joint_with_partners", models.BooleanField(default=False)),
                ("joint_with_health", models.BooleanField(default=False)),
                ("joint_with_schools", models.BooleanField(default=False)),
                (
                    "source_notes",
                    models.TextField(blank=True, help_text="Oddities of the source document"),
                ),
                (
                    "retired_on",
                    models.DateField(
                        blank=True,
                        help_text="Taken out of the plan on this date; kept because it has progress updates",
                        null=True,
                    ),
                ),
                ("retired_reason", models.TextField(blank=True)),
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
                    "outcome",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.outcome",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical action",
                "verbose_name_plural": "historical actions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAction_core_tasks",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.action",
                    ),
                ),
                (
                    "coretask",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.coretask",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="actions.historicalaction",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalAction_core_tasks",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAction_notice_targets",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.action",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="actions.historicalaction",
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
                "verbose_name": "HistoricalAction_notice_targets",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAction_recommendations",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.action",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="actions.historicalaction",
                    ),
                ),
                (
                    "recommendation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.recommendation",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalAction_recommendations",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalActionLink",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("wording", models.CharField(blank=True, max_length=200)),
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
                    "from_action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.action",
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
                    "to_action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.action",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical action link",
                "verbose_name_plural": "historical action links",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMeasure",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField()),
                ("text", models.TextField()),
                ("timescale", models.CharField(blank=True, max_length=300)),
                ("start_date", models.DateField(blank=True, null=True)),
                ("due_date", models.DateField(blank=True, null=True)),
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
                    "action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.action",
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
                "verbose_name": "historical measure",
                "verbose_name_plural": "historical measures",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOrganisation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(db_index=True, max_length=200)),
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
                "verbose_name": "historical organisation",
                "verbose_name_plural": "historical organisations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80)),
                ("title", models.CharField(max_length=300)),
                ("short_title", models.CharField(max_length=120)),
                ("status", models.CharField(blank=True, max_length=100)),
                (
                    "issued",
                    models.CharField(
                        blank=True, help_text="As printed, e.g. 'March 2011'", max_length=60
                    ),
                ),
                ("date", models.DateField(blank=True, null=True)),
                ("source", models.CharField(blank=True, max_length=200)),
                ("priority_label", models.CharField(default="Priority", max_length=40)),
                ("outcome_label", models.CharField(default="Outcome", max_length=40)),
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
                    "recommendations_from",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The inspection whose numbering the actions' O references use",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.inspection",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical plan",
                "verbose_name_plural": "historical plans",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalReportingPeriod",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "month",
                    models.DateField(
                        db_index=True, help_text="The first day of the month reported on"
                    ),
                ),
                ("opened_at", models.DateTimeField(blank=True, null=True)),
                ("closed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "reopen_reason",
                    models.TextField(
                        blank=True,
                        help_text="Why the programme office reopened the month after closing it",
                    ),
                ),
                ("is_sample", models.BooleanField(default=False)),
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
                "verbose_name": "historical reporting period",
                "verbose_name_plural": "historical reporting periods",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Lead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, unique=True)),
                ("slug", models.SlugField(max_length=200, unique=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[("person", "Person"), ("role", "Role")],
                        default="person",
                        max_length=10,
                    ),
                ),
                ("job_title", models.CharField(blank=True, max_length=300)),
                ("notes", models.TextField(blank=True)),
                (
                    "user",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="lead",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="leads",
                        to="actions.organisation",
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalActionLead",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
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
                    "action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.action",
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
                    "lead",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.lead",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical action lead",
                "verbose_name_plural": "historical action leads",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="ActionLead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="actions.action"
                    ),
                ),
                (
                    "lead",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="actions.lead"
                    ),
                ),
            ],
            options={
                "ordering": ["action", "order"],
            },
        ),
        migrations.AddField(
            model_name="action",
            name="leads",
            field=models.ManyToManyField(
                related_name="actions", through="actions.ActionLead", to="actions.lead"
            ),
        ),
        migrations.CreateModel(
            name="Measure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField()),
                ("text", models.TextField()),
                ("timescale", models.CharField(blank=True, max_length=300)),
                ("start_date", models.DateField(blank=True, null=True)),
                ("due_date", models.DateField(blank=True, null=True)),
                (
                    "action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="measures",
                        to="actions.action",
                    ),
                ),
            ],
            options={
                "ordering": ["action", "order"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalMeasureLead",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
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
                    "lead",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.lead",
                    ),
                ),
                (
                    "measure",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.measure",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical measure lead",
                "verbose_name_plural": "historical measure leads",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="MeasureLead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "lead",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="actions.lead"
                    ),
                ),
                (
                    "measure",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="actions.measure"
                    ),
                ),
            ],
            options={
                "ordering": ["measure", "order"],
            },
        ),
        migrations.AddField(
            model_name="measure",
            name="leads",
            field=models.ManyToManyField(
                blank=True,
                related_name="measures",
                through="actions.MeasureLead",
                to="actions.lead",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalLead",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(db_index=True, max_length=200)),
                ("slug", models.SlugField(max_length=200)),
                (
                    "kind",
                    models.CharField(
                        choices=[("person", "Person"), ("role", "Role")],
                        default="person",
                        max_length=10,
                    ),
                ),
                ("job_title", models.CharField(blank=True, max_length=300)),
                ("notes", models.TextField(blank=True)),
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
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical lead",
                "verbose_name_plural": "historical leads",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="action",
            name="outcome",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="actions",
                to="actions.outcome",
            ),
        ),
        migrations.CreateModel(
            name="Plan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True)),
                ("title", models.CharField(max_length=300)),
                ("short_title", models.CharField(max_length=120)),
                ("status", models.CharField(blank=True, max_length=100)),
                (
                    "issued",
                    models.CharField(
                        blank=True, help_text="As printed, e.g. 'March 2011'", max_length=60
                    ),
                ),
                ("date", models.DateField(blank=True, null=True)),
                ("source", models.CharField(blank=True, max_length=200)),
                ("priority_label", models.CharField(default="Priority", max_length=40)),
                ("outcome_label", models.CharField(default="Outcome", max_length=40)),
                (
                    "inspections",
                    models.ManyToManyField(
                        blank=True, related_name="plans", to="targets.inspection"
                    ),
                ),
                (
                    "notices",
                    models.ManyToManyField(
                        blank=True, related_name="plans", to="targets.improvementnotice"
                    ),
                ),
                (
                    "predecessor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="successors",
                        to="actions.plan",
                    ),
                ),
                (
                    "recommendations_from",
                    models.ForeignKey(
                        blank=True,
                        help_text="The inspection whose numbering the actions' O references use",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="targets.inspection",
                    ),
                ),
            ],
            options={
                "ordering": ["date", "slug"],
            },
        ),
        migrations.AddField(
            model_name="outcome",
            name="plan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="outcomes",
                to="actions.plan",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalPriority",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                ("title", models.CharField(max_length=200)),
                ("theme", models.CharField(blank=True, max_length=300)),
                ("key_objectives", models.TextField(blank=True)),
                ("themes", models.JSONField(blank=True, default=list)),
                (
                    "source_notes",
                    models.TextField(blank=True, help_text="Oddities of the source document"),
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical priority",
                "verbose_name_plural": "historical priorities",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlanSection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField()),
                ("heading", models.CharField(max_length=200)),
                ("body", models.TextField(blank=True)),
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical plan section",
                "verbose_name_plural": "historical plan sections",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlanLead",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("job_title", models.CharField(blank=True, max_length=300)),
                (
                    "job_title_by_kentplan",
                    models.BooleanField(
                        default=False,
                        help_text="The job title was written for kentplan; the plan does not give it",
                    ),
                ),
                (
                    "in_appendix",
                    models.BooleanField(
                        default=False, help_text="Listed in 'Leads and job titles'"
                    ),
                ),
                ("notes", models.TextField(blank=True, help_text="What this plan says of them")),
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
                    "lead",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.lead",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical plan lead",
                "verbose_name_plural": "historical plan leads",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlan_notices",
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
                        to="actions.historicalplan",
                    ),
                ),
                (
                    "improvementnotice",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.improvementnotice",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPlan_notices",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlan_inspections",
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
                        to="actions.historicalplan",
                    ),
                ),
                (
                    "inspection",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="targets.inspection",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPlan_inspections",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalplan",
            name="predecessor",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="actions.plan",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalCoreTask",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                ("group", models.CharField(blank=True, max_length=200)),
                ("text", models.TextField()),
                ("bullets", models.JSONField(blank=True, default=list)),
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical core task",
                "verbose_name_plural": "historical core tasks",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalaction",
            name="plan",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="actions.plan",
            ),
        ),
        migrations.AddField(
            model_name="coretask",
            name="plan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="core_tasks",
                to="actions.plan",
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="plan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="actions",
                to="actions.plan",
            ),
        ),
        migrations.CreateModel(
            name="PlanLead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                ("job_title", models.CharField(blank=True, max_length=300)),
                (
                    "job_title_by_kentplan",
                    models.BooleanField(
                        default=False,
                        help_text="The job title was written for kentplan; the plan does not give it",
                    ),
                ),
                (
                    "in_appendix",
                    models.BooleanField(
                        default=False, help_text="Listed in 'Leads and job titles'"
                    ),
                ),
                ("notes", models.TextField(blank=True, help_text="What this plan says of them")),
                (
                    "lead",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="actions.lead"
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="actions.plan"
                    ),
                ),
            ],
            options={
                "ordering": ["plan", "order"],
            },
        ),
        migrations.AddField(
            model_name="plan",
            name="leads",
            field=models.ManyToManyField(
                blank=True, related_name="plans", through="actions.PlanLead", to="actions.lead"
            ),
        ),
        migrations.CreateModel(
            name="PlanSection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField()),
                ("heading", models.CharField(max_length=200)),
                ("body", models.TextField(blank=True)),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sections",
                        to="actions.plan",
                    ),
                ),
            ],
            options={
                "ordering": ["plan", "order"],
            },
        ),
        migrations.CreateModel(
            name="Priority",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveSmallIntegerField()),
                ("title", models.CharField(max_length=200)),
                ("theme", models.CharField(blank=True, max_length=300)),
                ("key_objectives", models.TextField(blank=True)),
                ("themes", models.JSONField(blank=True, default=list)),
                (
                    "source_notes",
                    models.TextField(blank=True, help_text="Oddities of the source document"),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="priorities",
                        to="actions.plan",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "priorities",
                "ordering": ["plan", "number"],
            },
        ),
        migrations.AddField(
            model_name="outcome",
            name="priority",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="outcomes",
                to="actions.priority",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalPriorityLead",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
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
                    "lead",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.lead",
                    ),
                ),
                (
                    "priority",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.priority",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical priority lead",
                "verbose_name_plural": "historical priority leads",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOutcome",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("ref", models.CharField(max_length=20)),
                ("sort_key", models.CharField(editable=False, max_length=60)),
                ("statement", models.TextField()),
                (
                    "printed_as",
                    models.CharField(
                        blank=True,
                        help_text="How the source numbers it where that is not the plan's own reference, e.g. 'Area for development 3' for an inspection's finding",
                        max_length=80,
                    ),
                ),
                (
                    "source_notes",
                    models.TextField(blank=True, help_text="Oddities of the source document"),
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.plan",
                    ),
                ),
                (
                    "priority",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.priority",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical outcome",
                "verbose_name_plural": "historical outcomes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PriorityLead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "lead",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="actions.lead"
                    ),
                ),
                (
                    "priority",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="actions.priority"
                    ),
                ),
            ],
            options={
                "ordering": ["priority", "order"],
            },
        ),
        migrations.AddField(
            model_name="priority",
            name="leads",
            field=models.ManyToManyField(
                blank=True,
                related_name="priorities",
                through="actions.PriorityLead",
                to="actions.lead",
            ),
        ),
        migrations.CreateModel(
            name="ProgressUpdate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("on_track", "On track"),
                            ("at_risk", "At risk"),
                            ("off_track", "Off track"),
                            ("complete", "Complete"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "rating",
                    models.CharField(
                        choices=[
                            ("blue", "Blue – complete and verified"),
                            ("green", "Green"),
                            ("amber", "Amber"),
                            ("red", "Red"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "suggested_rating",
                    models.CharField(
                        choices=[
                            ("blue", "Blue – complete and verified"),
                            ("green", "Green"),
                            ("amber", "Amber"),
                            ("red", "Red"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "rating_rule",
                    models.CharField(help_text="Why the suggestion is what it is", max_length=300),
                ),
                ("override_reason", models.TextField(blank=True)),
                ("commentary", models.TextField(blank=True)),
                ("revised_due_date", models.DateField(blank=True, null=True)),
                ("revised_reason", models.TextField(blank=True)),
                (
                    "verification",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Not asked for"),
                            ("pending", "Waiting for verification"),
                            ("verified", "Verified"),
                            ("returned", "Sent back"),
                        ],
                        default="",
                        max_length=10,
                    ),
                ),
                ("verified_at", models.DateTimeField(blank=True, null=True)),
                ("return_comment", models.TextField(blank=True)),
                ("version", models.PositiveIntegerField(default=1)),
                ("submitted_at", models.DateTimeField()),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made-up demonstration data, not from the council's documents",
                    ),
                ),
                (
                    "action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="updates",
                        to="actions.action",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="progress_updates",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "verified_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="verified_updates",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-period__month", "action__sort_key"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalEvidence",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "url",
                    models.CharField(
                        blank=True,
                        max_length=500,
                        validators=[actions.models.evidence_url_validator],
                    ),
                ),
                ("file", models.TextField(blank=True, max_length=300)),
                ("description", models.CharField(blank=True, max_length=300)),
                ("added_at", models.DateTimeField(blank=True, editable=False)),
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
                    "added_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
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
                    "update",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.progressupdate",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical evidence",
                "verbose_name_plural": "historical evidence",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="evidence",
            name="update",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="evidence",
                to="actions.progressupdate",
            ),
        ),
        migrations.CreateModel(
            name="ReminderSent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=20)),
                (
                    "key",
                    models.CharField(
                        help_text="The due date or period it was about", max_length=40
                    ),
                ),
                ("sent_at", models.DateTimeField(auto_now_add=True)),
                (
                    "action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reminders",
                        to="actions.action",
                    ),
                ),
                (
                    "lead",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reminders",
                        to="actions.lead",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="ReportingPeriod",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "month",
                    models.DateField(
                        help_text="The first day of the month reported on", unique=True
                    ),
                ),
                ("opened_at", models.DateTimeField(blank=True, null=True)),
                ("closed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "reopen_reason",
                    models.TextField(
                        blank=True,
                        help_text="Why the programme office reopened the month after closing it",
                    ),
                ),
                ("is_sample", models.BooleanField(default=False)),
            ],
            options={
                "ordering": ["-month"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("month__day", 1)),
                        name="reporting_period_is_a_whole_month",
                        violation_error_message="A reporting period starts on the first of a month.",
                    ),
                    models.UniqueConstraint(
                        models.Value(True),
                        condition=models.Q(
                            ("closed_at__isnull", True), ("opened_at__isnull", False)
                        ),
                        name="one_month_open_at_a_time",
                        violation_error_message="Another month is open. Close it first: one month is open at a time.",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="progressupdate",
            name="period",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="updates",
                to="actions.reportingperiod",
            ),
        ),
        migrations.CreateModel(
            name="MonthSnapshot",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "rating",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("blue", "Blue – complete and verified"),
                            ("green", "Green"),
                            ("amber", "Amber"),
                            ("red", "Red"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("not_started", "Not started"),
                            ("on_track", "On track"),
                            ("at_risk", "At risk"),
                            ("off_track", "Off track"),
                            ("complete", "Complete"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "verification",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Not asked for"),
                            ("pending", "Waiting for verification"),
                            ("verified", "Verified"),
                            ("returned", "Sent back"),
                        ],
                        max_length=10,
                    ),
                ),
                ("forecast_due_date", models.DateField(blank=True, null=True)),
                ("updated_that_month", models.BooleanField(default=False)),
                ("taken_at", models.DateTimeField()),
                (
                    "action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="snapshots",
                        to="actions.action",
                    ),
                ),
                (
                    "update",
                    models.ForeignKey(
                        blank=True,
                        help_text="The update the figures were read from (the latest up to that month)",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="actions.progressupdate",
                    ),
                ),
                (
                    "period",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="snapshots",
                        to="actions.reportingperiod",
                    ),
                ),
            ],
            options={
                "ordering": ["period", "action"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalProgressUpdate",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("on_track", "On track"),
                            ("at_risk", "At risk"),
                            ("off_track", "Off track"),
                            ("complete", "Complete"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "rating",
                    models.CharField(
                        choices=[
                            ("blue", "Blue – complete and verified"),
                            ("green", "Green"),
                            ("amber", "Amber"),
                            ("red", "Red"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "suggested_rating",
                    models.CharField(
                        choices=[
                            ("blue", "Blue – complete and verified"),
                            ("green", "Green"),
                            ("amber", "Amber"),
                            ("red", "Red"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "rating_rule",
                    models.CharField(help_text="Why the suggestion is what it is", max_length=300),
                ),
                ("override_reason", models.TextField(blank=True)),
                ("commentary", models.TextField(blank=True)),
                ("revised_due_date", models.DateField(blank=True, null=True)),
                ("revised_reason", models.TextField(blank=True)),
                (
                    "verification",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Not asked for"),
                            ("pending", "Waiting for verification"),
                            ("verified", "Verified"),
                            ("returned", "Sent back"),
                        ],
                        default="",
                        max_length=10,
                    ),
                ),
                ("verified_at", models.DateTimeField(blank=True, null=True)),
                ("return_comment", models.TextField(blank=True)),
                ("version", models.PositiveIntegerField(default=1)),
                ("submitted_at", models.DateTimeField()),
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
                    "action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.action",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
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
                    "verified_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "period",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="actions.reportingperiod",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical progress update",
                "verbose_name_plural": "historical progress updates",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Chase",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("day", models.DateField()),
                ("sent_at", models.DateTimeField(auto_now_add=True)),
                ("leads_emailed", models.PositiveIntegerField(default=0)),
                (
                    "sent_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL
                    ),
                ),
                (
                    "period",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="chases",
                        to="actions.reportingperiod",
                    ),
                ),
            ],
            options={
                "ordering": ["-sent_at"],
            },
        ),
        migrations.AddConstraint(
            model_name="actionlink",
            constraint=models.UniqueConstraint(
                fields=("from_action", "to_action"), name="action_linked_once_to_another"
            ),
        ),
        migrations.AddConstraint(
            model_name="actionlink",
            constraint=models.CheckConstraint(
                condition=models.Q(("from_action", models.F("to_action")), _negated=True),
                name="action_does_not_link_to_itself",
                violation_error_message="An action cannot link to itself.",
            ),
        ),
        migrations.AddConstraint(
            model_name="actionlead",
            constraint=models.UniqueConstraint(
                fields=("action", "lead"), name="lead_named_once_per_action"
            ),
        ),
        migrations.AddConstraint(
            model_name="measurelead",
            constraint=models.UniqueConstraint(
                fields=("measure", "lead"), name="lead_named_once_per_measure"
            ),
        ),
        migrations.AddConstraint(
            model_name="measure",
            constraint=models.UniqueConstraint(
                fields=("action", "order"), name="measure_order_unique_in_action"
            ),
        ),
        migrations.AddConstraint(
            model_name="coretask",
            constraint=models.UniqueConstraint(
                fields=("plan", "number"),
                name="core_task_number_unique_in_plan",
                violation_error_message="That core task number is already used in this plan.",
            ),
        ),
        migrations.AddConstraint(
            model_name="action",
            constraint=models.UniqueConstraint(
                fields=("plan", "ref"),
                name="action_ref_unique_in_plan",
                violation_error_message="An action with this ref already exists in this plan.",
            ),
        ),
        migrations.AddConstraint(
            model_name="action",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("due_date__isnull", True),
                    ("start_date__lte", models.F("due_date")),
                    ("source_notes__gt", ""),
                    _connector="OR",
                ),
                name="action_start_not_after_due_unless_noted",
                violation_error_message="The start date is after the due date. If the source plan says so, record that in the source notes.",
            ),
        ),
        migrations.AddConstraint(
            model_name="planlead",
            constraint=models.UniqueConstraint(
                fields=("plan", "lead"), name="lead_listed_once_per_plan"
            ),
        ),
        migrations.AddConstraint(
            model_name="plansection",
            constraint=models.UniqueConstraint(
                fields=("plan", "order"), name="section_order_unique_in_plan"
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.UniqueConstraint(
                fields=("plan", "ref"),
                name="outcome_ref_unique_in_plan",
                violation_error_message="That outcome reference is already used in this plan.",
            ),
        ),
        migrations.AddConstraint(
            model_name="prioritylead",
            constraint=models.UniqueConstraint(
                fields=("priority", "lead"), name="lead_named_once_per_priority"
            ),
        ),
        migrations.AddConstraint(
            model_name="priority",
            constraint=models.UniqueConstraint(
                fields=("plan", "number"),
                name="priority_number_unique_in_plan",
                violation_error_message="That priority number is already used in this plan.",
            ),
        ),
        migrations.AddConstraint(
            model_name="evidence",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("url", ""), _negated=True),
                    models.Q(("file", ""), _negated=True),
                    _connector="OR",
                ),
                name="evidence_is_a_link_or_a_file",
                violation_error_message="Evidence is either a link or a file.",
            ),
        ),
        migrations.AddConstraint(
            model_name="remindersent",
            constraint=models.UniqueConstraint(
                fields=("lead", "action", "kind", "key"), name="each_reminder_sent_once"
            ),
        ),
        migrations.AddIndex(
            model_name="progressupdate",
            index=models.Index(
                condition=models.Q(("verification", "pending")),
                fields=["submitted_at"],
                name="updates_awaiting_verification",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressupdate",
            constraint=models.UniqueConstraint(
                fields=("action", "period"),
                name="one_update_per_action_per_period",
                violation_error_message="This action already has an update for this month.",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressupdate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("revised_due_date__isnull", True),
                    models.Q(("revised_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="revised_date_needs_a_reason",
                violation_error_message="Give a reason for the revised date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressupdate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("rating", "blue"), _negated=True),
                    ("verification", "verified"),
                    _connector="OR",
                ),
                name="blue_only_when_verified",
                violation_error_message="Only a verified completion is rated Blue.",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressupdate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("rating", models.F("suggested_rating")),
                    models.Q(("override_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="override_needs_a_reason",
                violation_error_message="Give a reason for changing the suggested rating.",
            ),
        ),
        migrations.AddConstraint(
            model_name="monthsnapshot",
            constraint=models.UniqueConstraint(
                fields=("period", "action"), name="one_snapshot_per_action_per_month"
            ),
        ),
        migrations.AddConstraint(
            model_name="chase",
            constraint=models.UniqueConstraint(
                fields=("period", "day"),
                name="leads_chased_once_a_day",
                violation_error_message="The leads have already been chased today.",
            ),
        ),
    ]
