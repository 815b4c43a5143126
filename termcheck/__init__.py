"""termcheck: check an English translation against its Chinese source with a curated glossary."""

from typing import TYPE_CHECKING

from termcheck.api import check_paths, exit_code, load_matchers
from termcheck.check import check
from termcheck.config import Config
from termcheck.errors import InputError, TermcheckError, UsageError
from termcheck.matching import Matchers, compile_glossary
from termcheck.model import CheckResult, Entry, Finding, Glossary, Segment, Severity, TextOrigin

if TYPE_CHECKING:
    from termcheck.glossary import load_glossary
    from termcheck.terms import TermList, TermRow, terms_of_paths

__version__ = "0.1.0"

# Imported when first used: a check with a warm cache reads no glossary file and lists no terms.
_LAZY = {"load_glossary": "termcheck.glossary", "TermList": "termcheck.terms", "TermRow": "termcheck.terms", "terms_of_paths": "termcheck.terms"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CheckResult", "Config", "Entry", "Finding", "Glossary", "InputError", "Matchers", "Segment",
    "Severity", "TermcheckError", "TextOrigin", "UsageError", "check", "check_paths",
    "compile_glossary", "exit_code", "load_glossary", "load_matchers",
    "TermList", "TermRow", "terms_of_paths",
]
