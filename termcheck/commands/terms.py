"""`termcheck terms`: the document's term list, for a translator or a CAT tool's termbase."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from termcheck.commands.common import (
    AlignOption,
    ConfigFileOption,
    DebugOption,
    EncodingOption,
    ExcludeOption,
    FormatInOption,
    GlossaryOption,
    InputNoBuiltinOption,
    NoConfigOption,
    SourceLangOption,
    TargetLangOption,
    config_from_flags,
    echo_warnings,
    guarded,
    refuse_overwriting_inputs,
    write_output,
)


class TermsFormat(str, Enum):
    rich = "rich"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    tbx = "tbx"


def _format_name(given: TermsFormat | None, output: str | None, terminal: bool) -> str:
    """--format, else the output file's extension, else a table on a terminal and TSV in a pipe."""
    from pathlib import Path

    from termcheck.errors import UsageError

    if given is not None:
        return given.value
    if output is None or output == "-":
        return "rich" if terminal else "tsv"
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix not in ("csv", "tsv", "json", "tbx"):
        raise UsageError(f"--output {output}: say which format with --format (csv, tsv, json, tbx)")
    return suffix


EXAMPLES = """\b
Examples:
  termcheck terms doc.zh.txt                      before translating
  termcheck terms doc.zh.txt doc.en.txt -f csv    and the translation
  termcheck terms project.xlf -o terms.tbx        a termbase for a CAT tool
  termcheck terms l10n/ -f json -g house.toml     with a glossary of your own

\b
Exit codes: 0 the list is written, 2 usage or input error."""


def terms_command(
    paths: Annotated[list[str], typer.Argument(metavar="PATHS...", help="SOURCE [TARGET] (plain-text files), or bilingual files (XLIFF, TMX, PO, JSONL, CSV, TSV) and folders.", show_default=False)],
    output_format: Annotated[TermsFormat | None, typer.Option("--format", "-f", help="A table for the terminal, CSV/TSV, JSON, or a TBX termbase for a CAT tool [default: by the --output file's extension; rich on a terminal, tsv otherwise].", show_default=False)] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to this file (atomically) instead of standard output.", show_default=False)] = None,
    glossary: GlossaryOption = None,
    no_builtin: InputNoBuiltinOption = None,
    align: AlignOption = None,
    format_in: FormatInOption = None,
    source_lang: SourceLangOption = None,
    target_lang: TargetLangOption = None,
    encoding: EncodingOption = None,
    exclude: ExcludeOption = None,
    config_file: ConfigFileOption = None,
    no_config: NoConfigOption = False,
    debug: DebugOption = False,
) -> None:
    """List the glossary terms of a source, and what its translation uses for each."""

    def run() -> int:
        import io
        from pathlib import Path

        from termcheck.reporters.terms import render
        from termcheck.terms import terms_of_paths

        config = config_from_flags(
            glossary=glossary,
            no_builtin=no_builtin,
            align=align,
            format_in=format_in,
            source_lang=source_lang,
            target_lang=target_lang,
            encoding=encoding,
            exclude=exclude,
            config_file=config_file,
            no_config=no_config,
        )
        refuse_overwriting_inputs(paths, output)
        name = _format_name(output_format, output, sys.stdout.isatty())
        terms = terms_of_paths(paths, config)
        echo_warnings(terms.warnings)
        buffer = io.StringIO()
        render(terms, name, buffer, title=f"Terms of {', '.join(Path(p).name for p in paths)} (termcheck terms)")
        write_output(buffer.getvalue(), output)
        return 0

    raise typer.Exit(guarded(debug, run))
