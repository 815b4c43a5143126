"""`termcheck check`: report missing, deprecated, superseded and inconsistent terms."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Annotated

import typer

from termcheck.commands.common import (
    AlignOption,
    AsOfOption,
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
    SchedulerOption,
    NoConfigOption,
    OutputFormat,
    PathsArgument,
    SourceLangOption,
    TargetLangOption,
    command_line,
    config_from_flags,
    echo_warnings,
    guarded,
    refuse_overwriting_inputs,
    to_stdout,
    write_report,
)

_FORMAT_BY_SUFFIX = {".sarif": "sarif", ".json": "json", ".xml": "junit", ".html": "html", ".htm": "html", ".txt": "text"}


def output_file_format(output: str, given: str | None) -> str:
    """The format of the --output file: --output-format, else the one its extension names."""
    from pathlib import Path

    from termcheck.errors import UsageError

    if given:
        return given
    name = Path(output).name.lower()
    if name.endswith(".sarif.json"):
        return "sarif"
    suffix = Path(name).suffix
    if suffix not in _FORMAT_BY_SUFFIX:
        raise UsageError(
            f"--output {output}: the extension names no report format (.sarif, .json, .xml, .html, .txt); "
            "say which with --output-format (sarif, json, junit, html, text)"
        )
    return _FORMAT_BY_SUFFIX[suffix]


EXAMPLES = """\b
Examples:
  termcheck check doc.zh.txt doc.en.txt                two plain-text files
  termcheck check doc.zh.txt doc.en.txt --align lines  line N with line N
  termcheck check project.xlf memory.tmx l10n/         bilingual files
  termcheck check l10n/ -o report.html                 also an HTML report
  termcheck check l10n/ --fail-on warning -f json      warnings fail too; JSON
  termcheck check l10n/ -q -o report.sarif             file and exit code only
  termcheck check archive/ --scheduler local:8         on a Dask cluster

\b
Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage or input
error."""


def check_command(
    paths: PathsArgument,
    glossary: GlossaryOption = None,
    no_builtin: InputNoBuiltinOption = None,
    align: AlignOption = None,
    output_format: Annotated[OutputFormat | None, typer.Option("--format", "-f", help="Format of the report on standard output [default: rich on a terminal, text otherwise].", show_default=False)] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help="Also write the report to FILE (atomically), in the format its extension names (.sarif, .json, .xml for JUnit, .html, .txt) or --output-format; standard output still gets its own report.", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No report on standard output: the exit code says the outcome; warnings still go to standard error and --output still writes its file.")] = False,
    output_file_format_name: Annotated[OutputFormat | None, typer.Option("--output-format", metavar="FORMAT", help="Format of the --output file, whatever its extension.", show_default=False)] = None,
    fail_on: FailOnOption = None,
    format_in: FormatInOption = None,
    source_lang: SourceLangOption = None,
    target_lang: TargetLangOption = None,
    include_unfinished: IncludeUnfinishedOption = None,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
    consistency: ConsistencyOption = None,
    as_of: AsOfOption = None,
    disable: DisableOption = None,
    ignore: IgnoreOption = None,
    exclude: ExcludeOption = None,
    baseline: BaselineOption = None,
    write_baseline: Annotated[str | None, typer.Option("--write-baseline", metavar="FILE", help="Record the findings of this run in a baseline file.", show_default=False)] = None,
    config_file: ConfigFileOption = None,
    no_config: NoConfigOption = False,
    debug: DebugOption = False,
) -> None:
    """Check translations against their source and report missing, deprecated, superseded and inconsistent terms."""

    def run() -> int:
        from termcheck.api import check_paths, exit_code
        from termcheck.reporters import get_reporter
        from termcheck.sortedfindings import close_findings

        config = config_from_flags(
            glossary=glossary,
            no_builtin=no_builtin,
            align=align,
            output_format=output_format.value if output_format else None,
            fail_on=fail_on,
            format_in=format_in,
            source_lang=source_lang,
            target_lang=target_lang,
            include_unfinished=include_unfinished,
            encoding=encoding,
            jobs=jobs,
            scheduler=scheduler,
            consistency=consistency,
            as_of=as_of,
            disable=disable,
            ignore=ignore,
            exclude=exclude,
            baseline=baseline,
            write_baseline=write_baseline,
            config_file=config_file,
            no_config=no_config,
        )
        refuse_overwriting_inputs(paths, output, write_baseline)
        if output_file_format_name and not output:
            from termcheck.errors import UsageError

            raise UsageError("--output-format is the format of an --output file; name the file with --output")
        file_format = output_file_format(output, output_file_format_name.value if output_file_format_name else None) if output else None
        name = config.format or ("rich" if sys.stdout.isatty() else "text")
        if sys.stderr.isatty() and name in ("rich", "text"):
            from termcheck.reporters.progress import DelayedProgress

            with DelayedProgress("checking on the cluster (tasks)" if config.scheduler else "checking segments") as progress:
                result = check_paths(paths, config, progress=progress)
        else:
            result = check_paths(paths, config)
        try:
            result = replace(result, run=replace(result.run, command=command_line()))
            echo_warnings(result.warnings)
            if output and file_format:
                write_report(lambda out: get_reporter(file_format)(result, out), output)
            if not quiet:
                to_stdout(lambda out: get_reporter(name)(result, out))
            return exit_code(result, config.fail_on)
        finally:
            close_findings(result.findings)

    raise typer.Exit(guarded(debug, run))
