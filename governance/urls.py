from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("governance/", views.body_list, name="body-list"),
    path("governance/<slug:slug>/", views.body_detail, name="body-detail"),
    path("governance/<slug:slug>/meetings/", views.meeting_list, name="meeting-list"),
    path("governance/<slug:slug>/meetings/new/", views.meeting_new, name="meeting-new"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/agenda/new/", views.agenda_item_edit, name="agenda-item-new"),
    path(
        "meetings/<int:pk>/agenda/<int:item_pk>/", views.agenda_item_edit, name="agenda-item-edit"
    ),
    path("meetings/<int:pk>/attendance/", views.attendance_edit, name="attendance-edit"),
    path("meetings/<int:pk>/decisions/new/", views.decision_edit, name="decision-new"),
    path(
        "meetings/<int:pk>/decisions/<int:decision_pk>/",
        views.decision_edit,
        name="decision-edit",
    ),
    path("meetings/<int:pk>/action-log/new/", views.board_action_new, name="board-action-new"),
    path("board-actions/<int:pk>/", views.board_action_edit, name="board-action-edit"),
    path("plans/<slug:slug>/sign-off/", views.sign_off, name="sign-off"),
    path("plans/<slug:slug>/sign-off/<int:pk>/sign/", views.sign, name="sign"),
    path("meetings/<int:pk>/papers/new/", views.paper_new, name="paper-new"),
    path("papers/committee/<int:pk>/edit/", views.paper_edit, name="paper-edit"),
]
