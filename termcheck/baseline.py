"""A baseline: today's findings recorded, so that a project adopting termcheck sees only new ones.

A finding is recognised by its rule, its term, its file and the text of its segment (source and
target), not by line number: an edit elsewhere in the file does not bring it back, and changing
the segment itself does.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from termcheck.errors import InputError
from termcheck.model import Finding
from termcheck.outputfile import write_atomically

FORMAT_VERSION = 1


def _file_key(path: str) -> str:
    return Path(os.path.relpath(path)).as_posix() if os.path.isabs(path) else Path(path).as_posix()


def fingerprint(finding: Finding) -> tuple[str, str, str, str]:
    segment = finding.segment
    text = hashlib.sha256(f"{segment.source}\x00{segment.target}".encode()).hexdigest()[:20]
    return finding.rule, finding.term, _file_key(finding.file), text


def write_baseline(path: str, findings: Iterable[Finding]) -> None:
    counts = Counter(fingerprint(f) for f in findings)
    records = [
        {"rule": rule, "term": term, "file": file, "segment": segment, "count": count}
        for (rule, term, file, segment), count in sorted(counts.items())
    ]
    payload = {"termcheck-baseline": FORMAT_VERSION, "findings": records}
    write_atomically(path, json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


def read_baseline(path: str) -> Counter[tuple[str, str, str, str]]:
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no such baseline file (create one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not a termcheck baseline: invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    if not isinstance(payload, dict) or payload.get("termcheck-baseline") != FORMAT_VERSION or not isinstance(payload.get("findings"), list):
        raise InputError(path, "not a termcheck baseline (version 1)")
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for record in payload["findings"]:
        try:
            key = (str(record["rule"]), str(record["term"]), str(record["file"]), str(record["segment"]))
            counts[key] += int(record.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise InputError(path, "not a termcheck baseline: a finding lacks rule, term, file or segment") from None
    return counts


class BaselineGate:
    """The gate findings pass in report order: `passes` is False for a finding the baseline still
    records (the first ones of each fingerprint, as many as it records), counted in `baselined`."""

    def __init__(self, baseline: Counter[tuple[str, str, str, str]]) -> None:
        self._remaining = Counter(baseline)
        self.baselined = 0

    def passes(self, finding: Finding) -> bool:
        if not self._remaining:
            return True
        key = fingerprint(finding)
        if self._remaining[key] > 0:
            self._remaining[key] -= 1
            self.baselined += 1
            return False
        return True

