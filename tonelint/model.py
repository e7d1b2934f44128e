"""Core data types shared by every layer: severities, posts, positions, findings, errors.

Data flows one way through tonelint: a source reader turns a file into ``Post`` objects,
rules turn a post into ``Match`` objects, and the engine stamps each match with its rule id
and severity to make a ``Finding``.  Nothing here does I/O.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .account import Account


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r}; expected one of: error, warning, info"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


class InputError(Exception):
    """A problem with a file, config or ruleset the user gave us.

    ``path`` names the file and ``line`` (1-based) the place when it is known.  The CLI
    prints it as one line and exits with code 2; it never becomes a traceback.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True)
class LineOrigin:
    """Where one line of a post's text starts in the file the user edits (1-based)."""

    line: int
    column: int


class PositionMap:
    """Maps character offsets in a post's text back to ``line:column`` in its file.

    Each line of the post text remembers where it starts in the file, so a post cut out of a
    Markdown body or an indented YAML block scalar still reports positions the user can jump
    to.  Columns count Unicode code points, 1-based, as editors and ruff do.
    """

    def __init__(
        self,
        text: str,
        origins: Sequence[LineOrigin],
        breaks: Sequence[tuple[int, LineOrigin]] = (),
    ) -> None:
        """``origins``: where each line of ``text`` starts in the file.  ``breaks``: further
        offsets inside a line from which the file position jumps, e.g. past the second
        quote of a CSV field's doubled ``""``, which the text holds as one character."""
        self._starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._starts.append(i + 1)
        if len(origins) < len(self._starts):
            last = origins[-1] if origins else LineOrigin(1, 1)
            extra = len(self._starts) - len(origins)
            origins = [*origins, *(LineOrigin(last.line + k + 1, 1) for k in range(extra))]
        self._origins = list(origins[: len(self._starts)])
        for offset, origin in sorted(breaks, key=lambda b: b[0]):
            index = bisect.bisect_right(self._starts, offset)
            self._starts.insert(index, offset)
            self._origins.insert(index, origin)

    @classmethod
    def simple(cls, text: str, first_line: int = 1, first_column: int = 1) -> PositionMap:
        """A map for text that sits in its file line for line, starting at ``first_line``."""
        count = text.count("\n") + 1
        origins = [LineOrigin(first_line, first_column)]
        origins += [LineOrigin(first_line + k, 1) for k in range(1, count)]
        return cls(text, origins)

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based ``(line, column)`` in the file of character ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        origin = self._origins[index]
        return origin.line, origin.column + offset - self._starts[index]


@dataclass
class Post:
    """One piece of text to lint: a draft, a bio, or one entry of a schedule."""

    text: str
    path: str
    positions: PositionMap
    platform: str | None = None
    kind: str = "post"
    ruleset: str | None = None
    suppressions: list[Any] = field(default_factory=list)
    """Inline and front-matter ``Suppression`` objects (see ``tonelint.suppress``)."""
    ignored: tuple[tuple[int, int], ...] = ()
    """Character ranges (start, end) the reader knows are not prose: Markdown code, HTML."""
    meta: Mapping[str, Any] = field(default_factory=dict)
    account: Account | None = None
    """Whose voice the post is in (config, front matter or schedule ``account``)."""
    at: datetime | None = None
    """When a scheduled post goes out (time-zone aware); None for a draft."""
    zone: str = "UTC"
    """The schedule's time zone: calendar days for frequency limits are counted in it."""


@dataclass(frozen=True)
class Match:
    """What a rule reports: a span of the post text and what is wrong with it."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    replacement: str | None = None
    """Set when the suggestion can replace the span as it is: a safe automatic fix."""


@dataclass(frozen=True, order=True)
class Finding:
    """A match placed in a file and stamped by the engine with its rule id and severity.

    Positions are 1-based; ``end_line``/``end_column`` point just past the span.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    suggestion: str | None = None
    replacement: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "suggestion": self.suggestion,
        }
