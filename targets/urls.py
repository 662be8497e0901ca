from django.urls import path

from targets import views

app_name = "targets"

urlpatterns = [
    path("indicators/", views.indicator_list, name="indicator-list"),
    path("indicators/readings/upload/", views.readings_upload, name="readings-upload"),
    path("indicators/<slug:slug>/", views.indicator_detail, name="indicator-detail"),
    path("indicators/<slug:slug>/chart.svg", views.indicator_chart, name="indicator-chart"),
    path("indicators/<slug:slug>/readings/new/", views.reading_create, name="reading-create"),
]
