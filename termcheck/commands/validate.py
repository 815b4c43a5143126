"""`termcheck glossary validate`: schema, duplicates and clashes in glossary files."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from termcheck.commands.common import DebugOption, FailOn, guarded, to_stdout


class ValidateLevel(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


EXAMPLES = """\b
Examples:
  termcheck glossary validate                     the built-in glossary
  termcheck glossary validate house.toml --level info   nested terms too
  termcheck glossary validate termbase.tbx --fail-on warning"""


def validate_command(
    paths: Annotated[list[str] | None, typer.Argument(metavar="[FILE]...", help="Glossary files (TOML, CSV, TSV, TBX) [default: the built-in glossary].", show_default=False)] = None,
    level: Annotated[ValidateLevel, typer.Option(help="Lowest severity to list; nested terms (one entry's Chinese form inside another's) are info.")] = ValidateLevel.warning,
    fail_on: Annotated[FailOn, typer.Option(help="Lowest severity that makes the exit code 1.")] = FailOn.error,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
    debug: DebugOption = False,
) -> None:
    """Check glossary files: schema, duplicate ids and forms, clashing renderings; nested terms as info."""

    def run() -> int:
        from termcheck.api import reaches
        from termcheck.glossary import builtin_glossary_files
        from termcheck.glossary.validate import validate_files
        from termcheck.model import Severity
        from termcheck.reporters.glossary import print_validation

        files = list(paths) if paths else [str(p) for p in builtin_glossary_files()]
        report = validate_files(files)
        to_stdout(lambda out: print_validation(report, out, level=Severity(level.value), as_json=as_json))
        return 1 if reaches(fail_on.value, (p.severity for p in report.problems)) else 0

    raise typer.Exit(guarded(debug, run))
