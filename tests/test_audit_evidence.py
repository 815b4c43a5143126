"""bench/audit_evidence.py: the fixed-seed sample of entries with evidence that the glossary audit checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "audit_evidence.py"

# A numbered series whose evidence records name each member's own rendering, and two plain entries.
GLOSSARY = """
[[pattern]]
id = "founding-anniversary-{n}"
zh = ["建军{n:zh}周年"]
en = ["{n:ord} anniversary of the founding of the Chinese People's Liberation Army"]
category = "military"
source = "test"
n = [1, 10]
evidence = [
  { publisher = "Xinhua", title = "Reception marks founding anniversary", date = "2023-08-01", rendering = "{n:ord} anniversary of the founding of the Chinese People's Liberation Army", quote = "A reception marked the 96th anniversary of the founding of the Chinese People's Liberation Army." },
]

[[entry]]
id = "harmonious-labor-relations"
zh = ["和谐劳动关系"]
en = ["harmonious labor relations"]
category = "labour"
source = "test"
evidence = [{ publisher = "Xinhua", title = "Workers", date = "2023", quote = "It called for harmonious labor relations." }]

[[entry]]
id = "new-industrialization"
zh = ["新型工业化"]
en = ["new industrialization"]
category = "economy"
source = "test"
evidence = [{ publisher = "Xinhua", title = "Industry", date = "2024", quote = "It will advance new industrialization." }]
"""


def run_sample(glossary: Path, count: int) -> list[dict[str, object]]:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--json", "--count", str(count), str(glossary)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(SCRIPT.parent.parent)},
    )
    sample: list[dict[str, object]] = json.loads(result.stdout)
    return sample


def test_a_numbered_series_counts_once(tmp_path: Path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    sample = run_sample(glossary, 50)
    ids = [str(entry["id"]) for entry in sample]
    assert len(ids) == 3
    assert sum(entry_id.startswith("founding-anniversary-") for entry_id in ids) == 1
    assert {"harmonious-labor-relations", "new-industrialization"} <= set(ids)


def test_the_sample_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    glossary = tmp_path / "g.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    assert run_sample(glossary, 2) == run_sample(glossary, 2)
