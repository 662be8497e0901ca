"""A URL that fails, to see the 500 page."""

from django.urls import path

from kentplan.urls import urlpatterns as real


def boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", boom), *real]
