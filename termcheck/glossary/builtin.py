"""Where the built-in glossary's files are: all a run with a warm cache needs of the glossary
package (their bytes key the cache), without the code that reads them."""

from __future__ import annotations

from pathlib import Path

from termcheck.errors import InputError

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
# In a wheel the glossary is shipped inside the package; in a source checkout it is the
# repository's top-level glossary/ folder.
_BUILTIN_DIRS = (_PACKAGE_DIR / "_glossary", _PACKAGE_DIR.parent / "glossary")


def builtin_glossary_files() -> list[Path]:
    for folder in _BUILTIN_DIRS:
        files = sorted(folder.glob("*.toml"))
        if files:
            return files
    raise InputError(str(_BUILTIN_DIRS[-1]), "the built-in glossary is missing from this installation")
