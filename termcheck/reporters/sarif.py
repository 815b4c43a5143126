"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one rule per termcheck rule, a
result per finding with its physical location and, where the fix replaces a text, the fix."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, TextIO

from termcheck.baseline import fingerprint as baseline_key
from termcheck.model import CheckResult, Finding, Severity
from termcheck.reporters.locations import Region, finding_region, relative_uri, replacement_edit, source_region
from termcheck.rules import all_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/termcheck/"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _physical_location(region: Region) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": relative_uri(region.file), "uriBaseId": "%SRCROOT%"},
        "region": {
            "startLine": region.start_line,
            "startColumn": region.start_column,
            "endLine": region.end_line,
            "endColumn": region.end_column,
            "snippet": {"text": region.text},
        },
    }


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    region = finding_region(finding)
    # The baseline's key, hashed: a finding code scanning tracks as the same is one a baseline
    # recognises as the same (rule, term, file, and the text of its segment; not its line).
    fingerprint = hashlib.sha256("\0".join(baseline_key(finding)).encode()).hexdigest()[:32]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message + (f" Fix: {finding.fix}." if finding.fix else "")},
        "locations": [{"physicalLocation": _physical_location(region)}],
        "partialFingerprints": {"termcheckFinding/v1": fingerprint},
        "properties": {
            "term": finding.term,
            "entry": finding.entry_id,
            "expected": list(finding.expected),
            "found": finding.found,
            "fix": finding.fix,
            "segment": finding.segment.number,
            "segmentId": finding.segment.id or None,
        },
    }
    source = source_region(finding)
    if source is not None:
        result["relatedLocations"] = [
            {"id": 1, "physicalLocation": _physical_location(source), "message": {"text": "the source term"}}
        ]
    edit = replacement_edit(finding)
    if edit is not None and finding.fix:
        result["fixes"] = [
            {
                "description": {"text": finding.fix},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": relative_uri(edit.region.file), "uriBaseId": "%SRCROOT%"},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": edit.region.start_line,
                                    "startColumn": edit.region.start_column,
                                    "endLine": edit.region.end_line,
                                    "endColumn": edit.region.end_column,
                                },
                                "insertedContent": {"text": edit.new_text},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def result_to_sarif(result: CheckResult) -> dict[str, Any]:
    """The SARIF log of the result, whole."""
    log = _log_without_results(result)
    rule_index = {rule.ID: number for number, rule in enumerate(all_rules())}
    log["runs"][0]["results"] = [_result(finding, rule_index) for finding in result.findings]
    return log


def _log_without_results(result: CheckResult) -> dict[str, Any]:
    from termcheck import __version__

    rules = all_rules()
    descriptors = [
        {
            "id": rule.ID,
            "name": "".join(part.capitalize() for part in rule.ID.split("-")) + "Term",
            "shortDescription": {"text": rule.DESCRIPTION},
            "fullDescription": {"text": rule.HELP},
            "help": {"text": rule.HELP, "markdown": f"**{rule.ID}**: {rule.HELP}"},
            "defaultConfiguration": {"level": _LEVELS[rule.SEVERITY]},
            "properties": {"tags": ["terminology", "translation"]},
        }
        for rule in rules
    ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "termcheck", "version": __version__, "informationUri": INFORMATION_URI, "rules": descriptors}},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
                "invocations": [_invocation(result)],
                "columnKind": "unicodeCodePoints",
                # What the results leave out: a viewer shows only results, so the counts of
                # findings kept out of them are said here.
                "properties": {
                    "baselined": result.baselined,
                    "silenced": result.silenced,
                    "skippedSegments": result.skipped_segments,
                },
                "results": [],
            }
        ],
    }


def _invocation(result: CheckResult) -> dict[str, Any]:
    """The run as SARIF records an invocation, with the warnings about the inputs (a file skipped,
    a segment left out) as the tool's notifications. No command line or start time: the log of
    the same check is the same bytes, whatever the run (--jobs, --output, the hour)."""
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if result.warnings:
        invocation["toolExecutionNotifications"] = [{"level": "warning", "message": {"text": warning}} for warning in result.warnings]
    return invocation


def report(result: CheckResult, out: TextIO) -> None:
    """The log as json.dump(indent=2) writes it, the results encoded and written one at a time,
    so that the log of many findings is never held whole in memory."""
    head = json.dumps(_log_without_results(result), ensure_ascii=False, indent=2)
    # The results are the last member of the one run: the log ends with them.
    before, empty, after = head.rpartition('"results": []')
    assert empty and after == "\n    }\n  ]\n}", "the results are not where the log ends"
    rule_index = {rule.ID: number for number, rule in enumerate(all_rules())}
    out.write(before + '"results": [')
    separator = "\n"
    for finding in result.findings:
        # A result's own lines, indented to its depth in the log (JSON strings hold no line break).
        encoded = json.dumps(_result(finding, rule_index), ensure_ascii=False, indent=2)
        out.write(separator + "\n".join(_RESULT_INDENT + line for line in encoded.split("\n")))
        separator = ",\n"
    out.write(("]" if separator == "\n" else "\n      ]") + after + "\n")


_RESULT_INDENT = " " * 8
