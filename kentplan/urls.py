from django.contrib import admin
from django.urls import include, path

from kentplan import views

admin.site.site_header = "kentplan administration"
admin.site.site_title = "kentplan"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password_change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("papers/committee/", include("reports.urls_committee")),
    path("", include("targets.urls")),
    path("", include("governance.urls")),
    path("", include("actions.urls")),
    path("", include("reports.urls")),
]

handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
