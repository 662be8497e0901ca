from django.urls import path

from reports import views_dashboard, views_papers

app_name = "reports"

urlpatterns = [
    # --- The board's dashboard, and where signing in leads ---
    path("signed-in/", views_dashboard.landing, name="landing"),
    path("dashboard/", views_dashboard.live_dashboard, name="live-dashboard"),
    path("plans/<slug:slug>/dashboard/", views_dashboard.dashboard, name="dashboard"),
    # --- end of the dashboard ---
    # --- Papers (plan document, inspection action plan, matrix) and the archive ---
    path("papers/", views_papers.paper_list, name="paper-list"),
    path("papers/issue/", views_papers.paper_issue, name="paper-issue"),
    path("papers/issued/<int:pk>/", views_papers.paper_detail, name="paper-detail"),
    path("papers/issued/<int:pk>/file/", views_papers.paper_file, name="paper-file"),
    path("papers/matrix/<slug:slug>/xlsx/", views_papers.matrix_xlsx, name="matrix-xlsx"),
    path("papers/<slug:kind>/<slug:subject>/", views_papers.paper_preview, name="paper-preview"),
    path("papers/<slug:kind>/<slug:subject>/pdf/", views_papers.paper_pdf, name="paper-pdf"),
    # --- end of papers ---
]
