"""Inline suppressions: directives in a file that turn rules off for some of its lines.

- Markdown: ``<!-- tonelint-disable rule-a, rule-b -->`` ... ``<!-- tonelint-enable -->``
  (no rule list: every rule), and ``<!-- tonelint-disable-next-line rule -->``.
- Plain text: a line ``tonelint: disable=rule-a,rule-b`` turns the rules off for the file;
  the line itself is not part of the post.
- YAML schedules: a ``# tonelint: disable=rule`` comment inside a post's entry, and the
  entry's ``tonelint: {disable: [...]}`` key; front matter takes the same key.

The engine drops findings a suppression covers and, with ``--report-unused-disables``,
reports suppressions that covered nothing; a suppression naming an unknown rule is always
reported, with the closest rule id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Finding

_MD = re.compile(
    r"<!--\s*tonelint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->", re.IGNORECASE
)
TEXT_DIRECTIVE = re.compile(r"^[ \t]*tonelint:[ \t]*disable=([\w, -]+?)[ \t]*$", re.MULTILINE)
YAML_DIRECTIVE = re.compile(r"#\s*tonelint:\s*disable=([\w, -]+?)\s*$")
END = 10**9
"""The ``last_line`` of a suppression that runs to the end of its file."""


@dataclass
class Suppression:
    """Rules (None: all) switched off for file lines ``first_line`` to ``last_line``."""

    rules: frozenset[str] | None
    first_line: int
    last_line: int
    line: int
    column: int
    used: bool = False

    @property
    def whole_file(self) -> bool:
        """Whether it covers every line (front matter, a text directive, an unclosed
        disable at the top)."""
        return self.first_line <= 1 and self.last_line >= END

    def covers(self, finding: Finding) -> bool:
        in_rules = self.rules is None or finding.rule in self.rules
        return in_rules and self.first_line <= finding.line <= self.last_line


def rule_list(text: str) -> frozenset[str] | None:
    ids = frozenset(part.strip() for part in text.split(",") if part.strip())
    return ids or None


def markdown(body: str, first_line: int) -> list[Suppression]:
    """Suppressions from HTML-comment directives in a Markdown body starting at
    ``first_line`` of its file."""
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for m in _MD.finditer(body):
        line = first_line + body.count("\n", 0, m.start())
        column = m.start() - (body.rfind("\n", 0, m.start()) + 1) + 1
        kind, rules = m.group(1).lower(), rule_list(m.group(2))
        if kind == "disable-next-line":
            found.append(Suppression(rules, line + 1, line + 1, line, column))
        elif kind == "disable":
            suppression = Suppression(rules, line, END, line, column)
            open_ranges.append(suppression)
            found.append(suppression)
        else:
            for suppression in open_ranges:
                if rules is None or (suppression.rules is not None and suppression.rules <= rules):
                    suppression.last_line = min(suppression.last_line, line)
            open_ranges = [s for s in open_ranges if s.last_line == END]
    return found


def whole(rules: frozenset[str], line: int, column: int = 1) -> Suppression:
    """A suppression of ``rules`` for every line (front matter, a text directive)."""
    return Suppression(rules, 1, END, line, column)
