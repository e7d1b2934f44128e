"""Source readers: a file's text in, ``Post`` objects that remember file positions out.

``read_posts`` picks the reader by ``kind`` and file name: Markdown (``.md``, with front
matter) or plain text.  Later readers (profiles, schedules) plug in here.
"""

from __future__ import annotations

from pathlib import PurePath

from ..model import Post
from . import markdown, text

MARKDOWN_SUFFIXES = (".md", ".markdown")


def read_posts(
    content: str,
    path: str,
    *,
    kind: str = "auto",
    platform: str | None = None,
    ruleset: str | None = None,
) -> list[Post]:
    """The posts in one file's text (already decoded)."""
    post_kind = kind if kind in ("post", "bio") else "post"
    if PurePath(path).suffix.lower() in MARKDOWN_SUFFIXES or content.startswith("---\n"):
        return markdown.read(content, path, platform, post_kind, ruleset)
    return text.read(content, path, platform, post_kind, ruleset)
