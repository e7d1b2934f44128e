"""Rule type ``length``: a post or bio longer than its platform allows.

``limits`` maps each platform to ``{post: SPEC, bio: SPEC}`` where a SPEC is ``{max: N,
counting: METHOD}`` or a list of them (Bluesky: 300 graphemes and 3,000 bytes); the counting
method is the platform's own (``twitter`` weighting, ``graphemes``, ``mastodon``,
``characters``, ``bytes``).
No platform, no finding: a draft's platform is unknown until the user says it.  The finding
covers the text past the limit, so an editor highlights exactly what has to go.

Example (X, 280 weighted characters)::

    FAIL  a 300-character post
    PASS  a 270-character post with a long URL (every URL counts 23)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ..model import Match
from ..platforms import COUNTINGS, PLATFORMS, display, measure, overflow_offset, within
from .base import Option, Rule

if TYPE_CHECKING:
    from ..context import PostContext

_UNITS = {
    "twitter": "weighted characters",
    "graphemes": "characters (graphemes)",
    "characters": "characters",
    "mastodon": "characters",
    "bytes": "bytes",
}


def _specs(value: Any) -> list[dict[str, Any]]:
    return value if isinstance(value, list) else [value]


def _check_limits(value: Any) -> None:
    for platform, kinds in value.items():
        if platform not in PLATFORMS:
            raise ValueError(f"limits: unknown platform {platform!r}")
        if not isinstance(kinds, dict) or set(kinds) - {"post", "bio"}:
            raise ValueError(f"limits.{platform} must be a mapping with 'post' and/or 'bio'")
        for kind, specs in kinds.items():
            for spec in _specs(specs):
                where = f"limits.{platform}.{kind}"
                if not isinstance(spec, dict) or set(spec) - {"max", "counting"}:
                    raise ValueError(f"{where} must be {{max, counting}} or a list of them")
                if isinstance(spec.get("max"), bool) or not isinstance(spec.get("max"), int):
                    raise ValueError(f"{where}.max must be a positive integer")
                if spec["max"] <= 0:
                    raise ValueError(f"{where}.max must be a positive integer")
                if spec.get("counting", "characters") not in COUNTINGS:
                    raise ValueError(f"{where}.counting must be one of {', '.join(COUNTINGS)}")


def _visible(ctx: PostContext) -> list[int] | None:
    """Offsets of the characters that are posted: Markdown comments, code and link targets
    (blanked out by the reader) are not.  None when every character is posted."""
    if not ctx.post.ignored:
        return None
    hidden: set[int] = set()
    for start, end in ctx.post.ignored:
        hidden.update(range(start, end))
    return [i for i in range(len(ctx.text)) if i not in hidden]


class LengthRule(Rule):
    type_name = "length"
    summary = "The platform's length limit for posts and bios, counted the platform's way."
    placeholders = frozenset({"count", "limit", "platform", "unit", "over", "kind"})
    options: ClassVar[dict[str, Option]] = {
        "limits": Option(
            dict, {}, "Per platform and kind: {max, counting} or a list.", _check_limits
        ),
    }

    def _checks(self, platform: str, kind: str) -> Iterator[tuple[int, str]]:
        specs = self.opts["limits"].get(platform, {}).get(kind, [])
        for spec in _specs(specs):
            yield spec["max"], spec.get("counting", "characters")

    def check(self, ctx: PostContext) -> Iterator[Match]:
        if ctx.platform is None:
            return
        kept = _visible(ctx)
        text = (ctx.text if kept is None else "".join(ctx.text[i] for i in kept)).rstrip()
        urls = ctx.skipped_spans(("urls",)) if kept is None else None
        for limit, counting in self._checks(ctx.platform, ctx.kind):
            if within(text, counting, limit, urls):
                continue
            count = measure(text, counting)
            if count <= limit:
                continue
            cut = overflow_offset(text, counting, limit)
            if kept is None:
                start = cut if cut < len(ctx.text) else len(ctx.text.rstrip())
            else:
                start = kept[cut] if cut < len(kept) else len(ctx.text.rstrip())
            yield Match(
                start,
                max(len(ctx.text.rstrip()), start),
                self.render(
                    count=count,
                    limit=limit,
                    platform=display(ctx.platform),
                    unit=_UNITS[counting],
                    over=count - limit,
                    kind=ctx.kind,
                ),
            )
            return
