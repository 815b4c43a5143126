"""`termcheck fix`: apply the findings' replacements to the translations (a diff by default).

Exit codes, as linters with a fix mode have them (ruff check --fix): 0 when no finding that
reaches --fail-on is left in the files after this command, 1 when one is (without --write,
nothing is changed, so every finding counts; with --write, those not fixed), 2 usage or input
error, a file that cannot be written back as it was read included (then nothing is written).
"""

from __future__ import annotations

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
    NoConfigOption,
    PathsArgument,
    SourceLangOption,
    TargetLangOption,
    config_from_flags,
    echo_warnings,
    guarded,
    to_stdout,
)


EXAMPLES = """\b
Examples:
  termcheck fix doc.zh.txt doc.en.txt                a diff; changes nothing
  termcheck fix doc.zh.txt doc.en.txt > fix.patch    for patch -p0
  termcheck fix project.xlf messages.po --write      fix the files
  termcheck fix l10n/ --write --fail-on warning      1 if a warning is left

\b
Exit codes: 0 no finding that reaches --fail-on is left in the files (without
--write every finding is left), 1 one is, 2 usage or input error (then nothing
is written)."""


def fix_command(
    paths: PathsArgument,
    write: Annotated[bool, typer.Option("--write", help="Write the fixes into the files (atomically) instead of printing a diff.")] = False,
    glossary: GlossaryOption = None,
    no_builtin: InputNoBuiltinOption = None,
    align: AlignOption = None,
    fail_on: FailOnOption = None,
    format_in: FormatInOption = None,
    source_lang: SourceLangOption = None,
    target_lang: TargetLangOption = None,
    include_unfinished: IncludeUnfinishedOption = None,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    consistency: ConsistencyOption = None,
    as_of: AsOfOption = None,
    disable: DisableOption = None,
    ignore: IgnoreOption = None,
    exclude: ExcludeOption = None,
    baseline: BaselineOption = None,
    config_file: ConfigFileOption = None,
    no_config: NoConfigOption = False,
    debug: DebugOption = False,
) -> None:
    """Replace deprecated renderings and near misses in the translations: print a unified diff of the target files, or with --write change them."""

    def run() -> int:
        from termcheck.api import check_paths, reaches
        from termcheck.fixing import plan_fixes, unified_diff, write_fixes

        config = config_from_flags(
            glossary=glossary,
            no_builtin=no_builtin,
            align=align,
            fail_on=fail_on,
            format_in=format_in,
            source_lang=source_lang,
            target_lang=target_lang,
            include_unfinished=include_unfinished,
            encoding=encoding,
            jobs=jobs,
            consistency=consistency,
            as_of=as_of,
            disable=disable,
            ignore=ignore,
            exclude=exclude,
            baseline=baseline,
            config_file=config_file,
            no_config=no_config,
        )
        result = check_paths(paths, config)
        echo_warnings(result.warnings)
        plan = plan_fixes(result, format_in=config.format_in, encoding=config.encoding)
        if write:
            write_fixes(plan)
        else:
            # The diff before what stderr says after it, also through 2>&1 (to_stdout flushes); a
            # reader that stops reading (`| head`) ends the diff, not the command.
            to_stdout(lambda out: out.writelines(unified_diff(plan)))
        for item in plan.not_fixed:
            finding = item.finding
            typer.echo(
                f"{finding.file}:{finding.line}:{finding.column}: {finding.severity.value} {finding.rule}: {finding.message}; not fixed: {item.reason}",
                err=True,
            )
        fixes = f"{plan.fixed} finding(s) in {len(plan.files)} file(s)"
        not_fixed = f"{len(plan.not_fixed)} not fixed"
        # What the run left alone on purpose, so that "0 not fixed" is not read as "nothing left".
        left_alone = [f"{result.silenced} silenced in the files"] if result.silenced else []
        left_alone += [f"{result.baselined} in the baseline"] if result.baselined else []
        if left_alone:
            not_fixed += f"; left alone: {', '.join(left_alone)}"
        if write:
            typer.echo(f"fixed {fixes}; {not_fixed}", err=True)
            left = (item.finding.severity for item in plan.not_fixed)
        else:
            typer.echo(f"would fix {fixes} (--write applies the diff); {not_fixed}", err=True)
            left = (finding.severity for finding in result.findings)
        return 1 if reaches(config.fail_on, left) else 0

    raise typer.Exit(guarded(debug, run))
