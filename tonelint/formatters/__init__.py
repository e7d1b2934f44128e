"""Output formats, one module each, looked up by ``--format`` name (imported on use)."""

from __future__ import annotations

import importlib

from .base import Formatter

_MODULES = {
    "text": "TextFormatter",
    "json": "JsonFormatter",
    "sarif": "SarifFormatter",
    "github": "GithubFormatter",
}
FORMAT_NAMES = sorted(_MODULES)


def formatter_for(name: str) -> Formatter:
    """A formatter instance for ``name`` (one of ``FORMAT_NAMES``)."""
    module = importlib.import_module(f".{name}", __name__)
    cls: type[Formatter] = getattr(module, _MODULES[name])
    return cls()


__all__ = ["FORMAT_NAMES", "Formatter", "formatter_for"]
