"""Markdown drafts: front matter for settings, the body as the post.

A content repo that keeps one post per file with ``publish_at`` (or ``date``) in the front
matter is a schedule: every such post in the paths linted is one calendar.

Code blocks (fenced, and indented by four spaces after a blank line, outside a list),
inline code, HTML comments and tags, and link targets are marked as ignored so prose rules
do not read them; the body keeps its exact positions in the file.
"""

from __future__ import annotations

import re
from typing import Any

from .. import suppress, timeparse
from ..model import InputError, PositionMap, Post
from ..yamlutil import LineDict
from . import frontmatter

_IGNORED = re.compile(
    r"^(?P<fence>```|~~~)[^\n]*\n.*?(?:^(?P=fence)[^\n]*$|\Z)"
    r"|<!--.*?-->"
    r"|</?[A-Za-z][^>\n]*>"
    r"|\]\([^)\n]*\)"
    r"|^\s{0,3}\[[^\]\n]+\]:[^\n]*$",
    re.MULTILINE | re.DOTALL,
)


_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_INDENTED = re.compile(r"^(?: {4}|\t)")


def _indented_code(body: str) -> list[tuple[int, int]]:
    """Spans of CommonMark indented code blocks: lines indented four spaces (or a tab)
    that start after a blank line and do not continue a list item."""
    spans: list[tuple[int, int]] = []
    offset = 0
    blank_before = True  # the start of the body counts as after a blank line
    in_list = False
    block: list[int] | None = None
    for line in body.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        blank = not content.strip()
        if block is not None:
            if blank or _INDENTED.match(content):
                if not blank:
                    block[1] = offset + len(content)
                offset += len(line)
                continue
            spans.append((block[0], block[1]))
            block = None
        if not blank and _INDENTED.match(content) and blank_before and not in_list:
            block = [offset, offset + len(content)]
        elif not blank and not _INDENTED.match(content):
            in_list = bool(_LIST_ITEM.match(content))
        blank_before = blank
        offset += len(line)
    if block is not None:
        spans.append((block[0], block[1]))
    return spans


def _blank_out(body: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Replace code, comments, tags and link targets with spaces (line ends kept), so the
    rules and the tokenizer never see them and every other character keeps its place."""
    chars = list(body)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _suppressions(fm: frontmatter.FrontMatter, body: str) -> list[suppress.Suppression]:
    found = suppress.markdown(body, fm.body_line)
    if fm.disable:
        line = fm.data.line_of("tonelint") if isinstance(fm.data, LineDict) else 2
        found.append(suppress.whole(fm.disable, line or 2))
    return found


def read(text: str, path: str, kind: str, settings: dict[str, Any]) -> list[Post]:
    """One post; scheduled (``at`` set) when the front matter has ``publish_at`` or ``date``."""
    fm = frontmatter.parse(text, path)
    body = text[fm.body_offset :]
    ignored = tuple(sorted([*(m.span() for m in _IGNORED.finditer(body)), *_indented_code(body)]))
    suppressions = _suppressions(fm, body)  # read the directives before they are blanked out
    body = _blank_out(body, ignored)
    zone_name = settings.get("timezone") or "UTC"
    at = None
    for key in ("publish_at", "date"):
        if fm.data.get(key) is not None:
            line = fm.data.line_of(key) if isinstance(fm.data, LineDict) else None
            try:
                at = timeparse.parse(
                    fm.data[key], timeparse.zone(zone_name), settings.get("date_order")
                )
            except ValueError as exc:
                raise InputError(f"front matter '{key}': {exc}", path, line) from None
            break
    return [
        Post(
            text=body,
            path=path,
            positions=PositionMap.simple(body, fm.body_line),
            platform=fm.platform or settings.get("platform"),
            kind=fm.kind or kind,
            ruleset=fm.ruleset,
            suppressions=suppressions,
            ignored=ignored,
            meta=fm.data,
            account=fm.account or settings.get("account"),
            at=at,
            zone=zone_name,
        )
    ]
