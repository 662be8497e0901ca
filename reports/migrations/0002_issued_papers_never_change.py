"""The database itself refuses to change an issued paper's row, whatever code asks."""

from django.db import migrations

MESSAGE = "An issued paper cannot be changed; issue a corrected paper that supersedes it."

POSTGRES_UP = f"""
CREATE OR REPLACE FUNCTION reports_issuedpaper_refuse_update() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER reports_issuedpaper_no_update BEFORE UPDATE ON reports_issuedpaper
    FOR EACH ROW EXECUTE FUNCTION reports_issuedpaper_refuse_update();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS reports_issuedpaper_no_update ON reports_issuedpaper;
DROP FUNCTION IF EXISTS reports_issuedpaper_refuse_update();
"""
SQLITE_UP = f"""
CREATE TRIGGER reports_issuedpaper_no_update BEFORE UPDATE ON reports_issuedpaper
BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS reports_issuedpaper_no_update;"


def _run(statements: dict[str, str]):
    def run(apps, schema_editor):
        sql = statements.get(schema_editor.connection.vendor)
        if sql:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_papers_rendered_and_issued")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_UP, "sqlite": SQLITE_UP}),
            _run({"postgresql": POSTGRES_DOWN, "sqlite": SQLITE_DOWN}),
        )
    ]
