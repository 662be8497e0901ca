"""Reading a data file (YAML or JSON) with line numbers, and checking it against a
schema before anything touches the database: every problem is reported with its line."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A mapping that remembers the line it started on in the file."""

    line: int = 0


# libyaml's parser when PyYAML has it: reading a big plan file in pure Python takes
# seconds, most of an import's time.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NO_ALIASES = "aliases (*name) are not allowed; write the values out"


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """A safe loader whose mappings remember their line."""


def _refuse_aliases(text: str) -> None:
    """Aliases (*name) are refused before anything is built from the file: a few bytes of
    nested aliases expand to billions of values, and a plan file never needs them."""
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, _NO_ALIASES, event.start_mark)  # type: ignore[arg-type]  # libyaml's Mark is the same shape


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict(loader.construct_pairs(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class Problem:
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.where}: {self.message}"


class DataFileError(Exception):
    """The file cannot be imported; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.path: Path | None = None  # the file at fault, when a loader knows it
        super().__init__("\n".join(str(p) for p in problems))


def read_text(path: str) -> str:
    """The file's text; a DataFileError in one line if it is a folder or not UTF-8."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except IsADirectoryError:
        raise DataFileError([Problem(0, "file", f"{path} is a folder, not a file")]) from None
    except UnicodeDecodeError as error:
        message = (
            f"the file is not UTF-8 text (byte {error.start} cannot be read); save it as UTF-8"
        )
        raise DataFileError([Problem(0, "file", message)]) from None


def parse(text: str) -> LineDict:
    try:
        _refuse_aliases(text)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        reason = getattr(error, "problem", None) or str(error)
        problem = Problem(line, "file", f"this is not valid YAML or JSON ({reason})")
        raise DataFileError([problem]) from None
    if not isinstance(data, LineDict):
        raise DataFileError([Problem(1, "file", "the file must be a mapping of sections")])
    return data


_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    float: "a number",
    date: "a date (YYYY-MM-DD)",
    bool: "yes or no",
}


def _name_of(record: Any, kind: Any) -> str | None:
    """'action 2.1.4', 'lead Rob Semens': how a reader would name the record at fault."""
    if not isinstance(record, dict) or not isinstance(kind, str):
        return None
    for key in ("ref", "slug", "number", "name", "heading", "aspect"):
        if record.get(key) not in (None, ""):
            return f"{kind.replace('_', ' ')} {record[key]}"
    return None


TEXT, NUMBER, DECIMAL, DATE, BOOL = str, int, float, date, bool
TEXTS, NUMBERS = (list, str), (list, int)


@dataclass(frozen=True)
class Schema:
    """For each kind of record: its keys and what each holds, which are required, and the
    allowed values of some. A type of (list, NAME) is a list of records of kind NAME."""

    keys: dict[str, dict[str, Any]]
    required: dict[str, list[str]]
    choices: dict[tuple[str, str], set]

    def check(self, data: LineDict) -> list[Problem]:
        """Every problem with the file's keys and value types, each with its line."""
        problems: list[Problem] = []
        self._check_record(data, "file", "file", data.line or 1, problems)
        return problems

    def _check_record(self, record: Any, kind: str, where: str, line: int, problems: list):
        if not isinstance(record, dict):
            problems.append(Problem(line, where, f"should be a mapping of keys, not {record!r}"))
            return
        line = getattr(record, "line", line)
        schema = self.keys[kind]
        for key in record:
            if key not in schema:
                known = ", ".join(schema)
                problems.append(Problem(line, where, f"unknown key '{key}' (known keys: {known})"))
        for key in self.required[kind]:
            if record.get(key) in (None, "", []):
                problems.append(Problem(line, where, f"'{key}' is missing"))
        for key, expected in schema.items():
            if expected is date and isinstance(record.get(key), str):
                # JSON has no dates: ISO text stands for one.
                record[key] = self._iso_date(record[key])
            if key in record and record[key] is not None:
                self._check_value(
                    record[key], expected, (kind, key), f"{where}.{key}", line, problems
                )

    @staticmethod
    def _iso_date(text: str) -> date | str:
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text

    def _check_value(self, value, expected, choice_key, where, line, problems):
        if isinstance(expected, str):
            self._check_record(value, expected, where, line, problems)
            return
        if isinstance(expected, tuple):
            if not isinstance(value, list):
                problems.append(Problem(line, where, "should be a list"))
                return
            for index, item in enumerate(value):
                item_where = _name_of(item, expected[1]) or f"{where}[{index}]"
                self._check_value(item, expected[1], choice_key, item_where, line, problems)
            return
        if expected is str and isinstance(value, float):
            problems.append(Problem(line, where, f"put {value!r} in quotes so it is read as text"))
            return
        accepted = (int, float) if expected is float else expected
        wrong_type = not isinstance(value, accepted) or (
            expected in (int, float) and isinstance(value, bool)
        )
        if wrong_type and not (expected is str and isinstance(value, int | date)):
            problems.append(
                Problem(line, where, f"should be {_TYPE_NAMES[expected]}, not {value!r}")
            )
            return
        allowed = self.choices.get(choice_key)
        if allowed is not None and value not in allowed:
            options = ", ".join(repr(a) for a in sorted(allowed))
            problems.append(Problem(line, where, f"{value!r} is not one of {options}"))
