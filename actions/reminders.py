"""Reminder emails to leads: actions due within 14 days, overdue, or missing this month's
update. One email per lead, plain text and HTML, and never the same reminder twice, so
it is safe to run every hour."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string

from actions.models import Action, Lead, ReminderSent
from actions.selectors import action_leads_prefetch, action_state, current_period, updates_prefetch

DUE_SOON = timedelta(days=14)
KIND_LABELS = {
    "overdue": "Overdue",
    "due_soon": "Due within 14 days",
    "missing_update": "No update yet this month",
}


@dataclass
class Reminder:
    action: Action
    kind: str
    key: str
    due: date | None


def reminders_send(*, today: date) -> dict[str, int]:
    """Send what is due; returns how many emails and reminders went."""
    period = current_period()
    due = _due_reminders(today=today, period=period)
    emails = reminders_total = 0
    for lead, reminders in due.items():
        with transaction.atomic():
            fresh = _not_sent_before(lead, reminders)
            if not fresh:
                continue
            _email(lead, fresh, period)
            ReminderSent.objects.bulk_create(
                [ReminderSent(lead=lead, action=r.action, kind=r.kind, key=r.key) for r in fresh]
            )
        emails += 1
        reminders_total += len(fresh)
    return {"emails": emails, "reminders": reminders_total}


def _due_reminders(*, today: date, period) -> dict[Lead, list[Reminder]]:
    actions = (
        Action.objects.filter(leads__user__isnull=False, leads__user__is_active=True)
        .filter(retired_on__isnull=True)
        .exclude(leads__user__email="")
        .select_related("plan")
        .prefetch_related(action_leads_prefetch(), updates_prefetch())
        .distinct()
    )
    by_lead: dict[Lead, list[Reminder]] = defaultdict(list)
    for action in actions:
        state = action_state(action=action, period=period, today=today)
        for reminder in _reminders_for(state, today, period):
            for al in action.actionlead_set.all():
                if al.lead.user_id:
                    by_lead[al.lead].append(reminder)
    return by_lead


def _reminders_for(state, today: date, period) -> list[Reminder]:
    if state.group == "complete":
        return []
    action, forecast, found = state.action, state.forecast, []
    if forecast and forecast < today:
        found.append(Reminder(action, "overdue", forecast.isoformat(), forecast))
    elif forecast and forecast - today <= DUE_SOON:
        found.append(Reminder(action, "due_soon", forecast.isoformat(), forecast))
    if period and state.this_period is None:
        found.append(Reminder(action, "missing_update", period.month.isoformat(), forecast))
    return found


def _not_sent_before(lead: Lead, reminders: list[Reminder]) -> list[Reminder]:
    sent = set(ReminderSent.objects.filter(lead=lead).values_list("action_id", "kind", "key"))
    return [r for r in reminders if (r.action.pk, r.kind, r.key) not in sent]


def _email(lead: Lead, reminders: list[Reminder], period) -> None:
    groups = [
        (label, [r for r in reminders if r.kind == kind]) for kind, label in KIND_LABELS.items()
    ]
    context = {
        "lead": lead,
        "groups": [(label, items) for label, items in groups if items],
        "period": period,
        "site_url": settings.SITE_URL,
    }
    actions = len({r.action.pk for r in reminders})
    subject = "1 action needs" if actions == 1 else f"{actions} actions need"
    message = EmailMultiAlternatives(
        subject=f"kentplan: {subject} your attention",
        body=render_to_string("emails/reminder.txt", context),
        to=[lead.user.email],
    )
    message.attach_alternative(render_to_string("emails/reminder.html", context), "text/html")
    message.send()
