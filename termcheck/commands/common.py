"""What several commands share: option types, the options of `check` that other commands that
read translations reuse, the error guard, project-config loading and output writing.

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage or input error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from termcheck.config import Config
from termcheck.errors import TermcheckError

if TYPE_CHECKING:
    from termcheck.model import Entry, Glossary


class Align(str, Enum):
    document = "document"
    lines = "lines"


class OutputFormat(str, Enum):
    rich = "rich"
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


class InputFormat(str, Enum):
    xliff = "xliff"
    tmx = "tmx"
    po = "po"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


class Consistency(str, Enum):
    file = "file"
    run = "run"


class ExportFormat(str, Enum):
    tbx = "tbx"
    csv = "csv"
    tsv = "tsv"
    toml = "toml"


GlossaryOption = Annotated[
    list[str] | None,
    typer.Option("--glossary", "-g", metavar="FILE", help="A glossary file (TOML, CSV, TSV or TBX) merged over the built-in one; repeatable."),
]
NoBuiltinOption = Annotated[bool, typer.Option("--no-builtin", help="Use only the --glossary files.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to this file (atomically) instead of standard output.")]

# The options of `check` that every command reading translations takes (`check`, and commands
# that work on the same inputs): declared once here, turned into a Config by config_from_flags.
PathsArgument = Annotated[
    list[str],
    typer.Argument(metavar="PATHS...", help="SOURCE TARGET (two plain-text files), or bilingual files (XLIFF, TMX, PO, JSONL, CSV, TSV) and folders.", show_default=False),
]
InputNoBuiltinOption = Annotated[bool | None, typer.Option("--no-builtin", help="Use only the --glossary files.", show_default=False)]
AlignOption = Annotated[Align | None, typer.Option(help="For two text files: pair the whole documents, or line N with line N [default: document].", show_default=False)]
FailOnOption = Annotated[FailOn | None, typer.Option(help="Lowest severity that makes the exit code 1 [default: error].", show_default=False)]
FormatInOption = Annotated[InputFormat | None, typer.Option("--format-in", metavar="FORMAT", help="Read every file as this format [default: by extension and root element].", show_default=False)]
SourceLangOption = Annotated[str | None, typer.Option("--source-lang", metavar="LANG", help="Source language of the files (overrides what they declare; picks the TMX variant) [default: zh].", show_default=False)]
TargetLangOption = Annotated[str | None, typer.Option("--target-lang", metavar="LANG", help="Target language of the files [default: en].", show_default=False)]
IncludeUnfinishedOption = Annotated[bool | None, typer.Option("--include-unfinished", help="Also check segments that are not translations yet (empty, fuzzy, untranslated, locked).", show_default=False)]
EncodingOption = Annotated[str | None, typer.Option("--encoding", metavar="NAME", help="Encoding of the text inputs (e.g. gb18030, big5) [default: UTF-8, a BOM, or detected].", show_default=False)]
JobsOption = Annotated[int | None, typer.Option("--jobs", "-j", metavar="N", help="Processes that scan segments [default: the number of cores for inputs over a few MB, else 1].", show_default=False)]
SchedulerOption = Annotated[str | None, typer.Option("--scheduler", metavar="ADDRESS", help="Check on a Dask cluster: local:N for N worker processes here, or a scheduler's address (tcp://host:8786); needs termcheck[dask]. --jobs is then not used.", show_default=False)]
ConsistencyOption = Annotated[Consistency | None, typer.Option(help="Compare renderings within each file or across the whole run [default: file].", show_default=False)]
DisableOption = Annotated[list[str] | None, typer.Option("--disable", metavar="RULE", help="Turn a rule off (missing, deprecated, superseded, inconsistent); repeatable.", show_default=False)]
IgnoreOption = Annotated[list[str] | None, typer.Option("--ignore", metavar="ENTRY", help="Never report this entry (id or Chinese headword); repeatable.", show_default=False)]
ExcludeOption = Annotated[list[str] | None, typer.Option("--exclude", metavar="GLOB", help="Leave out files matching this glob pattern; repeatable.", show_default=False)]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="DATE",
        help="The date of the texts (YYYY, YYYY-MM or YYYY-MM-DD): renderings superseded after it were official then and are not reported.",
        show_default=False,
    ),
]
BaselineOption = Annotated[str | None, typer.Option("--baseline", metavar="FILE", help="Report only findings this baseline file does not record.", show_default=False)]
ConfigFileOption = Annotated[str | None, typer.Option("--config", metavar="FILE", help="Read settings from this file [default: .termcheck.toml or pyproject.toml's [tool.termcheck], found upwards].", show_default=False)]
NoConfigOption = Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")]

T = TypeVar("T")


class Command(TyperCommand):
    """A command whose usage line names its arguments as its help does (PATHS..., FILE), not in
    braces."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece for piece in super().collect_usage_pieces(ctx)]


def _click() -> Any:
    """The click that typer runs on: vendored as typer._click by recent typer, the click package
    by older releases that pyproject still allows."""
    from importlib import import_module

    try:
        return import_module("typer._click")
    except ImportError:
        return import_module("click")


class OneLineUsageErrors(TyperGroup):
    """The root command group: a usage error (an unknown option, a missing argument, a bad
    choice) is one line on stderr, like every other error, and exit code 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def run() -> Any:
            return super(OneLineUsageErrors, self).main(
                args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False,
                windows_expand_args=windows_expand_args, **extra,
            )

        # The command line as typed, for reports that say what made them.
        self.arguments = list(args) if args is not None else sys.argv[1:]
        if not standalone_mode:
            return run()
        exceptions = _click().exceptions
        try:
            code = run()
        except exceptions.UsageError as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # the help, as asked for by no arguments
                error.show()
                sys.exit(error.exit_code)
            where = error.ctx.command_path if error.ctx is not None else "termcheck"
            message = " ".join(error.format_message().split()).rstrip(".")
            typer.echo(f"termcheck: error: {message}; see '{where} --help'", err=True)
            sys.exit(2)
        except exceptions.ClickException as error:
            typer.echo(f"termcheck: error: {' '.join(error.format_message().split())}", err=True)
            sys.exit(error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def fail(message: str) -> NoReturn:
    typer.echo(f"termcheck: error: {message}", err=True)
    raise typer.Exit(2)


def guarded(debug: bool, work: Callable[[], T]) -> T:
    """Run `work`, turning every error into one line on stderr and exit code 2."""
    try:
        return work()
    except typer.Exit:
        raise
    except TermcheckError as exc:
        if debug:
            raise
        fail(str(exc))
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # Output outside to_stdout (a warning on a closed stderr): still a quiet end.
        _drop_stdout()
        raise typer.Exit(0) from None
    except Exception as exc:  # a bug or an unforeseen input: still one line, unless --debug
        if debug:
            raise
        fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")


def command_line() -> str:
    """The command line of this run, as the user typed it ("" outside a command)."""
    import shlex

    context = _click().globals.get_current_context(silent=True)
    if context is None:
        return ""
    root = context.find_root()
    arguments = getattr(root.command, "arguments", None)
    return shlex.join([root.info_name or "termcheck", *arguments]) if arguments is not None else ""


def project_config(config_file: str | None, no_config: bool) -> Config:
    from pathlib import Path

    from termcheck.config import find_config_file, load_config_file

    if no_config:
        return Config()
    if config_file:
        path = Path(config_file)
        if not path.is_file():
            from termcheck.errors import InputError

            raise InputError(config_file, "no such config file")
        return load_config_file(path)
    found = find_config_file()
    return load_config_file(found) if found else Config()


def config_from_flags(
    *,
    glossary: list[str] | None = None,
    no_builtin: bool | None = None,
    align: Align | None = None,
    output_format: str | None = None,
    fail_on: FailOn | None = None,
    format_in: InputFormat | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    include_unfinished: bool | None = None,
    encoding: str | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    consistency: Consistency | None = None,
    as_of: str | None = None,
    disable: list[str] | None = None,
    ignore: list[str] | None = None,
    exclude: list[str] | None = None,
    baseline: str | None = None,
    write_baseline: str | None = None,
    config_file: str | None = None,
    no_config: bool = False,
) -> Config:
    """The project's config file, then the flags over it (flags win; lists add to the file's)."""
    from termcheck.config import merge

    project = project_config(config_file, no_config)
    rules = dict(project.rules)
    for rule_id in disable or ():
        from termcheck.rules import rule_ids

        if rule_id not in rule_ids():
            from termcheck.errors import UsageError

            raise UsageError(f"--disable: unknown rule {rule_id!r}; rules: {', '.join(rule_ids())}")
        rules[rule_id] = "off"
    return merge(
        project,
        glossaries=(*project.glossaries, *glossary) if glossary else None,
        builtin=False if no_builtin else None,
        align=align.value if align else None,
        format=output_format,
        fail_on=fail_on.value if fail_on else None,
        format_in=format_in.value if format_in else None,
        source_language=source_lang,
        target_language=target_lang,
        include_unfinished=include_unfinished,
        encoding=encoding,
        jobs=jobs,
        scheduler=scheduler,
        consistency=consistency.value if consistency else None,
        as_of=as_of,
        rules=rules,
        ignore=(*project.ignore, *ignore) if ignore else None,
        exclude=(*project.exclude, *exclude) if exclude else None,
        baseline=baseline,
        write_baseline=write_baseline,
    )


def refuse_overwriting_inputs(paths: list[str], *outputs: str | None) -> None:
    """An input file is never written to: an output path that names one is a usage error."""
    from pathlib import Path

    from termcheck.errors import UsageError

    inputs = {Path(p).resolve() for p in paths if Path(p).is_file()}
    for output in outputs:
        if output and output != "-" and Path(output).resolve() in inputs:
            raise UsageError(f"{output} is an input of this run; termcheck does not write over its inputs")


def to_stdout(write: Callable[[TextIO], object]) -> None:
    """Run `write` on standard output. A reader that stops reading (`| head -1`) is a normal end:
    the rest of the output is dropped without a message, and the command exits as it would have."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()


def _drop_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush does not
    fail again on the closed pipe."""
    import os

    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test runner's buffer)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def echo_warnings(warnings: Iterable[str]) -> None:
    """The input warnings of a run (files or segments passed over), one line each on stderr."""
    for warning in warnings:
        typer.echo(f"termcheck: warning: {warning}", err=True)


def write_report(write: Callable[[TextIO], object], output: str | None) -> None:
    """`write` on standard output for None or "-", else on the file, written atomically as it
    is made (a long report is never held whole)."""
    if output is None or output == "-":
        to_stdout(write)
        return
    from termcheck.outputfile import written_text_atomically

    with written_text_atomically(output) as out:
        write(out)


def write_output(text: str, output: str | None) -> None:
    """Standard output for None or "-", else the file, written atomically."""
    if output is None or output == "-":
        to_stdout(lambda out: out.write(text))
        return
    from termcheck.outputfile import write_atomically

    write_atomically(output, text)


def load_glossary_from_flags(glossary: list[str] | None, no_builtin: bool) -> Glossary:
    from termcheck.errors import UsageError
    from termcheck.glossary import load_glossary

    if no_builtin and not glossary:
        raise UsageError("--no-builtin needs at least one --glossary")
    return load_glossary(tuple(glossary or ()), builtin=not no_builtin)


def serialise_entries(entries: Sequence[Entry], output_format: ExportFormat, title: str) -> str:
    from termcheck.glossary.write import entries_to_table, entries_to_toml

    if output_format is ExportFormat.tbx:
        from termcheck.glossary.tbx import entries_to_tbx

        return entries_to_tbx(entries, title=title)
    if output_format is ExportFormat.toml:
        return entries_to_toml(entries, header=title)
    return entries_to_table(entries, delimiter="," if output_format is ExportFormat.csv else "\t")
