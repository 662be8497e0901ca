"""The governance migrations 0001 to 0002 in one, for new databases. Made by
makemigrations from the models as they stand: a new database is built in one step
per app instead of replaying every change, each of which re-rendered every related
model (through the history tables, nearly all of them). Databases that ran some of
the old migrations carry on with those; Django chooses.
Neither of the two had a data step.
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
        ("governance", "0001_initial"),
        ("governance", "0002_meetings_action_log_signing_committee_papers"),
    ]

    dependencies = [
        ("actions", "0009_one_month_open_at_a_time"),
        ("targets", "0003_dates_as_printed_kinds_never_assumed_findings_numbered_as_printed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AgendaItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField()),
                ("title", models.CharField(max_length=300)),
                ("presenter", models.CharField(blank=True, max_length=200)),
                (
                    "paper_title",
                    models.CharField(blank=True, help_text="The paper tabled", max_length=300),
                ),
                (
                    "paper_url",
                    models.CharField(
                        blank=True,
                        help_text="Where the paper is: a page of kentplan or a web address",
                        max_length=500,
                    ),
                ),
            ],
            options={
                "ordering": ["meeting", "order"],
            },
        ),
        migrations.CreateModel(
            name="BoardAction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("description", models.TextField()),
                ("due_date", models.DateField(blank=True, null=True)),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "Open"), ("closed", "Closed")],
                        default="open",
                        max_length=10,
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="board_actions",
                        to="actions.lead",
                    ),
                ),
            ],
            options={
                "ordering": ["raised_at__date", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Body",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True)),
                ("name", models.CharField(max_length=200)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("board", "Board"),
                            ("panel", "Panel"),
                            ("committee", "Committee"),
                            ("council", "Council"),
                            ("partnership", "Partnership"),
                            ("group", "Group"),
                        ],
                        max_length=20,
                    ),
                ),
                ("established", models.DateField(blank=True, null=True)),
                (
                    "meets",
                    models.CharField(
                        blank=True, help_text="How often, e.g. 'monthly'", max_length=100
                    ),
                ),
                ("description", models.TextField(blank=True)),
                ("source", models.CharField(blank=True, max_length=200)),
                (
                    "reports_to",
                    models.ManyToManyField(
                        blank=True, related_name="reported_to_by", to="governance.body"
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "bodies",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="CommitteePaper",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "by",
                    models.TextField(help_text="The cabinet member and the director, one a line"),
                ),
                (
                    "to",
                    models.CharField(
                        blank=True, help_text="Blank: the meeting’s body", max_length=300
                    ),
                ),
                ("subject", models.CharField(max_length=300)),
                ("classification", models.CharField(default="Unrestricted", max_length=100)),
                ("summary", models.TextField()),
                (
                    "as_at",
                    models.DateField(help_text="The date the figures and progress are taken at"),
                ),
                (
                    "previous_paper_date",
                    models.DateField(
                        blank=True, help_text="Progress is counted from this date", null=True
                    ),
                ),
                (
                    "readings_from",
                    models.DateField(
                        blank=True,
                        help_text="Indicator readings are compared from this date",
                        null=True,
                    ),
                ),
                ("recommendations", models.TextField()),
                ("contact_name", models.CharField(max_length=200)),
                ("contact_title", models.CharField(blank=True, max_length=300)),
                ("contact_phone", models.CharField(blank=True, max_length=50)),
                ("contact_email", models.EmailField(blank=True, max_length=254)),
                ("background_documents", models.TextField(default="None")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("issued", "Issued")],
                        default="draft",
                        max_length=10,
                    ),
                ),
                ("is_sample", models.BooleanField(default=False)),
                (
                    "indicators",
                    models.ManyToManyField(
                        blank=True, related_name="committee_papers", to="targets.indicator"
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="committee_papers",
                        to="actions.plan",
                    ),
                ),
            ],
            options={
                "ordering": ["-meeting__date", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalBody",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80)),
                ("name", models.CharField(max_length=200)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("board", "Board"),
                            ("panel", "Panel"),
                            ("committee", "Committee"),
                            ("council", "Council"),
                            ("partnership", "Partnership"),
                            ("group", "Group"),
                        ],
                        max_length=20,
                    ),
                ),
                ("established", models.DateField(blank=True, null=True)),
                (
                    "meets",
                    models.CharField(
                        blank=True, help_text="How often, e.g. 'monthly'", max_length=100
                    ),
                ),
                ("description", models.TextField(blank=True)),
                ("source", models.CharField(blank=True, max_length=200)),
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
                "verbose_name": "historical body",
                "verbose_name_plural": "historical bodies",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalBody_reports_to",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "from_body",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.body",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="governance.historicalbody",
                    ),
                ),
                (
                    "to_body",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.body",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalBody_reports_to",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCommitteePaper",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "by",
                    models.TextField(help_text="The cabinet member and the director, one a line"),
                ),
                (
                    "to",
                    models.CharField(
                        blank=True, help_text="Blank: the meeting’s body", max_length=300
                    ),
                ),
                ("subject", models.CharField(max_length=300)),
                ("classification", models.CharField(default="Unrestricted", max_length=100)),
                ("summary", models.TextField()),
                (
                    "as_at",
                    models.DateField(help_text="The date the figures and progress are taken at"),
                ),
                (
                    "previous_paper_date",
                    models.DateField(
                        blank=True, help_text="Progress is counted from this date", null=True
                    ),
                ),
                (
                    "readings_from",
                    models.DateField(
                        blank=True,
                        help_text="Indicator readings are compared from this date",
                        null=True,
                    ),
                ),
                ("recommendations", models.TextField()),
                ("contact_name", models.CharField(max_length=200)),
                ("contact_title", models.CharField(blank=True, max_length=300)),
                ("contact_phone", models.CharField(blank=True, max_length=50)),
                ("contact_email", models.EmailField(blank=True, max_length=254)),
                ("background_documents", models.TextField(default="None")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("issued", "Issued")],
                        default="draft",
                        max_length=10,
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
                "verbose_name": "historical committee paper",
                "verbose_name_plural": "historical committee papers",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCommitteePaper_indicators",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "committeepaper",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.committeepaper",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="governance.historicalcommitteepaper",
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
            ],
            options={
                "verbose_name": "HistoricalCommitteePaper_indicators",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMeeting",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField()),
                ("title", models.CharField(max_length=300)),
                ("note", models.TextField(blank=True)),
                ("source", models.CharField(blank=True, max_length=200)),
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
                    "body",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.body",
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
                "verbose_name": "historical meeting",
                "verbose_name_plural": "historical meetings",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMembership",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("chair", "Chair"),
                            ("co-chair", "Co-chair"),
                            ("member", "Member"),
                            ("observer", "Observer"),
                        ],
                        default="member",
                        max_length=20,
                    ),
                ),
                (
                    "capacity",
                    models.CharField(
                        blank=True, help_text="As the source gives it", max_length=300
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
                    "body",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.body",
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
                "verbose_name": "historical membership",
                "verbose_name_plural": "historical memberships",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPaperSection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField()),
                ("heading", models.CharField(max_length=200)),
                ("body", models.TextField()),
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
                    "paper",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.committeepaper",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical paper section",
                "verbose_name_plural": "historical paper sections",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSignatory",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("capacity", models.CharField(blank=True, max_length=300)),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "signed_on",
                    models.DateField(
                        blank=True,
                        help_text="The date written on the signed line, as it is printed",
                        null=True,
                    ),
                ),
                (
                    "signed_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="When the member signed in kentplan, from their account",
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
                (
                    "signed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The account that signed: always the member's own",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical signatory",
                "verbose_name_plural": "historical signatories",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Meeting",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField()),
                ("title", models.CharField(max_length=300)),
                ("note", models.TextField(blank=True)),
                ("source", models.CharField(blank=True, max_length=200)),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made-up demonstration data, not from the council's documents",
                    ),
                ),
                (
                    "body",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="meetings",
                        to="governance.body",
                    ),
                ),
            ],
            options={
                "ordering": ["date", "body__name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalDecision",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
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
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.agendaitem",
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
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical decision",
                "verbose_name_plural": "historical decisions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalcommitteepaper",
            name="meeting",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="governance.meeting",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalBoardActionNote",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
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
                    "action",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.boardaction",
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
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical board action note",
                "verbose_name_plural": "historical board action notes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalBoardAction",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("description", models.TextField()),
                ("due_date", models.DateField(blank=True, null=True)),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "Open"), ("closed", "Closed")],
                        default="open",
                        max_length=10,
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
                    "owner",
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
                    "closed_at",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The meeting that closed it",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.meeting",
                    ),
                ),
                (
                    "raised_at",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical board action",
                "verbose_name_plural": "historical board actions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAttendance",
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
                        choices=[("attended", "Attended"), ("apologies", "Sent apologies")],
                        max_length=20,
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
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical attendance",
                "verbose_name_plural": "historical attendances",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAgendaItem",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField()),
                ("title", models.CharField(max_length=300)),
                ("presenter", models.CharField(blank=True, max_length=200)),
                (
                    "paper_title",
                    models.CharField(blank=True, help_text="The paper tabled", max_length=300),
                ),
                (
                    "paper_url",
                    models.CharField(
                        blank=True,
                        help_text="Where the paper is: a page of kentplan or a web address",
                        max_length=500,
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
                    "meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="governance.meeting",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical agenda item",
                "verbose_name_plural": "historical agenda items",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Decision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField()),
                (
                    "agenda_item",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="decisions",
                        to="governance.agendaitem",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="decisions",
                        to="governance.meeting",
                    ),
                ),
            ],
            options={
                "ordering": ["meeting", "agenda_item__order", "pk"],
            },
        ),
        migrations.AddField(
            model_name="committeepaper",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="committee_papers",
                to="governance.meeting",
            ),
        ),
        migrations.CreateModel(
            name="BoardActionNote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField()),
                (
                    "action",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notes",
                        to="governance.boardaction",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="action_notes",
                        to="governance.meeting",
                    ),
                ),
            ],
            options={
                "ordering": ["action", "meeting__date", "pk"],
            },
        ),
        migrations.AddField(
            model_name="boardaction",
            name="closed_at",
            field=models.ForeignKey(
                blank=True,
                help_text="The meeting that closed it",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions_closed",
                to="governance.meeting",
            ),
        ),
        migrations.AddField(
            model_name="boardaction",
            name="raised_at",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions_raised",
                to="governance.meeting",
            ),
        ),
        migrations.CreateModel(
            name="Attendance",
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
                        choices=[("attended", "Attended"), ("apologies", "Sent apologies")],
                        max_length=20,
                    ),
                ),
                (
                    "lead",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attendance",
                        to="actions.lead",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="governance.meeting",
                    ),
                ),
            ],
            options={
                "ordering": ["meeting", "lead__name"],
            },
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="agenda_items",
                to="governance.meeting",
            ),
        ),
        migrations.CreateModel(
            name="Membership",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("chair", "Chair"),
                            ("co-chair", "Co-chair"),
                            ("member", "Member"),
                            ("observer", "Observer"),
                        ],
                        default="member",
                        max_length=20,
                    ),
                ),
                (
                    "capacity",
                    models.CharField(
                        blank=True, help_text="As the source gives it", max_length=300
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "body",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="governance.body",
                    ),
                ),
                (
                    "lead",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="memberships",
                        to="actions.lead",
                    ),
                ),
            ],
            options={
                "ordering": ["body", "order"],
            },
        ),
        migrations.CreateModel(
            name="PaperSection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField()),
                ("heading", models.CharField(max_length=200)),
                ("body", models.TextField()),
                (
                    "paper",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sections",
                        to="governance.committeepaper",
                    ),
                ),
            ],
            options={
                "ordering": ["paper", "order"],
            },
        ),
        migrations.CreateModel(
            name="Signatory",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("capacity", models.CharField(blank=True, max_length=300)),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "signed_on",
                    models.DateField(
                        blank=True,
                        help_text="The date written on the signed line, as it is printed",
                        null=True,
                    ),
                ),
                (
                    "signed_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="When the member signed in kentplan, from their account",
                        null=True,
                    ),
                ),
                (
                    "lead",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="signatures",
                        to="actions.lead",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="signatories",
                        to="actions.plan",
                    ),
                ),
                (
                    "signed_by",
                    models.ForeignKey(
                        blank=True,
                        help_text="The account that signed: always the member's own",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="signatures",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "signatories",
                "ordering": ["plan", "order"],
            },
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.UniqueConstraint(
                fields=("body", "date"), name="one_meeting_per_body_per_day"
            ),
        ),
        migrations.AddConstraint(
            model_name="committeepaper",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("previous_paper_date__isnull", True),
                    ("previous_paper_date__lte", models.F("as_at")),
                    _connector="OR",
                ),
                name="previous_paper_before_as_at",
                violation_error_message="The previous paper’s date is on or before the as-at date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="boardaction",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "open"), ("closed_at__isnull", True)),
                    models.Q(("status", "closed"), ("closed_at__isnull", False)),
                    _connector="OR",
                ),
                name="closed_board_action_names_its_meeting",
                violation_error_message="A closed action says which meeting closed it.",
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.UniqueConstraint(
                fields=("meeting", "lead"), name="one_attendance_per_person"
            ),
        ),
        migrations.AddConstraint(
            model_name="agendaitem",
            constraint=models.UniqueConstraint(
                fields=("meeting", "order"),
                name="one_agenda_item_per_number",
                violation_error_message="The meeting already has an agenda item with this number.",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.UniqueConstraint(
                fields=("body", "lead"), name="one_membership_per_body"
            ),
        ),
        migrations.AddConstraint(
            model_name="signatory",
            constraint=models.UniqueConstraint(
                fields=("plan", "lead"), name="one_signature_per_lead_per_plan"
            ),
        ),
        migrations.AddConstraint(
            model_name="signatory",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("signed_at__isnull", True),
                    models.Q(("signed_on__isnull", False), ("signed_by__isnull", False)),
                    _connector="OR",
                ),
                name="signed_in_product_has_date_and_account",
                violation_error_message="A signature made in kentplan has its date and account.",
            ),
        ),
    ]
