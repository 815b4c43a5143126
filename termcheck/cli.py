"""The command line: the typer apps and the registration of each command (termcheck/commands/*).

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage or input error.
"""

from __future__ import annotations

from typing import Annotated

import typer
from typer.core import TyperCommand

from termcheck.commands import check, export, fix, import_, lookup, stats, terms, validate
from termcheck.commands.common import Command, OneLineUsageErrors

app = typer.Typer(
    cls=OneLineUsageErrors,
    context_settings={"help_option_names": ["-h", "--help"]},
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


app.command("check", epilog=check.EXAMPLES)(check.check_command)
app.command("terms", epilog=terms.EXAMPLES)(terms.terms_command)
app.command("fix", epilog=fix.EXAMPLES)(fix.fix_command)
glossary_app.command("lookup", epilog=lookup.EXAMPLES)(lookup.lookup_command)
glossary_app.command("validate", epilog=validate.EXAMPLES)(validate.validate_command)
glossary_app.command("stats", epilog=stats.EXAMPLES)(stats.stats_command)
glossary_app.command("export", epilog=export.EXAMPLES)(export.export_command)
glossary_app.command("import", epilog=import_.EXAMPLES)(import_.import_command)

# Every command names its arguments in its usage line as its help does (PATHS..., FILE).
for _info in (*app.registered_commands, *glossary_app.registered_commands):
    if _info.cls in (None, TyperCommand):
        _info.cls = Command


def main() -> None:
    app(prog_name="termcheck")
