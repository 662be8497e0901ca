"""Structured logs with a request id; security events; ADMINS and LOG_LEVEL from the
environment."""

import json
import logging

from django.test import Client

from kentplan.logs import JsonFormatter, RequestIdFilter, request_id_var
from tests.settingsenv import settings_with


def test_every_response_has_a_request_id(client):
    response = client.get("/")
    assert len(response["X-Request-ID"]) >= 16


def test_a_request_id_from_the_proxy_is_kept_if_it_is_plain(client):
    assert client.get("/", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    made_up = client.get("/", HTTP_X_REQUEST_ID="<script>\n")["X-Request-ID"]
    assert made_up != "<script>\n" and made_up.isalnum()


def test_a_failed_sign_in_is_logged_as_a_security_event_with_the_request_id(users, caplog):
    with caplog.at_level(logging.INFO, logger="kentplan.security"):
        response = Client().post(
            "/accounts/login/", {"username": "alice", "password": "wrong"}, HTTP_X_REQUEST_ID="r1"
        )
    (record,) = [r for r in caplog.records if r.name == "kentplan.security"]
    assert record.event == "sign_in_failed"
    assert record.username == "alice"
    assert response["X-Request-ID"] == "r1"
    assert "wrong" not in json.dumps(vars(record), default=str)


def test_a_lock_out_is_logged(users, caplog, settings):
    with caplog.at_level(logging.INFO, logger="kentplan.security"):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            Client().post("/accounts/login/", {"username": "alice", "password": "wrong"})
    events = [getattr(r, "event", "") for r in caplog.records]
    assert "sign_in_locked_out" in events


def test_a_403_is_logged(client_for, plan_2011, caplog):
    with caplog.at_level(logging.INFO, logger="kentplan.security"):
        response = client_for("board").get("/reporting-periods/")
    assert response.status_code == 403
    (record,) = [r for r in caplog.records if getattr(r, "event", "") == "forbidden"]
    assert record.user == "board" and record.path == "/reporting-periods/"


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "hello %s", ("there",), None)
    record.event = "sign_in_failed"
    token = request_id_var.set("req-9")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id_var.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "hello there"
    assert line["request_id"] == "req-9"
    assert line["event"] == "sign_in_failed"


def test_admins_and_log_level_come_from_the_environment():
    env = {"SECRET_KEY": "x" * 50, "ADMINS": "Ops Team:ops@example.org,b@example.org"}
    assert settings_with(**env)["ADMINS"] == [
        ("Ops Team", "ops@example.org"),
        ("b@example.org", "b@example.org"),
    ]
    assert settings_with(**env, LOG_LEVEL="warning")["LOG_LEVEL"] == "WARNING"


def test_errors_are_emailed_to_the_admins(settings, mailoutbox):
    settings.ADMINS = [("Ops", "ops@example.org")]
    logging.getLogger("django.request").error("Internal Server Error: /x")
    assert [m.to for m in mailoutbox] == [["ops@example.org"]]


def test_the_request_id_is_still_set_when_django_logs_the_response(client):
    response = client.get("/plans/nope/", HTTP_X_REQUEST_ID="late-line")
    assert response.status_code == 404
    assert request_id_var.get() == "late-line"  # Django's "Not Found" line carries it
