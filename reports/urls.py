from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("signed-in/", views.landing, name="landing"),
    path("dashboard/", views.live_dashboard, name="live-dashboard"),
    path("plans/<slug:slug>/dashboard/", views.dashboard, name="dashboard"),
]
