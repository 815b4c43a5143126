"""The command line: flags become a Config, the library does the work, a reporter prints it.

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage or input error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, NoReturn, TypeVar

import typer

from termcheck.config import Config
from termcheck.errors import TermcheckError

app = typer.Typer(
    help="Check an English translation against its Chinese source with a curated glossary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
glossary_app = typer.Typer(help="Inspect the glossary.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")


class Align(str, Enum):
    document = "document"
    lines = "lines"


class OutputFormat(str, Enum):
    rich = "rich"
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


GlossaryOption = Annotated[
    list[str] | None,
    typer.Option("--glossary", "-g", help="A glossary file (TOML, CSV or TSV) merged over the built-in one; repeatable."),
]
NoBuiltinOption = Annotated[bool, typer.Option("--no-builtin", help="Use only the --glossary files.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")]

T = TypeVar("T")


def _fail(message: str) -> NoReturn:
    typer.echo(f"termcheck: error: {message}", err=True)
    raise typer.Exit(2)


def _guarded(debug: bool, work: Callable[[], T]) -> T:
    """Run `work`, turning every error into one line on stderr and exit code 2."""
    try:
        return work()
    except typer.Exit:
        raise
    except TermcheckError as exc:
        if debug:
            raise
        _fail(str(exc))
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug or an unforeseen input: still one line, unless --debug
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")


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


@app.command("check")
def check_command(
    paths: Annotated[list[str], typer.Argument(help="SOURCE TARGET (two plain-text files), or one bilingual .tsv file.", show_default=False)],
    glossary: GlossaryOption = None,
    no_builtin: NoBuiltinOption = False,
    align: Annotated[Align, typer.Option(help="Pair the whole documents, or line N with line N.")] = Align.document,
    output_format: Annotated[OutputFormat | None, typer.Option("--format", "-f", help="Report format [default: rich on a terminal, text otherwise].", show_default=False)] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Lowest severity that makes the exit code 1.")] = FailOn.error,
    debug: DebugOption = False,
) -> None:
    """Check a translation against its source and report missing, deprecated and inconsistent terms."""
    config = Config(
        glossaries=tuple(glossary or ()),
        builtin=not no_builtin,
        align=align.value,
        format=output_format.value if output_format else None,
        fail_on=fail_on.value,
    )

    def run() -> int:
        from termcheck.api import check_paths, exit_code
        from termcheck.reporters import get_reporter

        result = check_paths(paths, config)
        name = config.format or ("rich" if sys.stdout.isatty() else "text")
        get_reporter(name)(result, sys.stdout)
        return exit_code(result, config.fail_on)

    raise typer.Exit(_guarded(debug, run))


@glossary_app.command("lookup")
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
        print_entries(matches, sys.stdout, as_json=as_json)
        return 0

    raise typer.Exit(_guarded(debug, run))


def main() -> None:
    app(prog_name="termcheck")
