"""SARIF 2.1.0 output for code scanning: rules with their documentation, results with
physical locations relative to the repository root, and safe replacements as fixes.

The log validates against the OASIS SARIF 2.1.0 JSON schema (a test checks every log).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..engine import META_RULES
from ..model import Finding, Severity
from ..runner import Report
from .base import Formatter

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def repo_root() -> Path:
    """The git work tree the run is in, or the current directory."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        return Path(out) if out else Path.cwd()
    except (OSError, subprocess.SubprocessError):
        return Path.cwd()


def _uri(path: str, root: Path) -> str:
    if path == "<stdin>":
        return "stdin"
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(root.resolve())
    except ValueError:
        return absolute.as_uri()
    return quote(relative.as_posix())


def _region(f: Finding) -> dict[str, int]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }


class SarifFormatter(Formatter):
    name = "sarif"

    def format(self, report: Report) -> str:
        root = repo_root()
        used = sorted({f.rule for f in report.findings})
        rules: list[dict[str, Any]] = []
        index: dict[str, int] = {}
        for rule_id in sorted(set(report.rules) | set(used)):
            index[rule_id] = len(rules)
            rules.append(self._rule(rule_id, report))
        results = [self._result(f, index, root) for f in report.findings]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "tonelint",
                    "version": __version__,
                    "informationUri": "https://pypi.org/project/tonelint/",
                    "rules": rules,
                }
            },
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
            "results": results,
            "invocations": [
                {
                    "executionSuccessful": not report.errors,
                    "toolExecutionNotifications": [
                        self._notification(e.path, e.line, e.message, root) for e in report.errors
                    ],
                }
            ],
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(log, indent=2, ensure_ascii=False)

    @staticmethod
    def _rule(rule_id: str, report: Report) -> dict[str, Any]:
        rule = report.rules.get(rule_id)
        if rule is None:
            text = META_RULES.get(rule_id, rule_id)
            return {
                "id": rule_id,
                "shortDescription": {"text": text},
                "fullDescription": {"text": text},
                "help": {"text": text},
                "defaultConfiguration": {"level": "warning"},
            }
        short = rule.description.split(". ")[0].rstrip(".") + "."
        help_text = (
            f"{rule.description}\n\nSource: {rule.source}\n\nRun: tonelint --explain {rule.id}"
        )
        return {
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": short},
            "fullDescription": {"text": rule.description},
            "help": {"text": help_text},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"tags": [rule.type_name], "source": rule.source},
        }

    @staticmethod
    def _result(f: Finding, index: dict[str, int], root: Path) -> dict[str, Any]:
        location = {"uri": _uri(f.path, root), "uriBaseId": "%SRCROOT%"}
        text = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS[f.severity],
            "message": {"text": text},
            "locations": [
                {"physicalLocation": {"artifactLocation": location, "region": _region(f)}}
            ],
        }
        if f.replacement is not None:
            result["fixes"] = [
                {
                    "description": {"text": f"Replace with '{f.replacement}'"},
                    "artifactChanges": [
                        {
                            "artifactLocation": location,
                            "replacements": [
                                {
                                    "deletedRegion": _region(f),
                                    "insertedContent": {"text": f.replacement},
                                }
                            ],
                        }
                    ],
                }
            ]
        return result

    @staticmethod
    def _notification(
        path: str | None, line: int | None, message: str, root: Path
    ) -> dict[str, Any]:
        note: dict[str, Any] = {"level": "error", "message": {"text": message}}
        if path:
            physical: dict[str, Any] = {
                "artifactLocation": {"uri": _uri(path, root), "uriBaseId": "%SRCROOT%"}
            }
            if line:
                physical["region"] = {"startLine": line}
            note["locations"] = [{"physicalLocation": physical}]
        return note
