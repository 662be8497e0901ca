"""The data-file reader refuses what could tie up the machine or crash the command."""

import time

import pytest
from django.core.management import CommandError, call_command

from kentplan.datafile import DataFileError, parse

ALIAS_BOMB = "\n".join(
    ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
       f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
       f"*{chr(97 + i)}]" for i in range(8)]
)  # fmt: skip


def test_it_refuses_yaml_aliases_quickly():
    assert len(ALIAS_BOMB) < 400
    started = time.monotonic()
    with pytest.raises(DataFileError, match="alias"):
        parse(ALIAS_BOMB)
    assert time.monotonic() - started < 1


def test_the_command_refuses_an_alias_bomb_in_one_line(db, tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text("plan: {slug: x, title: T, short_title: T}\n" + ALIAS_BOMB)
    with pytest.raises(CommandError) as caught:
        call_command("import_plan", str(path))
    assert "alias" in str(caught.value)


def test_a_file_that_is_not_utf8_is_refused_in_one_line(db, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("plan: {slug: x, title: Café, short_title: T}\n".encode("latin-1"))
    with pytest.raises(CommandError) as caught:
        call_command("import_plan", str(path))
    assert "UTF-8" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_folder_is_refused_in_one_line(db, tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("import_plan", str(tmp_path))
    assert "folder" in str(caught.value)
    assert "\n" not in str(caught.value)
