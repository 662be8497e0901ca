from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("governance/", views.body_list, name="body-list"),
    path("governance/<slug:slug>/", views.body_detail, name="body-detail"),
]
