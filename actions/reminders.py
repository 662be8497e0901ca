"""Reminder emails to leads: actions due within 14 days, overdue, or missing this month's
update. One email per lead, plain text and HTML, and never the same reminder twice, so
it is safe to run every hour."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string

from actions.models import Action, ActionLead, Lead, ProgressUpdate, ReminderSent
from actions.selectors import action_leads_prefetch, current_period
from actions.selectors_progress import actions_with_state, live_plan_ids

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
    """What My actions shows as overdue, due soon or missing this month's update, for the
    leads with an account; worked out by the same selector, so the e-mail and page agree."""
    actions = (
        actions_with_state(period=period, today=today)
        .filter(plan_id__in=live_plan_ids(today=today))
        .filter(Exists(ActionLead.objects.filter(
            action=OuterRef("pk"), lead__user__is_active=True
        ).exclude(lead__user__email="")))
        .exclude(group="complete")
        .filter(retired_on__isnull=True)
        .select_related("plan")
        .prefetch_related(action_leads_prefetch())
    )  # fmt: skip
    by_lead: dict[Lead, list[Reminder]] = defaultdict(list)
    for action in actions:
        for reminder in _reminders_for(action, today, period):
            for al in action.actionlead_set.all():
                if al.lead.user_id:
                    by_lead[al.lead].append(reminder)
    return by_lead


def _reminders_for(action, today: date, period) -> list[Reminder]:
    forecast, found = action.forecast, []
    if forecast and forecast < today:
        found.append(Reminder(action, "overdue", forecast.isoformat(), forecast))
    elif forecast and forecast - today <= DUE_SOON:
        found.append(Reminder(action, "due_soon", forecast.isoformat(), forecast))
    if period and not action.has_this_month:
        found.append(Reminder(action, "missing_update", period.month.isoformat(), forecast))
    return found


def _not_sent_before(lead: Lead, reminders: list[Reminder]) -> list[Reminder]:
    sent = set(ReminderSent.objects.filter(lead=lead).values_list("action_id", "kind", "key"))
    return [r for r in reminders if (r.action.pk, r.kind, r.key) not in sent]


def _email(lead: Lead, reminders: list[Reminder], period) -> None:
    assert lead.user is not None  # _due_reminders keeps only leads with an account
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


def _send(*, to: list[str], subject: str, template: str, context: dict) -> None:
    to = [address for address in to if address]
    if not to:
        return
    body = render_to_string(template, {**context, "site_url": settings.SITE_URL})
    EmailMultiAlternatives(subject=f"kentplan: {subject}", body=body, to=to).send()


def _lead_addresses(update: ProgressUpdate) -> list[str]:
    leads = update.action.actionlead_set.select_related("lead__user")
    addresses = {al.lead.user.email for al in leads if al.lead.user and al.lead.user.is_active}
    if update.author.is_active:
        addresses.add(update.author.email)
    return sorted(a for a in addresses if a)


def returned_send(*, update: ProgressUpdate) -> None:
    """Tell the action's leads, once, that a completion came back with a comment."""
    _send(
        to=_lead_addresses(update),
        subject=f"action {update.action.ref} was returned: update needed",
        template="emails/returned.txt",
        context={"update": update, "action": update.action},
    )


def resubmitted_send(*, update: ProgressUpdate) -> None:
    """Tell the verifier who returned a completion that it has been resubmitted."""
    if update.verified_by is None:
        return
    _send(
        to=[update.verified_by.email],
        subject=f"action {update.action.ref} was resubmitted for verification",
        template="emails/resubmitted.txt",
        context={"update": update, "action": update.action},
    )


def chase_send(*, period, missing: dict) -> None:
    """One e-mail to each lead whose return for the month is missing."""
    for lead, actions in missing.items():
        _send(
            to=[lead.user.email],
            subject=f"your return for {period} is missing",
            template="emails/chase.txt",
            context={"lead": lead, "actions": actions, "period": period},
        )
