"""`termcheck glossary lookup`: the entries a Chinese form or an English rendering belongs to."""

from __future__ import annotations

from typing import Annotated

import typer

from termcheck.commands.common import DebugOption, GlossaryOption, NoBuiltinOption, guarded, to_stdout


def lookup_command(
    term: Annotated[str, typer.Argument(help="A Chinese form or an English rendering.")],
    glossary: GlossaryOption = None,
    no_builtin: NoBuiltinOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
    debug: DebugOption = False,
) -> None:
    """Print the glossary entries a Chinese form or an English rendering belongs to (exit 1 if none)."""

    def run() -> int:
        from termcheck.api import load_matchers
        from termcheck.glossary.lookup import lookup
        from termcheck.reporters.entries import print_entries

        matches = lookup(term, load_matchers(tuple(glossary or ()), builtin=not no_builtin))
        if not matches:
            typer.echo(f"{term}: not in the glossary", err=True)
            return 1
        to_stdout(lambda out: print_entries(matches, out, as_json=as_json))
        return 0

    raise typer.Exit(guarded(debug, run))
