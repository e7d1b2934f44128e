"""Markdown drafts: front matter for settings, the body as the post.

Code blocks, inline code, HTML comments and tags, and link targets are marked as ignored so
prose rules do not read them; the body keeps its exact positions in the file.
"""

from __future__ import annotations

import re

from ..model import PositionMap, Post
from . import frontmatter

_IGNORED = re.compile(
    r"^(?P<fence>```|~~~)[^\n]*\n.*?(?:^(?P=fence)[^\n]*$|\Z)"
    r"|<!--.*?-->"
    r"|</?[A-Za-z][^>\n]*>"
    r"|\]\([^)\n]*\)"
    r"|^\s{0,3}\[[^\]\n]+\]:[^\n]*$",
    re.MULTILINE | re.DOTALL,
)


def read(text: str, path: str, platform: str | None, kind: str, ruleset: str | None) -> list[Post]:
    fm = frontmatter.parse(text, path)
    body = text[fm.body_offset :]
    ignored = tuple(m.span() for m in _IGNORED.finditer(body))
    return [
        Post(
            text=body,
            path=path,
            positions=PositionMap.simple(body, fm.body_line),
            platform=fm.platform or platform,
            kind=fm.kind or kind,
            ruleset=fm.ruleset or ruleset,
            disable=fm.disable,
            ignored=ignored,
            meta=fm.data,
            account=fm.account,
        )
    ]
