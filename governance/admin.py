from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance import models


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 0
    autocomplete_fields = ["lead"]


@admin.register(models.Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "meets"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["reports_to"]
    inlines = [MembershipInline]


class AgendaItemInline(admin.TabularInline):
    model = models.AgendaItem
    extra = 0


class AttendanceInline(admin.TabularInline):
    model = models.Attendance
    extra = 0
    autocomplete_fields = ["lead"]


@admin.register(models.Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["body", "date", "title", "is_sample"]
    list_filter = ["body", "is_sample"]
    inlines = [AgendaItemInline, AttendanceInline]


@admin.register(models.Signatory)
class SignatoryAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "lead", "capacity", "signed_on", "signed_at"]
    list_filter = ["plan"]
    autocomplete_fields = ["lead"]
    # A signature is made by the member from their own account, never here.
    readonly_fields = ["signed_on", "signed_at", "signed_by"]


@admin.register(models.AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "order", "title", "presenter"]
    list_filter = ["meeting__body"]


@admin.register(models.Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "lead", "status"]
    list_filter = ["meeting__body", "status"]
    autocomplete_fields = ["lead"]


@admin.register(models.Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "agenda_item", "text"]
    list_filter = ["meeting__body"]


class BoardActionNoteInline(admin.TabularInline):
    model = models.BoardActionNote
    extra = 0


@admin.register(models.BoardAction)
class BoardActionAdmin(SimpleHistoryAdmin):
    list_display = ["description", "owner", "raised_at", "due_date", "status", "closed_at"]
    list_filter = ["status", "raised_at__body"]
    autocomplete_fields = ["owner"]
    inlines = [BoardActionNoteInline]


@admin.register(models.BoardActionNote)
class BoardActionNoteAdmin(SimpleHistoryAdmin):
    list_display = ["action", "meeting", "text"]


class PaperSectionInline(admin.StackedInline):
    model = models.PaperSection
    extra = 0


@admin.register(models.CommitteePaper)
class CommitteePaperAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "meeting", "as_at", "status", "is_sample"]
    list_filter = ["status"]
    filter_horizontal = ["indicators"]
    inlines = [PaperSectionInline]

    def has_change_permission(self, request, obj=None):
        """An issued paper is frozen, here as in the product."""
        return not (obj and obj.is_issued) and super().has_change_permission(request, obj)


@admin.register(models.PaperSection)
class PaperSectionAdmin(SimpleHistoryAdmin):
    """A section on its own: frozen with its paper once that is issued, as in the product."""

    list_display = ["paper", "order", "heading"]

    def has_change_permission(self, request, obj=None):
        return not (obj and obj.paper.is_issued) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.paper.is_issued) and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "paper":  # a new section goes only in a paper still a draft
            issued = models.CommitteePaper.Status.ISSUED
            kwargs["queryset"] = models.CommitteePaper.objects.exclude(status=issued)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(models.Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["body", "lead", "role", "capacity"]
    list_filter = ["body", "role"]
    autocomplete_fields = ["lead"]
