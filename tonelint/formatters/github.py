"""GitHub Actions workflow commands: one annotation per finding on the pull request.

``::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE``, with
values escaped as the runner requires (``%``, CR and LF everywhere; ``:`` and ``,`` in
properties too).  Info findings become notices.  Chosen automatically when
``GITHUB_ACTIONS=true`` and no ``--format`` is given.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Severity
from ..runner import Report
from .base import Formatter

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    name = "github"

    def format(self, report: Report) -> str:
        from .sarif import repo_root

        root = repo_root().resolve()

        def shown(path: str) -> str:
            try:
                return Path(path).resolve().relative_to(root).as_posix()
            except ValueError:
                return path

        lines = []
        for f in report.findings:
            props = {
                "file": shown(f.path),
                "line": f.line,
                "col": f.column,
                "endLine": f.end_line,
                "endColumn": f.end_column,
                "title": f"tonelint {f.rule}",
            }
            fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
            message = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
            lines.append(f"::{COMMANDS[f.severity]} {fields}::{escape_data(message)}")
        for e in report.errors:
            props_e = {"file": shown(e.path) if e.path else "tonelint"}
            if e.line:
                props_e["line"] = str(e.line)
            fields = ",".join(f"{k}={escape_property(v)}" for k, v in props_e.items())
            lines.append(f"::error {fields}::{escape_data(e.message)}")
        return "\n".join(lines)
