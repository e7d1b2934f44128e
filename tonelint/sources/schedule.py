"""Schedule files: many posts with the times they go out at.

- YAML or JSON: optional top-level ``timezone`` (IANA), ``platform`` and ``account``, and
  ``posts:``, each with ``at``, ``platform``, ``text`` and optional ``kind``, ``id``,
  ``tonelint: {disable: [...]}``.  Findings point at the words inside the text, block
  scalars included.
- CSV with a header row (``at``, ``platform``, ``text``, optional ``kind``, ``id``): a
  finding points at the record's line.
- The bulk-upload CSV of schedulers, without a header: date, message, optional link.

A bad entry (no ``at``, an unreadable date, a text that is not a string, an unknown
platform) is reported with its line and skipped; the rest of the schedule is still read.
"""

from __future__ import annotations

import bisect
import csv
import io
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from .. import platforms, suppress, timeparse
from ..account import Account, parse_account
from ..model import InputError, LineOrigin, PositionMap, Post
from .frontmatter import disable_list
from .yamlpos import key_lines, load_data, mapping_get, scalar_origins

ENTRY_KEYS = ("at", "platform", "text", "kind", "id", "tonelint", "account")
TOP_KEYS = ("timezone", "platform", "account", "posts")


class _Reader:
    """Shared state while reading one schedule file."""

    def __init__(self, path: str, settings: dict[str, Any], errors: list[InputError]) -> None:
        self.path = path
        self.errors = errors
        self.platform: str | None = settings.get("platform")
        self.account: Account | None = settings.get("account")
        self.date_order: str | None = settings.get("date_order")
        self.zone_name: str = settings.get("timezone") or "UTC"
        self.tz: ZoneInfo = timeparse.zone(self.zone_name)

    def post(
        self,
        fields: dict[str, Any],
        line: int | None,
        positions: PositionMap | None,
        field_lines: dict[str, int] | None = None,
        last_line: int | None = None,
        comments: list[tuple[int, int, frozenset[str]]] | None = None,
    ) -> Post | None:
        lines = field_lines or {}

        def fail(message: str, key: str | None = None) -> None:
            self.errors.append(InputError(message, self.path, lines.get(key or "", line)))

        unknown = sorted(set(fields) - set(ENTRY_KEYS))
        if unknown:
            fail(f"unknown post key {unknown[0]!r} (expected {', '.join(ENTRY_KEYS)})", unknown[0])
            return None
        text = fields.get("text")
        if text is None or (isinstance(text, str) and not text.strip()):
            fail("scheduled post has no 'text'", "text")
            return None
        if not isinstance(text, str):
            fail(f"'text' must be a string, not {type(text).__name__}", "text")
            return None
        if fields.get("at") in (None, ""):
            fail("scheduled post has no 'at' time", "at")
            return None
        try:
            at = timeparse.parse(fields["at"], self.tz, self.date_order)
        except ValueError as exc:
            fail(str(exc), "at")
            return None
        platform = fields.get("platform") or self.platform
        if platform is not None:
            try:
                platform = platforms.normalize(str(platform))
            except ValueError as exc:
                fail(str(exc), "platform")
                return None
        kind = fields.get("kind") or "post"
        if kind not in ("post", "bio"):
            fail("'kind' must be post or bio", "kind")
            return None
        try:
            disable = disable_list(fields.get("tonelint"), self.path, lines.get("tonelint", line))
            account = parse_account(fields["account"]) if "account" in fields else self.account
        except InputError as exc:
            self.errors.append(exc)
            return None
        except ValueError as exc:
            fail(str(exc), "account")
            return None
        first, last = line or 1, last_line or line or 1
        suppressions = [
            suppress.Suppression(rules, first, last, at_line, column)
            for at_line, column, rules in comments or []
        ]
        if disable:
            where = lines.get("tonelint", first)
            suppressions.append(suppress.Suppression(disable, first, last, where, 1))
        return Post(
            text=text,
            path=self.path,
            positions=positions or PositionMap(text, [LineOrigin(line or 1, 1)]),
            platform=platform,
            kind=kind,
            suppressions=suppressions,
            meta={"id": str(fields["id"])} if fields.get("id") is not None else {},
            account=account,
            at=at,
            zone=self.zone_name,
        )


def read_data(
    text: str, path: str, settings: dict[str, Any], errors: list[InputError]
) -> list[Post]:
    """A YAML or JSON schedule."""
    root, data = load_data(text, path)
    if not isinstance(data, dict) or not isinstance(data.get("posts"), list):
        raise InputError("a schedule needs a 'posts' list", path, 1)
    top_line = key_lines(root)
    for key in data:
        if key not in TOP_KEYS:
            raise InputError(
                f"unknown schedule key {key!r} (expected {', '.join(TOP_KEYS)})",
                path,
                top_line.get(key),
            )
    own = dict(settings)
    try:
        if data.get("timezone") is not None:
            own["timezone"] = str(data["timezone"])
        if data.get("platform") is not None:
            own["platform"] = platforms.normalize(str(data["platform"]))
        if data.get("account") is not None:
            own["account"] = parse_account(data["account"])
        reader = _Reader(path, own, errors)
    except ValueError as exc:
        bad = next((k for k in ("timezone", "platform", "account") if k in str(exc).lower()), None)
        raise InputError(str(exc), path, top_line.get(bad or "", 1)) from None
    posts_node = mapping_get(root, "posts") if root is not None else None
    items = posts_node.value if isinstance(posts_node, yaml.SequenceNode) else []
    source_lines = text.split("\n")
    comments = [
        (number + 1, m.start() + 1, rules)
        for number, raw in enumerate(source_lines)
        for m in [suppress.YAML_DIRECTIVE.search(raw)]
        if m and (rules := suppress.rule_list(m.group(1)))
    ]
    out: list[Post] = []
    for index, entry in enumerate(data["posts"]):
        node = items[index] if index < len(items) else None
        line = node.start_mark.line + 1 if node is not None else None
        if node is not None:
            # an entry's lines run from its "- " line to the line before the next entry
            first = node.start_mark.line + 1
            if index + 1 < len(items):
                nxt = items[index + 1].start_mark.line + 1
                last = nxt - 1
            else:
                nxt, last = suppress.END, max(node.end_mark.line + 1, first)
            mine = [c for c in comments if first <= c[0] < nxt]
        else:
            last, mine = line, []
        if not isinstance(entry, dict):
            errors.append(InputError("each scheduled post must be a mapping", path, line))
            continue
        field_lines = key_lines(node)
        positions = None
        if isinstance(node, yaml.MappingNode):
            text_node = mapping_get(node, "text")
            if isinstance(text_node, yaml.ScalarNode) and isinstance(entry.get("text"), str):
                positions = PositionMap(entry["text"], scalar_origins(text_node, text))
        post = reader.post(entry, line, positions, field_lines, last, mine)
        if post is not None:
            out.append(post)
    return out


def read_csv(
    text: str, path: str, settings: dict[str, Any], errors: list[InputError]
) -> list[Post]:
    """A CSV schedule: with an ``at,platform,text`` header, or a headerless bulk upload."""
    try:
        reader = _Reader(path, settings, errors)
    except ValueError as exc:
        raise InputError(str(exc), path) from None
    lines = text.split("\n")
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    rows = csv.reader(io.StringIO(text), strict=True)
    out: list[Post] = []
    header: list[str] | None = None
    start = 1
    try:
        for record in rows:
            line = start
            start = rows.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None and line == 1:
                cells = [c.strip().lower() for c in record]
                if "text" in cells and "at" in cells:
                    header = cells
                    continue
                header = []
            if header:
                fields = {k: v for k, v in zip(header, record, strict=False) if k and v != ""}
                fields = {k: v for k, v in fields.items() if k in ENTRY_KEYS}
            else:
                fields = {
                    "at": record[0] if record else "",
                    "text": record[1] if len(record) > 1 else "",
                }
                if len(record) > 2 and record[2].strip():
                    fields["text"] = f"{fields['text']} {record[2].strip()}"
            body = fields.get("text") or ""
            index = header.index("text") if header else 1
            found = _field_position(text, starts, line, index)
            if found is not None:
                origin, breaks = found
            else:
                first = body.split("\n")[0]
                column = lines[line - 1].find(first) + 1 if first and line <= len(lines) else 1
                origin, breaks = LineOrigin(line, max(column, 1)), []
            origins = [origin] + [
                LineOrigin(origin.line + k, 1) for k in range(1, body.count("\n") + 1)
            ]
            positions = PositionMap(body, origins, breaks) if body else None
            post = reader.post(fields, line, positions)
            if post is not None:
                out.append(post)
    except csv.Error as exc:
        raise InputError(f"invalid CSV: {exc}", path, rows.line_num) from None
    return out


def _field_position(
    text: str, starts: list[int], line: int, index: int
) -> tuple[LineOrigin, list[tuple[int, LineOrigin]]] | None:
    """Where field ``index`` of the CSV record that starts on ``line`` begins in the file,
    and the offsets of its value after which the file position jumps: each doubled quote
    ``""`` is one character of the value but two in the file.  None when the record has
    no such field."""

    def origin(offset: int) -> LineOrigin:
        number = bisect.bisect_right(starts, offset)
        return LineOrigin(number, offset - starts[number - 1] + 1)

    if line > len(starts):
        return None
    pos, end = starts[line - 1], len(text)
    for _ in range(index):  # skip the fields before it
        if text.startswith('"', pos):
            pos += 1
            while pos < end and not (text[pos] == '"' and not text.startswith('""', pos)):
                pos += 2 if text.startswith('""', pos) else 1
            pos += 1
        while pos < end and text[pos] not in ",\r\n":
            pos += 1
        if pos >= end or text[pos] != ",":
            return None
        pos += 1
    if not text.startswith('"', pos):
        return origin(pos), []
    pos += 1
    first, breaks, decoded = origin(pos), [], 0
    while pos < end:
        if text.startswith('""', pos):
            pos += 2
            decoded += 1
            breaks.append((decoded, origin(pos)))
        elif text[pos] == '"':
            break
        else:
            pos += 1
            decoded += 1
    return first, breaks
