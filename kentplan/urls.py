from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "kentplan administration"
admin.site.site_title = "kentplan"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("papers/committee/", include("reports.urls_committee")),
    path("", include("targets.urls")),
    path("", include("governance.urls")),
    path("", include("actions.urls")),
]
