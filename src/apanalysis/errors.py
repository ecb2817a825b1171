"""The project's own exception: errors a user can cause, with the file and line they come from."""

from __future__ import annotations

from pathlib import Path


class ApanalysisError(Exception):
    """An error in the input or the parameters, reported to the user as one line.

    ``path`` and ``line`` (1-based) say where; the CLI prints ``path:line: message``.
    """

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
