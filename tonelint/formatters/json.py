"""Machine-readable output: one JSON object ``{"findings": [...], "errors": [...]}``.

Each finding has ``path``, ``line``, ``column``, ``end_line``, ``end_column`` (1-based, end
exclusive), ``rule``, ``severity``, ``message`` and ``suggestion`` (string or null); each
error has ``path``, ``line`` (or null) and ``message``.  This contract is stable.
"""

from __future__ import annotations

import json

from ..runner import Report
from .base import Formatter


class JsonFormatter(Formatter):
    name = "json"

    def format(self, report: Report) -> str:
        payload = {
            "findings": [f.to_dict() for f in report.findings],
            "errors": [
                {"path": e.path, "line": e.line, "message": e.message} for e in report.errors
            ],
        }
        return json.dumps(payload, indent=2, ensure_ascii=False)
