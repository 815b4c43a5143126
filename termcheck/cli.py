"""The command line: flags become a Config, the library does the work, a reporter prints it.

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage or input error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from termcheck.config import Config
from termcheck.errors import TermcheckError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from termcheck.model import Entry, Glossary

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


_FORMAT_BY_SUFFIX = {".sarif": "sarif", ".json": "json", ".xml": "junit", ".html": "html", ".htm": "html", ".txt": "text"}


def _output_format(output: str, given: str | None) -> str:
    from pathlib import Path

    from termcheck.errors import UsageError

    if given:
        return given
    name = Path(output).name.lower()
    if name.endswith(".sarif.json"):
        return "sarif"
    suffix = Path(name).suffix
    if suffix not in _FORMAT_BY_SUFFIX:
        raise UsageError(f"--output {output}: say which format with --format (sarif, json, junit, html, text)")
    return _FORMAT_BY_SUFFIX[suffix]


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


GlossaryOption = Annotated[
    list[str] | None,
    typer.Option("--glossary", "-g", help="A glossary file (TOML, CSV, TSV or TBX) merged over the built-in one; repeatable."),
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


def _project_config(config_file: str | None, no_config: bool) -> Config:
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


def _refuse_overwriting_inputs(paths: list[str], *outputs: str | None) -> None:
    """An input file is never written to: an output path that names one is a usage error."""
    from pathlib import Path

    from termcheck.errors import UsageError

    inputs = {Path(p).resolve() for p in paths if Path(p).is_file()}
    for output in outputs:
        if output and output != "-" and Path(output).resolve() in inputs:
            raise UsageError(f"{output} is an input of this run; termcheck does not write over its inputs")


@app.command("check")
def check_command(
    paths: Annotated[list[str], typer.Argument(help="SOURCE TARGET (two plain-text files), or bilingual files (XLIFF, TMX, PO, JSONL, CSV, TSV) and folders.", show_default=False)],
    glossary: GlossaryOption = None,
    no_builtin: Annotated[bool | None, typer.Option("--no-builtin", help="Use only the --glossary files.", show_default=False)] = None,
    align: Annotated[Align | None, typer.Option(help="For two text files: pair the whole documents, or line N with line N [default: document].", show_default=False)] = None,
    output_format: Annotated[OutputFormat | None, typer.Option("--format", "-f", help="Report format; with --output, the file's format [default: rich on a terminal, text otherwise; for --output, by its extension].", show_default=False)] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Also write the report to this file (atomically), in --format or the format its extension names; the terminal still shows the usual report.", show_default=False)] = None,
    fail_on: Annotated[FailOn | None, typer.Option(help="Lowest severity that makes the exit code 1 [default: error].", show_default=False)] = None,
    format_in: Annotated[InputFormat | None, typer.Option("--format-in", help="Read every file as this format [default: by extension and root element].", show_default=False)] = None,
    source_lang: Annotated[str | None, typer.Option("--source-lang", help="Source language of the files (overrides what they declare; picks the TMX variant) [default: zh].", show_default=False)] = None,
    target_lang: Annotated[str | None, typer.Option("--target-lang", help="Target language of the files [default: en].", show_default=False)] = None,
    include_unfinished: Annotated[bool | None, typer.Option("--include-unfinished", help="Also check segments that are not translations yet (empty, fuzzy, untranslated, locked).", show_default=False)] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Encoding of the text inputs (e.g. gb18030, big5) [default: UTF-8, a BOM, or detected].", show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Processes that scan segments [default: the number of cores for inputs over a few MB, else 1].", show_default=False)] = None,
    consistency: Annotated[Consistency | None, typer.Option(help="Compare renderings within each file or across the whole run [default: file].", show_default=False)] = None,
    disable: Annotated[list[str] | None, typer.Option("--disable", help="Turn a rule off (missing, deprecated, superseded, inconsistent); repeatable.", show_default=False)] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Never report this entry (id or Chinese headword); repeatable.", show_default=False)] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Leave out files matching this glob pattern; repeatable.", show_default=False)] = None,
    baseline: Annotated[str | None, typer.Option("--baseline", help="Report only findings this baseline file does not record.", show_default=False)] = None,
    write_baseline: Annotated[str | None, typer.Option("--write-baseline", help="Record the findings of this run in a baseline file.", show_default=False)] = None,
    config_file: Annotated[str | None, typer.Option("--config", help="Read settings from this file [default: .termcheck.toml or pyproject.toml's [tool.termcheck], found upwards].", show_default=False)] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")] = False,
    debug: DebugOption = False,
) -> None:
    """Check translations against their source and report missing, deprecated, superseded and inconsistent terms."""

    def run() -> int:
        from termcheck.api import check_paths, exit_code
        from termcheck.config import merge
        from termcheck.reporters import get_reporter

        project = _project_config(config_file, no_config)
        rules = dict(project.rules)
        for rule_id in disable or ():
            from termcheck.rules import rule_ids

            if rule_id not in rule_ids():
                from termcheck.errors import UsageError

                raise UsageError(f"--disable: unknown rule {rule_id!r}; rules: {', '.join(rule_ids())}")
            rules[rule_id] = "off"
        config = merge(
            project,
            glossaries=(*project.glossaries, *glossary) if glossary else None,
            builtin=False if no_builtin else None,
            align=align.value if align else None,
            format=output_format.value if output_format and not output else None,
            fail_on=fail_on.value if fail_on else None,
            format_in=format_in.value if format_in else None,
            source_language=source_lang,
            target_language=target_lang,
            include_unfinished=include_unfinished,
            encoding=encoding,
            jobs=jobs,
            consistency=consistency.value if consistency else None,
            rules=rules,
            ignore=(*project.ignore, *ignore) if ignore else None,
            exclude=(*project.exclude, *exclude) if exclude else None,
            baseline=baseline,
            write_baseline=write_baseline,
        )
        _refuse_overwriting_inputs(paths, output, write_baseline)
        name = config.format or ("rich" if sys.stdout.isatty() else "text")
        if sys.stderr.isatty() and name in ("rich", "text"):
            from termcheck.reporters.progress import DelayedProgress

            with DelayedProgress() as progress:
                result = check_paths(paths, config, progress=progress)
        else:
            result = check_paths(paths, config)
        for warning in result.warnings:
            typer.echo(f"termcheck: warning: {warning}", err=True)
        if output:
            import io

            from termcheck.outputfile import write_atomically

            buffer = io.StringIO()
            get_reporter(_output_format(output, output_format.value if output_format else None))(result, buffer)
            write_atomically(output, buffer.getvalue())
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


class ValidateLevel(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class ExportFormat(str, Enum):
    tbx = "tbx"
    csv = "csv"
    tsv = "tsv"
    toml = "toml"


OutputOption = Annotated[str | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output.")]


def _write_output(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    from termcheck.outputfile import write_atomically

    write_atomically(output, text)


@glossary_app.command("validate")
def validate_command(
    paths: Annotated[list[str] | None, typer.Argument(help="Glossary files (TOML, CSV, TSV, TBX) [default: the built-in glossary].", show_default=False)] = None,
    level: Annotated[ValidateLevel, typer.Option(help="Lowest severity to list; nested terms are info.")] = ValidateLevel.info,
    fail_on: Annotated[FailOn, typer.Option(help="Lowest severity that makes the exit code 1.")] = FailOn.error,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
    debug: DebugOption = False,
) -> None:
    """Check glossary files: schema, duplicate ids and forms, clashing renderings; nested terms as info."""

    def run() -> int:
        from termcheck.glossary import builtin_glossary_files
        from termcheck.glossary.validate import validate_files
        from termcheck.model import Severity
        from termcheck.reporters.glossary import print_validation

        files = list(paths) if paths else [str(p) for p in builtin_glossary_files()]
        report = validate_files(files)
        print_validation(report, sys.stdout, level=Severity(level.value), as_json=as_json)
        from termcheck.api import reaches

        return 1 if reaches(fail_on.value, (p.severity for p in report.problems)) else 0

    raise typer.Exit(_guarded(debug, run))


@glossary_app.command("stats")
def stats_command(
    glossary: GlossaryOption = None,
    no_builtin: NoBuiltinOption = False,
    top: Annotated[int, typer.Option(help="How many sources to list (0: all).")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
    debug: DebugOption = False,
) -> None:
    """Count the glossary's entries by category, source and file."""

    def run() -> int:
        from termcheck.glossary.stats import glossary_stats
        from termcheck.reporters.glossary import print_stats

        print_stats(glossary_stats(_load(glossary, no_builtin).entries), sys.stdout, as_json=as_json, top=top)
        return 0

    raise typer.Exit(_guarded(debug, run))


def _load(glossary: list[str] | None, no_builtin: bool) -> "Glossary":
    from termcheck.errors import UsageError
    from termcheck.glossary import load_glossary

    if no_builtin and not glossary:
        raise UsageError("--no-builtin needs at least one --glossary")
    return load_glossary(tuple(glossary or ()), builtin=not no_builtin)


def _serialise(entries: "Sequence[Entry]", output_format: ExportFormat, title: str) -> str:
    from termcheck.glossary.write import entries_to_table, entries_to_toml

    if output_format is ExportFormat.tbx:
        from termcheck.glossary.tbx import entries_to_tbx

        return entries_to_tbx(entries, title=title)
    if output_format is ExportFormat.toml:
        return entries_to_toml(entries, header=title)
    return entries_to_table(entries, delimiter="," if output_format is ExportFormat.csv else "\t")


@glossary_app.command("export")
def export_command(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="TBX-Basic for CAT tools' termbases, CSV/TSV for spreadsheets, or native TOML.")] = ExportFormat.tbx,
    output: OutputOption = None,
    glossary: GlossaryOption = None,
    no_builtin: NoBuiltinOption = False,
    debug: DebugOption = False,
) -> None:
    """Write the glossary (built-in, merged with --glossary files) as TBX, CSV, TSV or TOML."""

    def run() -> int:
        entries = _load(glossary, no_builtin).entries
        _write_output(_serialise(entries, output_format, "termcheck glossary"), output)
        return 0

    raise typer.Exit(_guarded(debug, run))


@glossary_app.command("import")
def import_command(
    path: Annotated[str, typer.Argument(help="A TBX, CSV or TSV glossary.", show_default=False)],
    output: OutputOption = None,
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="What to write [default: native TOML].")] = ExportFormat.toml,
    debug: DebugOption = False,
) -> None:
    """Convert a TBX, CSV or TSV glossary into termcheck's native TOML (or another export format)."""

    def run() -> int:
        from pathlib import Path

        from termcheck.errors import UsageError
        from termcheck.glossary import read_glossary_file

        if output and output != "-" and Path(output).resolve() == Path(path).resolve():
            raise UsageError(f"{output}: the output would overwrite the file being imported")
        entries = read_glossary_file(path)
        title = f"Imported from {Path(path).name} by termcheck glossary import."
        _write_output(_serialise(entries, output_format, title), output)
        if output and output != "-":
            typer.echo(f"{len(entries)} entries written to {output}", err=True)
        return 0

    raise typer.Exit(_guarded(debug, run))


def main() -> None:
    app(prog_name="termcheck")
