"""A progress bar on stderr for runs that take longer than about a second, on a terminal only."""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any

_DELAY_SECONDS = 1.0


class DelayedProgress:
    """A callable (done, total) that shows a rich progress bar once the run has taken a second."""

    def __init__(self, description: str = "checking segments") -> None:
        self._started = time.monotonic()
        self._description = description
        self._progress: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int | None) -> None:
        if self._progress is None:
            if time.monotonic() - self._started < _DELAY_SECONDS or (total is not None and done >= total):
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self._description, total=total)
        self._progress.update(self._task, completed=done, total=total)

    def __enter__(self) -> DelayedProgress:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
