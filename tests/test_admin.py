"""The admin: every model's list page opens for an administrator, with history."""

import pytest
from django.apps import apps
from django.contrib import admin


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
