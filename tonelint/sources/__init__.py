"""Source readers: a file's text in, ``Post`` objects that remember file positions out.

``read_posts`` picks the reader from ``kind`` and the file: schedules (CSV, or YAML/JSON
with ``posts``), profiles (YAML/JSON with a ``bio``), Markdown (``.md``, with front matter,
a scheduled post when it has ``publish_at`` or ``date``), or plain text.  A file named
``bio.txt``, ``*.bio.txt`` or ``*.bio.md`` holds a bio.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

import yaml

from ..account import Account
from ..model import InputError, Post
from . import markdown, profile, schedule, text
from .yamlpos import load_nodes

MARKDOWN_SUFFIXES = (".md", ".markdown")
_DATA_START = re.compile(
    r"\A(?:\s*#[^\n]*\n)*\s*(?:posts|timezone|bio|handle|website)\s*:", re.MULTILINE
)
DATA_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class ReadSettings:
    """What a reader needs from the config and command line."""

    platform: str | None = None
    timezone: str = "UTC"
    date_order: str | None = None
    account: Account | None = None
    errors: list[InputError] = field(default_factory=list)
    """Problems with single entries of a file whose other entries were still read."""


def is_bio_file(path: str) -> bool:
    name = PurePath(path).name.lower()
    return name in ("bio.txt", "bio.md") or name.endswith((".bio.txt", ".bio.md"))


def _data_kind(content: str, path: str) -> str:
    node = load_nodes(content, path)
    if isinstance(node, yaml.MappingNode):
        keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        if "posts" in keys:
            return "schedule"
    return "profile"


def read_posts(
    content: str, path: str, *, kind: str = "auto", settings: ReadSettings | None = None
) -> list[Post]:
    """The posts in one file's text (already decoded)."""
    opts = settings or ReadSettings()
    suffix = PurePath(path).suffix.lower()
    if path == "<stdin>" and kind == "auto" and _DATA_START.match(content):
        suffix = ".yaml"  # a schedule or profile piped in: read it by its contents
    if kind == "schedule" and suffix in MARKDOWN_SUFFIXES:
        kind = "auto"  # one post of a Markdown calendar
    if kind == "auto" and suffix == ".csv":
        kind = "schedule"
    elif kind in ("auto", "schedule", "profile") and suffix in DATA_SUFFIXES:
        kind = _data_kind(content, path) if kind == "auto" else kind
    config = {
        "platform": opts.platform,
        "timezone": opts.timezone,
        "date_order": opts.date_order,
        "account": opts.account,
    }
    if kind == "schedule":
        if suffix in DATA_SUFFIXES:
            return schedule.read_data(content, path, config, opts.errors)
        return schedule.read_csv(content, path, config, opts.errors)
    if kind == "profile":
        return profile.read(content, path, opts.platform, opts.account)
    post_kind = kind if kind in ("post", "bio") else ("bio" if is_bio_file(path) else "post")
    if suffix in MARKDOWN_SUFFIXES or (path == "<stdin>" and content.startswith("---\n")):
        return markdown.read(content, path, post_kind, config)
    return text.read(content, path, opts.platform, post_kind, opts.account)
