"""`termcheck check`: report missing, deprecated and inconsistent terms."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from termcheck.commands.common import (
    AlignOption,
    BaselineOption,
    ConfigFileOption,
    ConsistencyOption,
    DebugOption,
    DisableOption,
    EncodingOption,
    ExcludeOption,
    FailOnOption,
    FormatInOption,
    GlossaryOption,
    IgnoreOption,
    IncludeUnfinishedOption,
    InputNoBuiltinOption,
    JobsOption,
    NoConfigOption,
    OutputFormat,
    PathsArgument,
    SourceLangOption,
    TargetLangOption,
    config_from_flags,
    guarded,
    refuse_overwriting_inputs,
    to_stdout,
)

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


def check_command(
    paths: PathsArgument,
    glossary: GlossaryOption = None,
    no_builtin: InputNoBuiltinOption = None,
    align: AlignOption = None,
    output_format: Annotated[OutputFormat | None, typer.Option("--format", "-f", help="Report format; with --output, the file's format [default: rich on a terminal, text otherwise; for --output, by its extension].", show_default=False)] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Also write the report to this file (atomically), in --format or the format its extension names; the terminal still shows the usual report.", show_default=False)] = None,
    fail_on: FailOnOption = None,
    format_in: FormatInOption = None,
    source_lang: SourceLangOption = None,
    target_lang: TargetLangOption = None,
    include_unfinished: IncludeUnfinishedOption = None,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    consistency: ConsistencyOption = None,
    disable: DisableOption = None,
    ignore: IgnoreOption = None,
    exclude: ExcludeOption = None,
    baseline: BaselineOption = None,
    write_baseline: Annotated[str | None, typer.Option("--write-baseline", help="Record the findings of this run in a baseline file.", show_default=False)] = None,
    config_file: ConfigFileOption = None,
    no_config: NoConfigOption = False,
    debug: DebugOption = False,
) -> None:
    """Check translations against their source and report missing, deprecated and inconsistent terms."""

    def run() -> int:
        from termcheck.api import check_paths, exit_code
        from termcheck.reporters import get_reporter

        config = config_from_flags(
            glossary=glossary,
            no_builtin=no_builtin,
            align=align,
            output_format=output_format.value if output_format and not output else None,
            fail_on=fail_on,
            format_in=format_in,
            source_lang=source_lang,
            target_lang=target_lang,
            include_unfinished=include_unfinished,
            encoding=encoding,
            jobs=jobs,
            consistency=consistency,
            disable=disable,
            ignore=ignore,
            exclude=exclude,
            baseline=baseline,
            write_baseline=write_baseline,
            config_file=config_file,
            no_config=no_config,
        )
        refuse_overwriting_inputs(paths, output, write_baseline)
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
        to_stdout(lambda out: get_reporter(name)(result, out))
        return exit_code(result, config.fail_on)

    raise typer.Exit(guarded(debug, run))
