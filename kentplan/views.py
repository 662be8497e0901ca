"""Error pages, and the password pages with throttles."""

from typing import cast

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from kentplan.logs import security_event
from kentplan.security import client_ip
from kentplan.throttle import throttle_exceeded, throttle_hit


@requires_csrf_token
def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


@requires_csrf_token
def permission_denied(request, exception=None):
    security_event("forbidden", request)
    return render(request, "403.html", status=403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    """The form was open too long (or cookies are off). Says nothing of the reason."""
    security_event("csrf_failure", request, reason=reason[:100])
    return render(request, "403_csrf.html", status=403)


RESET_SCOPE, CHANGE_SCOPE = "password-reset", "password-change"


class PasswordResetView(auth_views.PasswordResetView):
    """At most a few reset emails an hour per address asked for and per client address."""

    def form_valid(self, form):
        keys = [
            ("email", form.cleaned_data["email"].lower()),
            ("ip", client_ip(self.request)),
        ]
        limits = {
            "email": settings.PASSWORD_RESET_PER_HOUR,
            "ip": settings.PASSWORD_RESET_PER_HOUR * 4,
        }
        if any(
            throttle_exceeded(scope=RESET_SCOPE, key=f"{k}:{v}", limit=limits[k]) for k, v in keys
        ):
            security_event("password_reset_throttled", self.request)
            form.add_error(
                None,
                "There have been too many requests to reset a password. Wait an hour and "
                "try again, or ask the programme office for help.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        for kind, value in keys:
            throttle_hit(scope=RESET_SCOPE, key=f"{kind}:{value}", window=3600)
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    """After a few wrong current passwords, the change page refuses for a while."""

    def post(self, request, *args, **kwargs):
        key = f"user:{request.user.pk}"
        if throttle_exceeded(scope=CHANGE_SCOPE, key=key, limit=settings.SIGN_IN_ATTEMPTS):
            security_event("password_change_throttled", request)
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None,
                "The current password has been entered wrongly too many times. Wait "
                f"{settings.SIGN_IN_LOCKOUT_MINUTES} minutes and try again.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if "old_password" in form.errors:
            key = f"user:{self.request.user.pk}"
            window = settings.SIGN_IN_LOCKOUT_MINUTES * 60
            throttle_hit(scope=CHANGE_SCOPE, key=key, window=window)
            security_event("password_change_wrong_current", self.request)
        return super().form_invalid(form)


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with the username's length checked before anyone tries to
    authenticate it: Django sets the field's max_length after the validators are made, so
    an over-long name reached the lock-out's records (a 500 on PostgreSQL)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast(forms.CharField, self.fields["username"])
        field.validators.append(MaxLengthValidator(field.max_length or 150))


class LoginView(auth_views.LoginView):
    authentication_form = SignInForm
