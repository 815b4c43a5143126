"""Reading glossaries: the built-in one and users' files, merged into one Glossary."""

from termcheck.glossary.load import builtin_glossary_files, load_glossary, read_glossary_file

__all__ = ["builtin_glossary_files", "load_glossary", "read_glossary_file"]
