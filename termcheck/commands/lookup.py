"""`termcheck glossary lookup`: the entries a Chinese form or an English rendering belongs to."""

from __future__ import annotations

from typing import Annotated

import typer

from termcheck.commands.common import DebugOption, GlossaryOption, NoBuiltinOption, guarded, to_stdout

EXAMPLES = """\b
Examples:
  termcheck glossary lookup 中国共产党
  termcheck glossary lookup "the CCP"
  termcheck glossary lookup "State Counselor"    entries close to it
  termcheck glossary lookup 工会 -g house.csv --json"""


def lookup_command(
    term: Annotated[str, typer.Argument(metavar="TERM", help="A Chinese form or an English rendering.", show_default=False)],
    glossary: GlossaryOption = None,
    no_builtin: NoBuiltinOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
    debug: DebugOption = False,
) -> None:
    """Print the glossary entries a Chinese form or an English rendering belongs to.

    Word forms, articles and hyphens do not matter. When the term is in no entry as written, the
    entries close to it are listed (another letter case, a form or rendering that holds it or that
    it holds, a near miss), and the exit code is 1.
    """

    def run() -> int:
        from pathlib import Path

        from termcheck.api import load_matchers
        from termcheck.glossary import builtin_glossary_files
        from termcheck.glossary.lookup import lookup, with_origins_in
        from termcheck.reporters.entries import print_entries

        matches = lookup(term, load_matchers(tuple(glossary or ()), builtin=not no_builtin))
        if not matches:
            typer.echo(f"{term}: not in the glossary, and nothing close to it", err=True)
            return 1
        files = [*(builtin_glossary_files() if not no_builtin else []), *(Path(g) for g in glossary or ())]
        matches = with_origins_in(matches, files)
        exact = all(match.exact for match in matches)
        if not exact:
            typer.echo(f"{term}: not in the glossary as written; entries close to it:", err=True)
        to_stdout(lambda out: print_entries(matches, out, as_json=as_json))
        return 0 if exact else 1

    raise typer.Exit(guarded(debug, run))
