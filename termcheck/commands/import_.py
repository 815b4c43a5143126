"""`termcheck glossary import`: a TBX, CSV or TSV glossary converted to native TOML."""

from __future__ import annotations

from typing import Annotated

import typer

from termcheck.commands.common import DebugOption, ExportFormat, OutputOption, guarded, serialise_entries, write_output

EXAMPLES = """\b
Examples:
  termcheck glossary import termbase.tbx -o house.toml
  termcheck glossary import house.csv -o house.toml
  termcheck glossary import termbase.tbx -f csv -o house.csv"""


def import_command(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A TBX, CSV or TSV glossary.", show_default=False)],
    output: OutputOption = None,
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="What to write [default: toml, termcheck's native format].", show_default=False)] = ExportFormat.toml,
    debug: DebugOption = False,
) -> None:
    """Convert a TBX, CSV or TSV glossary into termcheck's native TOML (or another export format)."""

    def run() -> int:
        from pathlib import Path

        from termcheck.errors import UsageError
        from termcheck.glossary import read_glossary_file

        if output and output != "-" and Path(output).resolve() == Path(path).resolve():
            raise UsageError(f"{output}: the output would overwrite the file being imported")
        from termcheck.glossary.write import as_native

        entries = as_native(read_glossary_file(path), imported_from=Path(path).name)
        title = f"Imported from {Path(path).name} by termcheck glossary import."
        write_output(serialise_entries(entries, output_format, title), output)
        if output and output != "-":
            typer.echo(f"{len(entries)} entries written to {output}", err=True)
        return 0

    raise typer.Exit(guarded(debug, run))
