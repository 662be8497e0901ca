"""The admin: every model's list page opens for an administrator, with history."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group


@pytest.mark.parametrize(
    "model",
    [m for m in apps.get_models() if m in admin.site._registry],
    ids=lambda m: m.__name__,
)
def test_each_admin_list_and_history_opens(client_for, model):
    client = client_for("admin")
    meta = model._meta
    assert client.get(f"/admin/{meta.app_label}/{meta.model_name}/").status_code == 200
    record = model.objects.first()
    if record is not None and hasattr(model, "history"):
        url = f"/admin/{meta.app_label}/{meta.model_name}/{record.pk}/history/"
        assert client.get(url).status_code == 200


def test_every_model_a_person_edits_is_in_the_admin():
    ours = ("actions", "targets", "governance")
    kentplan = [
        m
        for m in apps.get_models()
        if m._meta.app_label in ours and not m.__name__.startswith("Historical")
    ]
    inlined = {"PlanSection", "PlanLead", "PriorityLead", "ActionLead", "ActionLink", "Judgement",
               "Evidence", "MeasureLead"}  # fmt: skip
    missing = [
        m.__name__ for m in kentplan if m not in admin.site._registry and m.__name__ not in inlined
    ]
    assert missing == []


def test_the_administrator_group_has_the_admin_permissions_its_name_promises(seeded, client):
    from django.contrib.auth.models import User

    from actions.services import roles_ensure

    user = User.objects.create_user("ada", "ada@example.org", "a-long-test-pass", is_staff=True)
    client.force_login(user)
    assert client.get("/admin/actions/action/").status_code == 403
    roles_ensure()
    user.groups.add(Group.objects.get(name="Administrator"))
    user = User.objects.get(pk=user.pk)  # permissions are cached on the instance
    assert user.has_perm("actions.change_action") and user.has_perm("auth.change_user")
    assert client.get("/admin/actions/action/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 200
    assert not Group.objects.get(name="Board member").permissions.exists()


def test_an_update_cannot_be_moved_to_another_action_or_month(client_for, users, open_period):
    from django.utils import timezone

    from actions.models import Action, ProgressUpdate

    update = ProgressUpdate.objects.create(
        action=Action.objects.get(plan__slug="putting-children-first-2011", ref="1.1.1"),
        period=open_period, author=users["alice"], status="on_track", rating="green",
        suggested_rating="green", rating_rule="test", submitted_at=timezone.now(),
    )  # fmt: skip
    form = client_for("admin").get(f"/admin/actions/progressupdate/{update.pk}/change/")
    assert form.status_code == 200
    fields = form.context["adminform"].form.fields
    assert "period" not in fields and "action" not in fields and "commentary" in fields
