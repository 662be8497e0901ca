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
