"""What a run is asked to do, as one value: built from a project's config file, then the
command-line flags (flags win).

The config file is `.termcheck.toml` (top-level keys) or the `[tool.termcheck]` table of a
`pyproject.toml`, found in the current folder or the nearest folder above it that has one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from termcheck.errors import InputError

FAIL_ON = ("error", "warning", "never")
RULE_SETTINGS = ("error", "warning", "info", "off")
CONSISTENCY_SCOPES = ("file", "run")
CONFIG_FILE = ".termcheck.toml"


@dataclass(frozen=True)
class Config:
    glossaries: tuple[str, ...] = ()
    builtin: bool = True
    align: str = "document"
    # None: rich on a terminal, text otherwise.
    format: str | None = None
    fail_on: str = "error"
    # The reader to use for every file (default: by extension and root element).
    format_in: str | None = None
    source_language: str | None = None
    target_language: str | None = None
    include_unfinished: bool = False
    encoding: str | None = None
    # Compare renderings within each file, or across all files of the run.
    consistency: str = "file"
    # The date of the texts (YYYY, YYYY-MM or YYYY-MM-DD): a rendering superseded after it was
    # still the official one then, and is not reported.
    as_of: str | None = None
    # Rule id → severity ("error", "warning", "info") or "off".
    rules: Mapping[str, str] = field(default_factory=dict)
    # Entries (ids or Chinese headwords) never reported.
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    baseline: str | None = None
    # Processes that scan segments; None: as many as cores for large inputs, else one.
    jobs: int | None = None
    write_baseline: str | None = None
    # A Dask cluster to check on: "local:N" or a scheduler's address (tcp://host:8786).
    scheduler: str | None = None
    # The config file the settings came from, if any.
    source: str | None = None


# Config-file key → (Config field, expected type).
_KEYS: dict[str, tuple[str, type | tuple[type, ...]]] = {
    "glossaries": ("glossaries", list),
    "no-builtin": ("builtin", bool),
    "align": ("align", str),
    "format": ("format", str),
    "fail-on": ("fail_on", str),
    "format-in": ("format_in", str),
    "source-lang": ("source_language", str),
    "target-lang": ("target_language", str),
    "include-unfinished": ("include_unfinished", bool),
    "encoding": ("encoding", str),
    "consistency": ("consistency", str),
    "as-of": ("as_of", (str, datetime.date)),
    "rules": ("rules", dict),
    "ignore": ("ignore", list),
    "include": ("include", list),
    "exclude": ("exclude", list),
    "baseline": ("baseline", str),
    "jobs": ("jobs", int),
    "scheduler": ("scheduler", str),
}
_CHOICES = {
    "align": ("document", "lines"),
    "format": ("rich", "text", "json", "sarif", "junit", "html"),
    "fail-on": FAIL_ON,
    "consistency": CONSISTENCY_SCOPES,
    "format-in": ("xliff", "tmx", "po", "jsonl", "csv", "tsv"),
}


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest .termcheck.toml, or pyproject.toml with a [tool.termcheck] table, from `start`
    (default: the current folder) upwards."""
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        dedicated = candidate_folder / CONFIG_FILE
        if dedicated.is_file():
            return dedicated
        pyproject = candidate_folder / "pyproject.toml"
        if pyproject.is_file():
            import tomllib  # only where there is a file to read: a run without one starts faster

            try:
                document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
            if isinstance(document.get("tool"), dict) and "termcheck" in document["tool"]:
                return pyproject
    return None


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def as_of_error(text: str) -> str:
    """What is wrong with the date of --as-of ("" when it is right)."""
    from termcheck.glossary.validate import date_error

    return date_error(text, today=datetime.date.max)


def _has_type(value: Any, expected: type | tuple[type, ...]) -> bool:
    return isinstance(value, expected)


def load_config_file(path: Path) -> Config:
    """The settings of one config file, as a Config; any mistake is an InputError naming the key."""
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
    if path.name == "pyproject.toml":
        table: Any = document.get("tool", {}).get("termcheck", {})
        section = "[tool.termcheck]"
    else:
        table, section = document, CONFIG_FILE
    if not isinstance(table, dict):
        raise InputError(str(path), f"{section} must be a table")
    values: dict[str, Any] = {}
    value: Any
    for key, value in table.items():
        line = _line_of(text, key)
        if key not in _KEYS:
            raise InputError(str(path), f"unknown key {key!r} in {section}; known keys: {', '.join(sorted(_KEYS))}", line)
        name, expected = _KEYS[key]
        if not _has_type(value, expected):
            kind = "date (YYYY, YYYY-MM or YYYY-MM-DD)" if key == "as-of" else getattr(expected, "__name__", expected)
            raise InputError(str(path), f"{key!r} must be a {kind}", line)
        if isinstance(value, list) and not all(isinstance(item, str) for item in value):
            raise InputError(str(path), f"{key!r} must be a list of strings", line)
        if key in _CHOICES and value not in _CHOICES[key]:
            raise InputError(str(path), f"{key!r} must be one of {', '.join(_CHOICES[key])}, not {value!r}", line)
        if key == "rules":
            from termcheck.rules import rule_ids

            for rule, setting in dict(value).items():
                if rule not in rule_ids():
                    raise InputError(str(path), f"unknown rule {rule!r} in 'rules'; rules: {', '.join(rule_ids())}", line)
                if setting not in RULE_SETTINGS:
                    raise InputError(str(path), f"rule {rule!r} must be one of {', '.join(RULE_SETTINGS)}, not {setting!r}", line)
            value = dict(value)
        elif key == "no-builtin":
            value = not value
        elif key == "glossaries":
            # Relative to the config file, so that the run works from any subfolder.
            value = tuple(str((path.parent / item)) if not Path(item).is_absolute() else item for item in value)
        elif key == "baseline":
            value = str(path.parent / value)
        elif key == "as-of":
            value = value.isoformat() if isinstance(value, datetime.date) else value
            problem = as_of_error(value)
            if problem:
                raise InputError(str(path), f"'as-of': {problem}", line)
        elif isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return replace(Config(), source=str(path), **values)


def merge(base: Config, **overrides: Any) -> Config:
    """`base` with every override that was given (None means: not given on the command line)."""
    known = {f.name for f in fields(Config)}
    given = {key: value for key, value in overrides.items() if value is not None and key in known}
    return replace(base, **given)
