"""Searching the actions table costs one bounded query however many words are given
(issue 9.2), and PostgreSQL stops any query that runs too long."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.settingsenv import settings_with

PLAN = "/plans/putting-children-first-2011"


def sql_of(client, query: str) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"{PLAN}/actions/?{query}")
    assert response.status_code == 200
    return [q["sql"] for q in context.captured_queries]


def joins(sqls: list[str]) -> int:
    return sum(len(re.findall(r"\bJOIN\b", sql)) for sql in sqls)


def test_it_runs_the_same_queries_with_the_same_joins_for_eight_words_as_for_one(client, plan_2011):
    one = sql_of(client, "q=e")
    eight = sql_of(client, "q=" + "+".join("e" * 8))
    assert len(eight) == len(one)
    assert joins(eight) == joins(one)
    search = [sql for sql in eight if "LIKE" in sql.upper()]
    assert search and all(sql.count("EXISTS") >= 8 for sql in search)


def test_ten_words_are_refused_with_a_message_in_a_bounded_number_of_queries(
    client, plan_2011, django_assert_max_num_queries
):
    with django_assert_max_num_queries(22):
        response = client.get(f"{PLAN}/actions/?q=e e e e e e e e e e")
    page = response.content.decode()
    assert "Search for at most 8 words at a time; you entered 10." in page
    assert "0 actions match these filters." in page
    assert joins(sql_of(client, "q=e e e e e e e e e e")) <= joins(sql_of(client, "q=e"))


def test_a_very_long_search_is_refused_with_a_message(client, plan_2011):
    page = client.get(f"{PLAN}/actions/?q={'a' * 201}").content.decode()
    assert "Search for at most 200 characters; you entered 201." in page


def test_eight_words_still_find_the_action(client, plan_2011):
    page = client.get(f"{PLAN}/actions/?q=ethnicity+e+e+e+e+e+e+e").content.decode()
    assert "1 action matches these filters." in page and "/actions/6.3.6/" in page


def settings_options(**env) -> str:
    return settings_with(**env)["DATABASES"]["default"].get("OPTIONS", {}).get("options", "")


def test_postgresql_connections_get_a_statement_timeout_of_15_seconds_by_default():
    postgres = {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u@127.0.0.1:5432/nowhere"}
    assert settings_options(**postgres) == "-c statement_timeout=15000 -c jit=off"
    timeout = {**postgres, "DATABASE_STATEMENT_TIMEOUT_SECONDS": "3"}
    assert settings_options(**timeout) == "-c statement_timeout=3000 -c jit=off"
    assert settings_options(SECRET_KEY="x" * 50, DATABASE_URL="sqlite:///x.sqlite3") == ""
    bad = {**postgres, "DATABASE_STATEMENT_TIMEOUT_SECONDS": "soon"}
    with pytest.raises(
        ImproperlyConfigured, match="DATABASE_STATEMENT_TIMEOUT_SECONDS must be a whole number"
    ):
        settings_options(**bad)


def test_the_database_stops_a_query_that_runs_too_long_on_postgresql(db):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == f"{settings.DATABASE_STATEMENT_TIMEOUT_SECONDS}s"
        cursor.execute("SHOW jit")  # compiling costs more than a page's queries save
        assert cursor.fetchone()[0] == "off"
