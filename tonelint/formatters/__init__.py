"""Output formats, one module each, looked up by ``--format`` name."""

from __future__ import annotations

from .base import Formatter
from .github import GithubFormatter
from .json import JsonFormatter
from .sarif import SarifFormatter
from .text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    cls.name: cls for cls in (TextFormatter, JsonFormatter, SarifFormatter, GithubFormatter)
}

__all__ = ["FORMATTERS", "Formatter"]
