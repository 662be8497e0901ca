"""The squashed migrations (actions, governance, targets) build what the migrations they
replace build. A new database takes the squashes, one step per app; a database that ran
some of the old migrations carries on with those. Both must arrive at the same models.

Here the comparison is of the migration states, which takes a tenth of a second.
scripts/compare_migration_routes.py compares the two routes as real databases (tables,
columns, indexes, constraints and triggers, by name), which takes half a minute, too long
for every run: run it when a squash is made or changed."""

from django.db.migrations.loader import MigrationLoader

from kentplan.migration_routes import loader_through_the_old_migrations

SQUASHED_APPS = ("actions", "governance", "targets")


def test_the_squashes_and_the_old_migrations_give_the_same_models():
    old = loader_through_the_old_migrations().project_state()
    squashed = MigrationLoader(None).project_state()
    assert sorted(old.models) == sorted(squashed.models)
    differing = [key for key in old.models if old.models[key] != squashed.models[key]]
    assert differing == []


def test_each_squash_replaces_every_migration_before_it_and_nothing_slips_past_it():
    loader = MigrationLoader(None)
    for app in SQUASHED_APPS:
        (squash,) = [m for (a, _), m in loader.replacements.items() if a == app]
        key = (app, squash.name)
        on_disk = {k for k in loader.disk_migrations if k[0] == app}
        later = {
            k for k in loader.graph.nodes if k[0] == app and key in loader.graph.forwards_plan(k)
        }
        assert on_disk == set(squash.replaces) | later, app
