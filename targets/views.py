from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from targets.models import Indicator


@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    indicators = Indicator.objects.prefetch_related("notice_targets__notice", "measurements")
    return render(request, "targets/indicator_list.html", {"indicators": indicators})


@require_GET
def indicator_detail(request: HttpRequest, slug: str) -> HttpResponse:
    indicator = get_object_or_404(
        Indicator.objects.prefetch_related("notice_targets__notice", "measurements"), slug=slug
    )
    return render(request, "targets/indicator_detail.html", {"indicator": indicator})
