"""The client's real address behind trusted proxies, and headers for signed-in pages."""

from django.conf import settings
from django.utils.cache import patch_cache_control


def client_ip(request) -> str:
    """The address of the client. Behind N trusted proxies the client is the Nth address
    from the right of X-Forwarded-For (each proxy appends the address it saw); anything
    further left was written by the client and could be made up."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    return forwarded[-count][:45]


class SignedInNoStoreMiddleware:
    """Pages for a signed-in user are kept out of shared and browser caches."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class RejectNulMiddleware:
    """A NUL character in the address or its query is never meant: answer 400 before it
    reaches a database that cannot store it. (Form fields refuse it themselves.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_query = any(
            "\x00" in key or "\x00" in "".join(values) for key, values in request.GET.lists()
        )
        if "\x00" in request.path_info or in_query:
            from kentplan.views import bad_request

            return bad_request(request)
        return self.get_response(request)
