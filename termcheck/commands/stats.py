"""`termcheck glossary stats`: the glossary's entries counted by category, source and file."""

from __future__ import annotations

from typing import Annotated

import typer

from termcheck.commands.common import (
    DebugOption,
    GlossaryOption,
    NoBuiltinOption,
    guarded,
    load_glossary_from_flags,
    to_stdout,
)

EXAMPLES = """\b
Examples:
  termcheck glossary stats
  termcheck glossary stats --top 0 --json
  termcheck glossary stats -g house.toml --no-builtin"""


def stats_command(
    glossary: GlossaryOption = None,
    no_builtin: NoBuiltinOption = False,
    top: Annotated[int, typer.Option(metavar="N", help="How many sources to list (0: all).")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
    debug: DebugOption = False,
) -> None:
    """Count the glossary's entries by category, source and file."""

    def run() -> int:
        from termcheck.glossary.stats import glossary_stats
        from termcheck.reporters.glossary import print_stats

        stats = glossary_stats(load_glossary_from_flags(glossary, no_builtin).entries)
        to_stdout(lambda out: print_stats(stats, out, as_json=as_json, top=top))
        return 0

    raise typer.Exit(guarded(debug, run))
