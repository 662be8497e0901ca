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


@admin.register(models.Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["body", "date", "title", "is_sample"]
    list_filter = ["body", "is_sample"]


@admin.register(models.Signatory)
class SignatoryAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "lead", "capacity", "signed_on"]
    list_filter = ["plan"]
    autocomplete_fields = ["lead"]


@admin.register(models.Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["body", "lead", "role", "capacity"]
    list_filter = ["body", "role"]
    autocomplete_fields = ["lead"]
