from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actions import models


@admin.register(models.Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    search_fields = ["name"]


@admin.register(models.Lead)
class LeadAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "job_title", "organisation", "user"]
    list_filter = ["kind", "organisation"]
    search_fields = ["name", "job_title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["user"]


class PlanSectionInline(admin.StackedInline):
    model = models.PlanSection
    extra = 0


class PlanLeadInline(admin.TabularInline):
    model = models.PlanLead
    extra = 0
    autocomplete_fields = ["lead"]


@admin.register(models.Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["short_title", "status", "issued", "predecessor"]
    prepopulated_fields = {"slug": ["short_title"]}
    filter_horizontal = ["notices", "inspections"]
    inlines = [PlanSectionInline, PlanLeadInline]


class PriorityLeadInline(admin.TabularInline):
    model = models.PriorityLead
    extra = 0
    autocomplete_fields = ["lead"]


@admin.register(models.Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "plan"]
    list_filter = ["plan"]
    inlines = [PriorityLeadInline]


@admin.register(models.Outcome)
class OutcomeAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "statement", "plan"]
    list_filter = ["plan"]
    search_fields = ["ref", "statement"]


@admin.register(models.CoreTask)
class CoreTaskAdmin(SimpleHistoryAdmin):
    list_display = ["number", "text", "plan"]
    list_filter = ["plan"]


class ActionLeadInline(admin.TabularInline):
    model = models.ActionLead
    extra = 0
    autocomplete_fields = ["lead"]


class MeasureInline(admin.StackedInline):
    model = models.Measure
    extra = 0


class ActionLinkInline(admin.TabularInline):
    model = models.ActionLink
    fk_name = "from_action"
    extra = 0
    raw_id_fields = ["to_action"]


@admin.register(models.Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "text", "timescale", "due_date", "plan"]
    list_filter = ["plan", "outcome__priority"]
    search_fields = ["ref", "text"]
    filter_horizontal = ["notice_targets", "recommendations", "core_tasks"]
    inlines = [ActionLeadInline, MeasureInline, ActionLinkInline]
    list_select_related = ["plan"]


class MeasureLeadInline(admin.TabularInline):
    model = models.MeasureLead
    extra = 0
    autocomplete_fields = ["lead"]


@admin.register(models.Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["action", "order", "text"]
    list_filter = ["action__plan"]
    search_fields = ["text", "action__ref"]
    raw_id_fields = ["action"]
    inlines = [MeasureLeadInline]


@admin.register(models.ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["month", "opened_at", "closed_at", "is_sample"]


class EvidenceInline(admin.TabularInline):
    model = models.Evidence
    extra = 0
    raw_id_fields = ["added_by"]


@admin.register(models.ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "period", "status", "rating", "verification", "author", "is_sample"]
    list_filter = ["period", "status", "rating", "verification", "is_sample"]
    search_fields = ["action__ref", "commentary"]
    raw_id_fields = ["action", "author", "verified_by"]
    list_select_related = ["action", "period", "author"]
    inlines = [EvidenceInline]

    def get_readonly_fields(self, request, obj=None):
        """An update belongs to its action and month: moved, it would rewrite what was
        reported for both months (and what the kept pages show of them)."""
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "action", "period"] if obj is not None else fields


@admin.register(models.ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["sent_at", "lead", "action", "kind", "key"]
    list_filter = ["kind"]
    list_select_related = ["lead", "action"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(models.Chase)
class ChaseAdmin(admin.ModelAdmin):
    """The programme office's chases: a record, not for editing."""

    list_display = ["period", "day", "sent_by", "leads_emailed"]
    readonly_fields = ["period", "day", "sent_by", "leads_emailed", "sent_at"]


@admin.register(models.EvidenceDownload)
class EvidenceDownloadAdmin(admin.ModelAdmin):
    """Who downloaded which evidence file: an audit log, never edited."""

    list_display = ["at", "user", "evidence"]
    list_filter = ["user"]
    readonly_fields = ["evidence", "user", "at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(models.MonthSnapshot)
class MonthSnapshotAdmin(admin.ModelAdmin):
    """Read only: what the board was shown for a closed month never changes."""

    list_display = ["period", "action", "rating", "status", "forecast_due_date", "taken_at"]
    list_filter = ["period", "rating"]
    search_fields = ["action__ref"]
    list_select_related = ["period", "action"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
