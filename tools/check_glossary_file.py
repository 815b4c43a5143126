"""Quick structural check of glossary TOML files, for contributors before the full validator runs.

Usage: python3 tools/check_glossary_file.py glossary/*.toml
"""
import sys
import tomllib
from collections import defaultdict

CATEGORIES = set("""party state military congress mass-organization ideology policy strategy
party-building discipline economy reform finance trade agriculture rule-of-law labour hmt diplomacy
security ecology society health culture science-education people media place""".split())
FIELDS = {"id", "zh", "en", "short", "deprecated", "category", "source", "note", "interchangeable"}

ids: dict[str, str] = {}
forms: dict[str, str] = {}
problems = 0
counts = defaultdict(int)
for path in sys.argv[1:]:
    with open(path, "rb") as fh:
        try:
            doc = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            print(f"{path}: {exc}")
            problems += 1
            continue
    for n, e in enumerate(doc.get("entry", []), 1):
        where = f"{path}: entry {n} ({e.get('id')})"
        def bad(msg: str) -> None:
            global problems
            problems += 1
            print(f"{where}: {msg}")
        for key in set(e) - FIELDS:
            bad(f"unknown field {key!r}")
        for key in ("id", "zh", "en", "category", "source"):
            if not e.get(key):
                bad(f"missing or empty {key!r}")
        if e.get("category") not in CATEGORIES:
            bad(f"unknown category {e.get('category')!r}")
        if e.get("id") in ids:
            bad(f"duplicate id, also in {ids[e['id']]}")
        ids[e.get("id")] = path
        for z in e.get("zh", []):
            if z in forms:
                bad(f"Chinese form {z} also in {forms[z]}")
            forms[z] = f"{path} ({e.get('id')})"
        acc = {s.lower() for s in e.get("en", []) + e.get("short", [])}
        for d in e.get("deprecated", []):
            if d.lower() in acc:
                bad(f"{d!r} is both accepted and deprecated")
        for s in e.get("short", []):
            if not s.isupper():
                bad(f"short form {s!r} is not all capitals")
        counts[path] += 1
for path, c in counts.items():
    print(f"{path}: {c} entries")
print(f"{sum(counts.values())} entries, {problems} problems")
sys.exit(1 if problems else 0)
