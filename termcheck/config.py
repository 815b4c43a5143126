"""What a run is asked to do, as one value the CLI builds from its flags."""

from __future__ import annotations

from dataclasses import dataclass

FAIL_ON = ("error", "warning", "never")


@dataclass(frozen=True)
class Config:
    glossaries: tuple[str, ...] = ()
    builtin: bool = True
    align: str = "document"
    # None: rich on a terminal, text otherwise.
    format: str | None = None
    fail_on: str = "error"
