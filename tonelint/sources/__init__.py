"""Source readers: a file's text in, ``Post`` objects that remember file positions out.

``read_posts`` picks the reader from ``kind`` and the file: profiles (YAML/JSON with a
``bio``), Markdown (``.md``, with front matter), or plain text.  A file named ``bio.txt``,
``*.bio.txt`` or ``*.bio.md`` holds a bio.
"""

from __future__ import annotations

from pathlib import PurePath

from ..model import InputError, Post
from . import markdown, profile, text

MARKDOWN_SUFFIXES = (".md", ".markdown")
DATA_SUFFIXES = (".yaml", ".yml", ".json")


def is_bio_file(path: str) -> bool:
    name = PurePath(path).name.lower()
    return name in ("bio.txt", "bio.md") or name.endswith((".bio.txt", ".bio.md"))


def read_posts(
    content: str,
    path: str,
    *,
    kind: str = "auto",
    platform: str | None = None,
    ruleset: str | None = None,
) -> list[Post]:
    """The posts in one file's text (already decoded)."""
    suffix = PurePath(path).suffix.lower()
    if kind == "profile" or (kind == "auto" and suffix in DATA_SUFFIXES):
        return profile.read(content, path, platform, ruleset)
    if kind == "schedule":
        raise InputError("schedules are not supported by this version", path)
    post_kind = kind if kind in ("post", "bio") else ("bio" if is_bio_file(path) else "post")
    if suffix in MARKDOWN_SUFFIXES or content.startswith("---\n"):
        return markdown.read(content, path, platform, post_kind, ruleset)
    return text.read(content, path, platform, post_kind, ruleset)
