"""YAML front matter (``---`` ... ``---`` at the top of a Markdown file) and its keys.

Keys tonelint reads: ``platform``, ``kind``, ``ruleset``, ``tonelint: {disable: [...]}``
and ``account`` (whose voice the post is in); a content repo's other keys (title, tags,
date ...) are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import platforms, yamlutil
from ..account import Account, parse_account
from ..model import InputError

_FENCE = re.compile(r"^---[ \t]*\n", re.ASCII)
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
POST_KINDS = ("post", "bio")


@dataclass
class FrontMatter:
    """The tonelint-relevant keys of a front matter block, and where the body starts."""

    data: dict[str, Any] = field(default_factory=dict)
    body_offset: int = 0
    body_line: int = 1
    platform: str | None = None
    kind: str | None = None
    ruleset: str | None = None
    disable: frozenset[str] = frozenset()
    account: Account | None = None


def parse(text: str, path: str) -> FrontMatter:
    """Split off and validate front matter; a file without one has an empty ``FrontMatter``."""
    if not _FENCE.match(text):
        return FrontMatter()
    opened = text.index("\n") + 1
    close = _CLOSE.search(text, opened)
    if close is None:
        raise InputError("front matter starts with '---' but is never closed", path, 1)
    data = yamlutil.load(text[opened : close.start()], path, first_line=2) or {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a YAML mapping", path, 2)
    end = close.end() + 1 if close.end() < len(text) else close.end()
    fm = FrontMatter(data=data, body_offset=end, body_line=text.count("\n", 0, end) + 1)
    line_of = data.line_of if isinstance(data, yamlutil.LineDict) else (lambda key: 2)
    if "platform" in data:
        try:
            fm.platform = platforms.normalize(str(data["platform"]))
        except ValueError as exc:
            raise InputError(str(exc), path, line_of("platform")) from None
    if "kind" in data:
        if data["kind"] not in POST_KINDS:
            raise InputError(
                f"front matter 'kind' must be one of {', '.join(POST_KINDS)}", path, line_of("kind")
            )
        fm.kind = data["kind"]
    if "ruleset" in data:
        if not isinstance(data["ruleset"], str):
            raise InputError("front matter 'ruleset' must be a string", path, line_of("ruleset"))
        fm.ruleset = data["ruleset"]
    fm.disable = disable_list(data.get("tonelint"), path, line_of("tonelint"))
    if "account" in data:
        try:
            fm.account = parse_account(data["account"])
        except ValueError as exc:
            raise InputError(str(exc), path, line_of("account")) from None
    return fm


def disable_list(value: Any, path: str, line: int | None) -> frozenset[str]:
    """Validate a ``tonelint: {disable: [rule, ...]}`` block."""
    if value is None:
        return frozenset()
    if not isinstance(value, dict) or set(value) - {"disable"}:
        raise InputError("'tonelint' must be a mapping with a 'disable' list", path, line)
    items = value.get("disable") or []
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise InputError("'tonelint.disable' must be a list of rule ids", path, line)
    return frozenset(items)
