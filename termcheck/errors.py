"""Input and usage errors as values with a place; only the CLI turns them into exit code 2."""

from __future__ import annotations


class TermcheckError(Exception):
    """Base of every error termcheck reports to the user as one line."""


class InputError(TermcheckError):
    """A file that cannot be used, with the place where the problem is."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None):
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None, int | None]]:
        # As made, not from str(self): a worker process sends it to the one that reports it.
        return InputError, (self.path, self.message, self.line, self.column)

    def __str__(self) -> str:
        place = self.path
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return f"{place}: {self.message}"


class UsageError(TermcheckError):
    """Options that do not fit together."""
