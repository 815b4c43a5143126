"""Precision on real translations: how many of termcheck's findings a reviewer would agree with.

Runs termcheck on the real Chinese/English pairs of ../shared/realdata (see its PROVENANCE.md),
prints the findings per set and rule, and compares them with the judged samples in
bench/judged/*.csv (columns set,segment,rule,entry,verdict,cause; verdict true|false|borderline).

    python bench/precision.py                                  # findings table and precision
    python bench/precision.py --data DIR                       # another data folder
    python bench/precision.py --sample 160 --seed 12 --out bench/judged/NAME.csv
                                                               # a skeleton to judge
    python bench/precision.py --judged bench/judged/NAME.csv --list-unjudged
                                                               # what the code now reports that
                                                               # those files have not judged yet

A finding is known by (set, segment, rule, entry); segment is the line of the finding in its file
(the source line for `missing`, the target line otherwise), also for the whole-document sets.
Never part of the test run, and no text of the data is ever written here: only ids and verdicts.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from termcheck import Config, check_paths
from termcheck.api import exit_code
from termcheck.model import Finding
from termcheck.positions import locate

RULES = ("missing", "deprecated", "superseded", "inconsistent")
VERDICTS = ("true", "false", "borderline")
JUDGED_COLUMNS = ("set", "segment", "rule", "entry", "verdict", "cause")


@dataclass(frozen=True)
class RealSet:
    name: str
    align: str  # "lines": line N with line N; "document": whole documents
    official: bool

    def paths(self, data: Path) -> list[str]:
        return [str(data / f"{self.name}.zh.txt"), str(data / f"{self.name}.en.txt")]


REAL_SETS = (
    RealSet("xuexi-official", "lines", official=True),
    RealSet("fmprc-2021-quotes", "lines", official=True),
    RealSet("xuexi-official-1.doc", "document", official=True),
    RealSet("xuexi-official-2.doc", "document", official=True),
    RealSet("wmt18-news-political", "lines", official=False),
)
OFFICIAL_SETS = {s.name for s in REAL_SETS if s.official}


def _key_line(finding: Finding) -> int:
    """The line a finding is known by: the source term's line for `missing` (also where a near
    miss points the finding at the translation), the finding's own line otherwise."""
    if finding.rule == "missing" and finding.source_span is not None:
        return locate(finding.segment.source_origin, finding.segment.source, finding.source_span.start)[0]
    return finding.line


@dataclass(frozen=True, order=True)
class FindingKey:
    set: str
    segment: int
    rule: str
    entry: str


@dataclass(frozen=True)
class SetRun:
    real_set: RealSet
    segments: int  # lines, or paragraphs of a whole-document set
    findings: tuple[tuple[FindingKey, str], ...]  # (key, severity)
    passes_fail_on_error: bool

    @property
    def keys(self) -> Counter[FindingKey]:
        """The findings a reviewer is asked to act on: errors and warnings. Notes (info: a
        compound whose parts are rendered, a phrase in other words) are counted apart."""
        return Counter(key for key, severity in self.findings if severity != "info")


@dataclass(frozen=True)
class Judgment:
    key: FindingKey
    verdict: str
    cause: str


def count_paragraphs(path: Path) -> int:
    paragraphs, in_paragraph = 0, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not in_paragraph:
            paragraphs += 1
        in_paragraph = bool(line.strip())
    return paragraphs


def run_set(real_set: RealSet, data: Path) -> SetRun:
    result = check_paths(real_set.paths(data), Config(align=real_set.align, jobs=1))
    findings = tuple(
        (FindingKey(real_set.name, _key_line(finding), finding.rule, finding.entry_id), finding.severity.value) for finding in result.findings
    )
    segments = result.segments if real_set.align == "lines" else count_paragraphs(data / f"{real_set.name}.zh.txt")
    return SetRun(real_set, segments, findings, passes_fail_on_error=exit_code(result, "error") == 0)


def per_100(count: int, segments: int) -> str:
    return f"{100 * count / segments:.1f}" if segments else "–"


def findings_table(runs: Sequence[SetRun]) -> str:
    lines = [
        "| set | segments | rule | errors | warnings | notes (info) | errors and warnings per 100 segments |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        by_rule = Counter((key.rule, severity) for key, severity in run.findings)
        for rule in RULES:
            errors, warnings, notes = by_rule[rule, "error"], by_rule[rule, "warning"], by_rule[rule, "info"]
            lines.append(f"| {run.real_set.name} | {run.segments} | {rule} | {errors} | {warnings} | {notes} | {per_100(errors + warnings, run.segments)} |")
    official = [run for run in runs if run.real_set.official]
    segments = sum(run.segments for run in official)
    missing_errors = sum(1 for run in official for key, severity in run.findings if key.rule == "missing" and severity == "error")
    lines.append("")
    lines.append(f"Official sets: {missing_errors} `missing` errors in {segments} segments = {per_100(missing_errors, segments)} per 100 segments.")
    for run in official:
        if run.real_set.align == "document":
            verdict = "passes" if run.passes_fail_on_error else "fails"
            lines.append(f"`--fail-on error` on {run.real_set.name}: {verdict}.")
    return "\n".join(lines)


def read_judgments(path: Path) -> list[Judgment]:
    with path.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    judgments = []
    for number, row in enumerate(rows, start=2):
        verdict = row["verdict"].strip()
        if verdict not in VERDICTS:
            raise SystemExit(f"{path}:{number}: verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
        key = FindingKey(row["set"], int(row["segment"]), row["rule"], row["entry"])
        judgments.append(Judgment(key, verdict, row["cause"].strip()))
    return judgments


def group_of(set_name: str) -> str:
    return "official" if set_name in OFFICIAL_SETS else "wmt18"


def precision_table(judgments: Sequence[Judgment], runs: Sequence[SetRun]) -> str:
    """Per group and rule: the judged findings still reported, their verdicts, and the unjudged rest."""
    current = Counter[FindingKey]()
    for run in runs:
        current.update(run.keys)
    # A key's severity: the highest of its findings (a `--fail-on error` gate sees the errors).
    severity_of: dict[FindingKey, str] = {}
    for run in runs:
        for key, severity in run.findings:
            if severity != "info" and severity_of.get(key) != "error":
                severity_of[key] = severity
    judged_keys = {j.key for j in judgments}
    lines = [
        "| group | rule | judged & reported | true | borderline | false | precision (true) | precision (true+borderline) | unjudged current |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    # `missing` again by severity: the errors are what `--fail-on error` gates on.
    rows = (*RULES, "missing errors", "missing warnings", "all")
    for group in ("official", "wmt18"):
        for rule in rows:
            def in_cell(key: FindingKey) -> bool:
                if group_of(key.set) != group:
                    return False
                if rule.startswith("missing "):
                    return key.rule == "missing" and rule == f"missing {severity_of.get(key, '')}s"
                return rule in (key.rule, "all")

            verdicts = Counter(j.verdict for j in judgments if in_cell(j.key) and j.key in current)
            judged = sum(verdicts.values())
            unjudged = sum(n for key, n in current.items() if in_cell(key) and key not in judged_keys)
            strict = f"{verdicts['true'] / judged:.0%}" if judged else "–"
            lenient = f"{(verdicts['true'] + verdicts['borderline']) / judged:.0%}" if judged else "–"
            lines.append(
                f"| {group} | {rule} | {judged} | {verdicts['true']} | {verdicts['borderline']} | {verdicts['false']} | {strict} | {lenient} | {unjudged} |"
            )
    return "\n".join(lines)


def false_alarm_causes(judgments: Iterable[Judgment], runs: Sequence[SetRun]) -> str:
    current = {key for run in runs for key in run.keys}
    causes = Counter((group_of(j.key.set), j.key.rule, j.cause) for j in judgments if j.verdict == "false" and j.key in current)
    lines = ["| group | rule | cause | false alarms |", "| --- | --- | --- | ---: |"]
    for (group, rule, cause), count in sorted(causes.items(), key=lambda item: (item[0][0], item[0][1], -item[1], item[0][2])):
        lines.append(f"| {group} | {rule} | {cause} | {count} |")
    return "\n".join(lines)


def lost_true_positives(judgments: Iterable[Judgment], runs: Sequence[SetRun]) -> list[Judgment]:
    current = {key for run in runs for key in run.keys}
    return sorted((j for j in judgments if j.verdict == "true" and j.key not in current), key=lambda j: j.key)


def unjudged_findings(judgments: Iterable[Judgment], runs: Sequence[SetRun]) -> list[tuple[FindingKey, str]]:
    """Errors and warnings the current code reports that no given judged file has a verdict for,
    with the highest severity reported under the key, so that a judged file can be completed."""
    judged = {j.key for j in judgments}
    rank = {"error": 0, "warning": 1}
    worst: dict[FindingKey, str] = {}
    for run in runs:
        for key, severity in run.findings:
            if severity not in rank or key in judged:
                continue
            if key not in worst or rank[severity] < rank[worst[key]]:
                worst[key] = severity
    return sorted(worst.items())


def write_sample(runs: Sequence[SetRun], size: int, seed: int, out: Path) -> int:
    """Every finding of the official sets, and `size` drawn at random from the others."""
    official = sorted({key for run in runs if run.real_set.official for key in run.keys})
    others = sorted({key for run in runs if not run.real_set.official for key in run.keys})
    drawn = sorted(random.Random(seed).sample(others, min(size, len(others))))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(JUDGED_COLUMNS)
        for key in official + drawn:
            writer.writerow((key.set, key.segment, key.rule, key.entry, "", ""))
    return len(official) + len(drawn)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "realdata", help="the real-data folder")
    parser.add_argument("--judged", type=Path, nargs="*", help="judged CSV files (default: bench/judged/*.csv)")
    parser.add_argument("--sample", type=int, help="write a skeleton: this many findings of the non-official sets, plus all official ones")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", type=Path, help="where --sample writes")
    parser.add_argument(
        "--list-unjudged",
        action="store_true",
        help="list the current errors and warnings that none of the judged files has a verdict for (ids only: set, segment, rule, entry, severity)",
    )
    args = parser.parse_args(argv)

    runs = [run_set(real_set, args.data) for real_set in REAL_SETS]
    print("## Findings of the current code\n")
    print(findings_table(runs))

    if args.sample is not None:
        if args.out is None:
            parser.error("--sample needs --out")
        written = write_sample(runs, args.sample, args.seed, args.out)
        print(f"\nwrote {written} findings to judge to {args.out}")
        return 0

    judged_paths = args.judged if args.judged is not None else sorted((HERE / "judged").glob("*.csv"))
    all_judgments: list[Judgment] = []
    for path in judged_paths:
        judgments = read_judgments(path)
        all_judgments.extend(judgments)
        print(f"\n## Precision against {path.name} ({len(judgments)} judged)\n")
        print(precision_table(judgments, runs))
        print("\nFalse alarms by cause (judged findings still reported):\n")
        print(false_alarm_causes(judgments, runs))
        lost = lost_true_positives(judgments, runs)
        print(f"\nTrue positives no longer reported: {len(lost)}")
        for judgment in lost:
            key = judgment.key
            print(f"  {key.set} segment {key.segment} {key.rule} {key.entry} ({judgment.cause})")

    if args.list_unjudged:
        unjudged = unjudged_findings(all_judgments, runs)
        names = ", ".join(path.name for path in judged_paths) or "no judged file"
        print(f"\n## Current errors and warnings not judged in {names}: {len(unjudged)}\n")
        print(",".join(JUDGED_COLUMNS[:4]) + ",severity")
        for key, severity in unjudged:
            print(f"{key.set},{key.segment},{key.rule},{key.entry},{severity}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
