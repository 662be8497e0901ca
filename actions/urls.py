from django.urls import path

from actions import views, views_progress

app_name = "actions"

urlpatterns = [
    path("", views.home, name="home"),
    path("plans/<slug:slug>/", views.plan_detail, name="plan-detail"),
    path("plans/<slug:slug>/actions/", views.action_list, name="action-list"),
    path(
        "plans/<slug:slug>/actions.csv",
        views.action_download,
        {"kind": "csv"},
        name="action-download-csv",
    ),
    path(
        "plans/<slug:slug>/actions.xlsx",
        views.action_download,
        {"kind": "xlsx"},
        name="action-download-xlsx",
    ),
    path("plans/<slug:slug>/actions/<str:ref>/", views.action_detail, name="action-detail"),
    path("plans/<slug:slug>/data-quality/", views.data_quality, name="data-quality"),
    path(
        "plans/<slug:slug>/actions/<str:ref>/update/",
        views_progress.action_update,
        name="action-update",
    ),
    path(
        "plans/<slug:slug>/actions/<str:ref>/verify/",
        views_progress.action_verify,
        name="action-verify",
    ),
    path(
        "plans/<slug:slug>/actions/<str:ref>/reopen/",
        views_progress.action_reopen,
        name="action-reopen",
    ),
    path("my-actions/", views_progress.my_actions, name="my-actions"),
    path("returns/", views_progress.returns, name="returns"),
    path("returns/chase/", views_progress.returns_chase, name="returns-chase"),
    path("reporting-periods/<int:pk>/reopen/", views_progress.period_reopen, name="period-reopen"),
    path("reporting-periods/", views_progress.period_list, name="period-list"),
    path("reporting-periods/<int:pk>/close/", views_progress.period_close, name="period-close"),
    path("evidence/<int:pk>/", views_progress.evidence_file, name="evidence-file"),
    path(
        "plans/<slug:slug>/core-tasks/<int:number>/",
        views.core_task_detail,
        name="core-task-detail",
    ),
    path("notices/<slug:slug>/", views.notice_detail, name="notice-detail"),
    path(
        "notices/<slug:slug>/targets/<int:number>/",
        views.notice_target_detail,
        name="notice-target-detail",
    ),
    path("inspections/", views.inspection_list, name="inspection-list"),
    path("inspections/<slug:slug>/", views.inspection_detail, name="inspection-detail"),
    path(
        "inspections/<slug:slug>/recommendations/<int:number>/",
        views.recommendation_detail,
        name="recommendation-detail",
    ),
    path("leads/", views.lead_list, name="lead-list"),
    path("leads/<slug:slug>/", views.lead_detail, name="lead-detail"),
]
