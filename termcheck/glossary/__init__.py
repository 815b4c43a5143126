"""Reading glossaries: the built-in one and users' files, merged into one Glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from termcheck.glossary.builtin import builtin_glossary_files

if TYPE_CHECKING:
    from termcheck.glossary.load import load_glossary, read_glossary_file

__all__ = ["builtin_glossary_files", "load_glossary", "read_glossary_file"]


def __getattr__(name: str) -> object:
    # The readers (TOML, CSV, patterns) are imported when a glossary is read, not by a run that
    # finds it compiled in the cache.
    if name in ("load_glossary", "read_glossary_file"):
        from termcheck.glossary import load

        return getattr(load, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
