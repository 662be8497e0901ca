from django.urls import path

from reports import views_committee

app_name = "committee"

urlpatterns = [
    path("", views_committee.paper_list, name="paper-list"),
    path("<int:pk>/", views_committee.paper_preview, name="paper-preview"),
]
