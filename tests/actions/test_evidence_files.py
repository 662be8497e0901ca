"""Evidence files that fit a council (issue 10) and are stored safely (issue 9, item 10)."""

import io
import zipfile
from datetime import date
from unittest import mock

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from actions.evidence import OLE
from actions.models import Evidence, ProgressUpdate

URL = "/plans/putting-children-first-2011/actions/1.1.1/update/"


@pytest.fixture
def alice(client_for, open_period, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(date(2011, 11, 15), tick=False):
        yield client_for("alice")


def _docx() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return data.getvalue()


def _post(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(URL, {"status": "on_track", "evidence_file": upload})


@pytest.mark.parametrize(
    ("name", "content"),
    [("minutes.doc", OLE + b"\x00" * 600), ("figures.xls", OLE + b"\x00" * 600),
     ("email.msg", OLE + b"\x00" * 600), ("email.eml", b"From: a@kent.gov.uk\r\nSubject: x\r\n"),
     ("report.docx", _docx()), ("audit.pdf", b"%PDF-1.4\n..."),
     ("data.csv", "ref,rating\n1.1.1,Green\n£5\n".encode("cp1252")),
     ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)],
)  # fmt: skip
def test_the_files_officers_use_are_accepted(alice, name, content):
    assert _post(alice, name, content).status_code == 302
    assert Evidence.objects.get().file.name.endswith(name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", b"MZ\x90\x00 a program"), ("minutes.doc", b"%PDF-1.4"),
     ("data.csv", b"\x00\x01\x02binary"), ("report.docx", b"plain text")],
)  # fmt: skip
def test_a_file_whose_content_is_not_its_type_is_refused(alice, name, content):
    response = _post(alice, name, content)
    assert response.status_code == 400
    assert "content is not a" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


@override_settings(EVIDENCE_MAX_BYTES=1024)
def test_the_size_limit_is_enforced_while_the_file_streams(alice):
    big = b"%PDF-1.4" + b"x" * 200_000
    with (
        mock.patch(
            "django.core.files.uploadhandler.TemporaryFileUploadHandler.receive_data_chunk"
        ) as stored,
        mock.patch(
            "django.core.files.uploadhandler.MemoryFileUploadHandler.receive_data_chunk"
        ) as kept,
    ):  # noqa: E501
        response = _post(alice, "big.pdf", big)
    assert response.status_code == 400
    assert "The file must be smaller than 1" in response.content.decode()
    assert not stored.called and not kept.called  # no byte of it went past the limit


def test_a_failed_save_leaves_no_orphan_file(alice, tmp_path):
    failing = mock.patch("actions.models.Evidence.save", side_effect=RuntimeError("database"))
    with failing, pytest.raises(RuntimeError):
        _post(alice, "audit.pdf", b"%PDF-1.4 evidence")
    assert list((tmp_path).rglob("*.pdf")) == []
    assert not ProgressUpdate.objects.exists()
