"""termcheck: check an English translation against its Chinese source with a curated glossary."""

from termcheck.api import check_paths, exit_code, load_matchers
from termcheck.check import check
from termcheck.config import Config
from termcheck.errors import InputError, TermcheckError, UsageError
from termcheck.glossary import load_glossary
from termcheck.matching import Matchers, compile_glossary
from termcheck.model import CheckResult, Entry, Finding, Glossary, Segment, Severity, TextOrigin
from termcheck.terms import TermList, TermRow, terms_of_paths

__version__ = "0.1.0"

__all__ = [
    "CheckResult", "Config", "Entry", "Finding", "Glossary", "InputError", "Matchers", "Segment",
    "Severity", "TermcheckError", "TextOrigin", "UsageError", "check", "check_paths",
    "compile_glossary", "exit_code", "load_glossary", "load_matchers",
    "TermList", "TermRow", "terms_of_paths",
]
