"""Plain-text drafts: the whole file is one post."""

from __future__ import annotations

from ..model import PositionMap, Post


def read(text: str, path: str, platform: str | None, kind: str, ruleset: str | None) -> list[Post]:
    return [
        Post(
            text=text,
            path=path,
            positions=PositionMap.simple(text),
            platform=platform,
            kind=kind,
            ruleset=ruleset,
        )
    ]
