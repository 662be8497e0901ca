from django.urls import path

from reports import views_dashboard

app_name = "reports"

urlpatterns = [
    # --- The board's dashboard, and where signing in leads ---
    path("signed-in/", views_dashboard.landing, name="landing"),
    path("dashboard/", views_dashboard.live_dashboard, name="live-dashboard"),
    path("plans/<slug:slug>/dashboard/", views_dashboard.dashboard, name="dashboard"),
    # --- end of the dashboard ---
]
