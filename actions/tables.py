"""The actions table (django-tables2)."""

import django_tables2 as tables
from django.db.models import F
from django.utils.html import format_html, format_html_join

from actions.models import Action


class ActionTable(tables.Table):
    ref = tables.Column(verbose_name="Ref", linkify=True, order_by=("sort_key",))
    text = tables.Column(verbose_name="Action", orderable=False)
    timescale = tables.Column(verbose_name="Timescale", order_by=("due_date", "sort_key"))
    leads = tables.Column(verbose_name="Delivery leads", empty_values=(), orderable=False)
    due_date = tables.DateColumn(
        verbose_name="Due", format="j M Y", order_by=("due_date", "sort_key")
    )
    serves = tables.Column(verbose_name="Serves", empty_values=(), orderable=False)

    class Meta:
        model = Action
        fields = ("ref", "text", "timescale", "leads", "due_date", "serves")
        order_by = "ref"
        attrs = {"class": "govuk-table kp-table--actions"}

    def order_due_date(self, queryset, is_descending: bool):
        """Undated actions last either way, on SQLite as on PostgreSQL."""
        due = (
            F("due_date").desc(nulls_last=True)
            if is_descending
            else F("due_date").asc(nulls_last=True)
        )
        return queryset.order_by(due, "sort_key"), True

    def order_timescale(self, queryset, is_descending: bool):
        return self.order_due_date(queryset, is_descending)

    def render_ref(self, value: str, record: Action):
        if record.is_retired:
            return format_html(
                '{} <strong class="govuk-tag govuk-tag--grey">Retired</strong>', value
            )
        return value

    def render_leads(self, record: Action):
        return format_html_join(", ", "{}", ((al.lead.name,) for al in record.actionlead_set.all()))

    def render_serves(self, record: Action):
        codes = [t.code for t in record.notice_targets.all()]
        codes += [r.code for r in record.recommendations.all()]
        codes += [c.code for c in record.core_tasks.all()]
        if record.joint_with:
            codes.append("Joint: " + ", ".join(record.joint_with))
        return format_html_join(" ", '<span class="kp-ref">{}</span>', ((c,) for c in codes))

    def value_leads(self, record: Action) -> str:
        return ", ".join(al.lead.name for al in record.actionlead_set.all())

    def render_text(self, value: str):
        return format_html("{}", value)
