"""The two routes a new database can take through the migrations: the squashes (what
`migrate` takes) or the migrations they replace (what older databases took). Used by
tests/kentplan/test_migrations.py and scripts/compare_migration_routes.py."""

from django.db.migrations.loader import MigrationLoader


def loader_through_the_old_migrations(connection=None) -> MigrationLoader:
    """A loader whose graph has the replaced migrations and none of the squashes."""
    loader = MigrationLoader(connection, replace_migrations=False)
    for key, squash in loader.replacements.items():
        loader.graph.remove_replacement_node(key, squash.replaces)
    return loader
