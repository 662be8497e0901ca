from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from targets import models


class JudgementInline(admin.TabularInline):
    model = models.Judgement
    extra = 0


class RecommendationInline(admin.StackedInline):
    model = models.Recommendation
    extra = 0


@admin.register(models.Inspection)
class InspectionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "inspectorate", "kind", "published"]
    list_filter = ["inspectorate", "kind"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [JudgementInline, RecommendationInline]


@admin.register(models.Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["inspection", "number", "area", "timeframe", "due_date"]
    list_filter = ["inspection", "area", "timeframe"]
    search_fields = ["text"]


class NoticeTargetInline(admin.StackedInline):
    model = models.NoticeTarget
    extra = 0


@admin.register(models.ImprovementNotice)
class ImprovementNoticeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "issued_by", "issued"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [NoticeTargetInline]


@admin.register(models.NoticeTarget)
class NoticeTargetAdmin(SimpleHistoryAdmin):
    list_display = ["notice", "number", "title"]
    search_fields = ["title", "text"]


class MeasurementInline(admin.TabularInline):
    model = models.Measurement
    extra = 0
    readonly_fields = ["entered_by"]


class TrajectoryPointInline(admin.TabularInline):
    model = models.TrajectoryPoint
    extra = 0


@admin.register(models.Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "polarity", "target_value", "target_date"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["notice_targets"]
    inlines = [TrajectoryPointInline, MeasurementInline]


@admin.register(models.Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "date", "value", "is_sample", "source", "entered_by"]
    list_filter = ["indicator", "is_sample"]
    readonly_fields = ["entered_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.entered_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(models.TrajectoryPoint)
class TrajectoryPointAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "date", "value", "source"]
    list_filter = ["indicator"]
