"""Reporters turn a CheckResult into output; they know nothing about files or rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from termcheck.model import CheckResult

Reporter = Callable[[CheckResult, TextIO], None]

FORMATS = ("rich", "text", "json", "sarif", "junit", "html")


def get_reporter(name: str) -> Reporter:
    # Imported on demand: rich costs start-up time that text and JSON output don't need.
    if name == "text":
        from termcheck.reporters.text import report
    elif name == "json":
        from termcheck.reporters.json import report
    elif name == "rich":
        from termcheck.reporters.rich import report
    elif name == "sarif":
        from termcheck.reporters.sarif import report
    elif name == "junit":
        from termcheck.reporters.junit import report
    elif name == "html":
        from termcheck.reporters.html import report
    else:
        raise ValueError(f"unknown format {name!r}")
    return report


__all__ = ["FORMATS", "Reporter", "get_reporter"]
