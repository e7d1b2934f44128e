"""The formatter contract: a report in, the text to print out."""

from __future__ import annotations

from typing import ClassVar

from ..runner import Report


class Formatter:
    """Turns a ``Report`` into the text printed on standard output."""

    name: ClassVar[str]

    def format(self, report: Report) -> str:
        raise NotImplementedError
