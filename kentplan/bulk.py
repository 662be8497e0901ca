"""Writing many rows of one model in a few queries, checked in memory, with their history.

An import says which rows it wants, each under the key the file knows it by, and reads the
rows there are in one query. `sync` compares the two and writes only what differs: the new
rows in one INSERT and the changed rows in one UPDATE, each followed by one INSERT of their
history rows (django-simple-history's bulk writers, so the history says what changed and a
file imported twice adds nothing). Every new or changed row is checked first, in memory,
as `full_clean` would check it without the per-row queries: field values, the model's own
`clean()`, and `check` for the rules the database's check constraints also enforce. What
fails is reported with the file's line. Rows the file no longer lists are the caller's to
delete (`Synced.unlisted`)."""

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.utils import get_history_manager_for_model

from kentplan.datafile import DataFileError, Problem

BATCH = 1000


@dataclass
class Row:
    """One row a file asks for: its field values, and where in the file it is."""

    values: dict[str, Any]
    line: int = 0
    where: str = "file"


@dataclass
class Synced:
    """What `sync` did: every wanted row by key, and which it created and changed."""

    objects: dict[Any, Any]
    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unlisted: list = field(default_factory=list)


def sync(
    model: type[models.Model],
    existing: Mapping[Any, Any],
    wanted: Mapping[Any, Row],
    *,
    check: Callable[[Any], list[str]] | None = None,
    history: bool = True,
) -> Synced:
    """Make the rows under `wanted`'s keys hold its values: create the missing, update the
    different, leave the same alone. With `history=False` the caller writes the history
    (after the row's many-to-many links, which its history rows record)."""
    synced = Synced(objects={})
    fields_changed: set[str] = set()
    problems: list[Problem] = []
    for key, row in wanted.items():
        values = _normalised(model, row, problems)
        instance = existing.get(key)
        if instance is None:
            instance = model(**values)
            synced.created.append(instance)
        else:
            differ = [name for name, value in values.items() if _differs(instance, name, value)]
            if not differ:
                synced.objects[key] = instance
                continue
            for name, value in values.items():  # the related objects too, for clean()
                setattr(instance, name, value)
            fields_changed.update(differ)
            synced.changed.append(instance)
        synced.objects[key] = instance
        problems += _problems(instance, row, check)
    if problems:
        raise DataFileError(problems)
    synced.unlisted = [obj for key, obj in existing.items() if key not in wanted]
    model._default_manager.bulk_create(synced.created, batch_size=BATCH)
    if synced.changed:
        model._default_manager.bulk_update(synced.changed, list(fields_changed), batch_size=BATCH)
    if history:
        history_write(model, synced.created, synced.changed)
    return synced


def history_write(model: type[models.Model], created: list, changed: list) -> None:
    """History rows for rows just created ('+') and changed ('~'), with a copy of their
    many-to-many links as they now stand, as django-simple-history records them."""
    manager = get_history_manager_for_model(model)
    records = manager.bulk_history_create(created, batch_size=BATCH) or []
    if changed:
        records += manager.bulk_history_create(changed, batch_size=BATCH, update=True) or []
    m2m_fields = getattr(manager.model, "_history_m2m_fields", [])
    if records and m2m_fields:
        _m2m_history_write(manager.model, m2m_fields, records)


def _m2m_history_write(history_model, m2m_fields, records) -> None:
    pk_name = history_model.instance_type._meta.pk.attname
    by_instance = {getattr(record, pk_name): record for record in records}
    for m2m_field in m2m_fields:
        through = m2m_field.remote_field.through
        owner = m2m_field.m2m_field_name()
        history_of_field = getattr(history_model, m2m_field.name).model
        columns = [f.attname for f in through._meta.fields]
        links = through._default_manager.filter(**{f"{owner}_id__in": list(by_instance)})
        history_of_field._default_manager.bulk_create(
            [
                history_of_field(
                    history=by_instance[getattr(link, f"{owner}_id")],
                    **{name: getattr(link, name) for name in columns},
                )
                for link in links
            ],
            batch_size=BATCH,
        )


def m2m_sync(model, owners: dict, wanted: dict, *, created: list, changed: list) -> set:
    """Make each owner's many-to-many links those `wanted` ({owner pk: {field: objects}}),
    then write the history of the owners created, changed or whose links changed (whose
    pks it returns)."""
    touched = {obj.pk for obj in changed}
    for name in next(iter(wanted.values()), {}):
        m2m_field = model._meta.get_field(name)
        through, owner = m2m_field.remote_field.through, m2m_field.m2m_field_name()
        other = m2m_field.m2m_reverse_field_name()
        links = through.objects.filter(**{f"{owner}_id__in": list(owners)})
        have = {(getattr(x, f"{owner}_id"), getattr(x, f"{other}_id")): x.pk for x in links}
        want = {(pk, obj.pk) for pk, fields in wanted.items() for obj in fields[name]}
        gone = {pk for pair, pk in have.items() if pair not in want}
        new = [pair for pair in want if pair not in have]
        through.objects.filter(pk__in=gone).delete()
        through.objects.bulk_create(
            [through(**{f"{owner}_id": a, f"{other}_id": b}) for a, b in new], batch_size=BATCH
        )
        touched |= {a for a, _ in new} | {pair[0] for pair, pk in have.items() if pk in gone}
    created_pks = {obj.pk for obj in created}
    history_write(
        model, created, [owners[pk] for pk in touched if pk not in created_pks and pk in owners]
    )
    return touched


def keyed(rows: Iterable[Any], key: Callable[[Any], Hashable]) -> dict[Any, Any]:
    return {key(row): row for row in rows}


def _normalised(model, row: Row, problems: list[Problem]) -> dict[str, Any]:
    """The row's values as the model holds them ('2011-03-01' read from JSON as a date)."""
    values = {}
    for name, value in row.values.items():
        model_field = model._meta.get_field(name)
        if not model_field.is_relation and value is not None:
            try:
                value = model_field.to_python(value)
            except ValidationError as error:
                problems += [Problem(row.line, row.where, f"{name}: {m}") for m in error.messages]
        values[name] = value
    return values


def _differs(instance, name: str, value) -> bool:
    model_field = instance._meta.get_field(name)
    if model_field.is_relation:
        return getattr(instance, model_field.attname) != (value.pk if value is not None else None)
    return getattr(instance, name) != value


def _problems(instance, row: Row, check) -> list[Problem]:
    """What full_clean would say of the row, without its queries."""
    relations = [f.name for f in instance._meta.concrete_fields if f.is_relation]
    messages: list[str] = []
    try:
        instance.clean_fields(exclude=relations)
        instance.clean()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for name, errors in error.message_dict.items():
                messages += [m if name == "__all__" else f"{name}: {m}" for m in errors]
        else:
            messages += error.messages
    if check is not None:
        messages += check(instance)
    return [Problem(row.line, row.where, message) for message in messages]


def write_one(model: type[models.Model], lookup: dict, values: dict, *, line=0, where="file"):
    """The row matching `lookup`, created or updated to hold `values` (checked in memory,
    saved only if something differs, with its history)."""
    instance = model._default_manager.filter(**lookup).first()
    existing = {} if instance is None else {0: instance}
    return sync(model, existing, {0: Row({**lookup, **values}, line, where)}).objects[0]
