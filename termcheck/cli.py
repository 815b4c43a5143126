"""The command line: the typer apps and the registration of each command (termcheck/commands/*).

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage or input error.
"""

from __future__ import annotations

from typing import Annotated

import typer

from termcheck.commands import check, export, fix, import_, lookup, stats, terms, validate

app = typer.Typer(
    help="Check an English translation against its Chinese source with a curated glossary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help text: "[default: …]" and "[tool.termcheck]" are text, not markup.
    rich_markup_mode=None,
)
glossary_app = typer.Typer(help="Inspect, check, convert and count the glossary.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(glossary_app, name="glossary")


def _version(value: bool) -> None:
    if value:
        from termcheck import __version__

        typer.echo(f"termcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    pass


app.command("check")(check.check_command)
app.command("terms")(terms.terms_command)
app.command("fix")(fix.fix_command)
glossary_app.command("lookup")(lookup.lookup_command)
glossary_app.command("validate")(validate.validate_command)
glossary_app.command("stats")(stats.stats_command)
glossary_app.command("export")(export.export_command)
glossary_app.command("import")(import_.import_command)


def main() -> None:
    app(prog_name="termcheck")
