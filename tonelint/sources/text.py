"""Plain-text drafts: the whole file is one post.

A line ``tonelint: disable=rule-a,rule-b`` turns those rules off for the file; the line is
not part of the post, and the rest keeps its file positions.
"""

from __future__ import annotations

from .. import suppress
from ..account import Account
from ..model import LineOrigin, PositionMap, Post


def read(
    text: str, path: str, platform: str | None, kind: str, account: Account | None
) -> list[Post]:
    directives = list(suppress.TEXT_DIRECTIVE.finditer(text))
    if not directives:
        positions = PositionMap.simple(text)
        return [Post(text, path, positions, platform=platform, kind=kind, account=account)]
    found = []
    kept: list[str] = []
    origins: list[LineOrigin] = []
    skip = {text.count("\n", 0, m.start()) for m in directives}
    for number, line in enumerate(text.split("\n")):
        if number not in skip:
            kept.append(line)
            origins.append(LineOrigin(number + 1, 1))
    for m in directives:
        rules = suppress.rule_list(m.group(1))
        if rules:
            found.append(suppress.whole(rules, text.count("\n", 0, m.start()) + 1))
    body = "\n".join(kept)
    return [
        Post(
            body,
            path,
            PositionMap(body, origins),
            platform=platform,
            kind=kind,
            suppressions=found,
            account=account,
        )
    ]
