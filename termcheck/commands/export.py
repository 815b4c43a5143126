"""`termcheck glossary export`: the glossary as TBX, CSV, TSV or TOML."""

from __future__ import annotations

from typing import Annotated

import typer

from termcheck.commands.common import (
    DebugOption,
    ExportFormat,
    GlossaryOption,
    NoBuiltinOption,
    OutputOption,
    guarded,
    load_glossary_from_flags,
    serialise_entries,
    write_output,
)

EXAMPLES = """\b
Examples:
  termcheck glossary export -o terms.tbx          TBX-Basic for a CAT tool
  termcheck glossary export -f csv -o terms.csv   for a spreadsheet
  termcheck glossary export -f toml -g house.csv --no-builtin"""


def export_command(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="TBX-Basic for CAT tools' termbases, CSV/TSV for spreadsheets, or native TOML.")] = ExportFormat.tbx,
    output: OutputOption = None,
    glossary: GlossaryOption = None,
    no_builtin: NoBuiltinOption = False,
    debug: DebugOption = False,
) -> None:
    """Write the glossary (built-in, merged with --glossary files) as TBX, CSV, TSV or TOML."""

    def run() -> int:
        entries = load_glossary_from_flags(glossary, no_builtin).entries
        write_output(serialise_entries(entries, output_format, "termcheck glossary"), output)
        return 0

    raise typer.Exit(guarded(debug, run))
