"""Human-readable output: ``path:line:col: severity [rule-id] message`` and a summary."""

from __future__ import annotations

from ..model import Severity
from ..runner import Report
from .base import Formatter


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextFormatter(Formatter):
    name = "text"

    def format(self, report: Report) -> str:
        lines = []
        for f in report.findings:
            lines.append(f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}")
            if f.suggestion:
                lines.append(f"    suggestion: {f.suggestion}")
        counts = {s: sum(1 for f in report.findings if f.severity is s) for s in Severity}
        total = len(report.findings)
        summary = ", ".join(
            f"{counts[s]} info" if s is Severity.INFO else _plural(counts[s], str(s))
            for s in sorted(Severity, reverse=True)
            if counts[s]
        )
        files = _plural(report.files, "file")
        if total:
            line = f"Found {_plural(total, 'problem')} ({summary}) in {files}"
        else:
            line = f"No problems found in {files}"
        if report.errors:
            line += f"; {_plural(len(report.errors), 'error')} reported on stderr"
        lines.append(line + ".")
        if report.fixed:
            lines.append(f"Fixed {_plural(report.fixed, 'problem')}.")
        return "\n".join(lines)
