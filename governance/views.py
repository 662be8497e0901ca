from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from governance.models import Body, Meeting, Membership


def _bodies():
    return Body.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("lead__organisation")),
        "reports_to",
        "reported_to_by",
    )


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    return render(request, "governance/body_list.html", {"bodies": _bodies()})


@require_GET
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(_bodies(), slug=slug)
    meetings = Meeting.objects.filter(body=body).order_by("-date")
    return render(request, "governance/body_detail.html", {"body": body, "meetings": meetings})
