"""Rule type ``hashtags``: more hashtags than the platform's advised maximum, or a post
that is mostly hashtags.

``max`` is the advised number (3 by default; ``platforms: {instagram: {max: 5}}``), and the
finding covers the hashtags past it.  ``max_share`` is the largest share of the post's words
that may be hashtags (posts of at least ``min_words`` words).

Example (``max: 3``)::

    FAIL  New menu! #food #foodie #yum #tasty #dinner
    PASS  New menu is out. #food
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ..model import Match
from ..platforms import display
from ..textspans import HASHTAG_RE
from .base import Option, Rule

if TYPE_CHECKING:
    from ..context import PostContext


def _check_platforms(value: Any) -> None:
    for platform, limits in value.items():
        if (
            not isinstance(limits, dict)
            or set(limits) - {"max"}
            or not isinstance(limits.get("max"), int)
        ):
            raise ValueError(f"platforms.{platform} must be {{max: N}}")


class HashtagsRule(Rule):
    type_name = "hashtags"
    summary = "Too many hashtags for the platform, or a post that is mostly hashtags."
    placeholders = frozenset({"count", "limit", "share", "reason"})
    options: ClassVar[dict[str, Option]] = {
        "max": Option(int, 3, "Advised largest number of hashtags."),
        "platforms": Option(dict, {}, "Per-platform {max} overrides.", _check_platforms),
        "max_share": Option(float, 0.5, "Largest share of words that may be hashtags."),
        "min_words": Option(int, 4, "Posts shorter than this skip the share check."),
    }

    def check(self, ctx: PostContext) -> Iterator[Match]:
        tags = list(HASHTAG_RE.finditer(ctx.text))
        if not tags:
            return
        limit = self.opts["platforms"].get(ctx.platform or "", {}).get("max", self.opts["max"])
        words = len(ctx.text.split())
        share = len(tags) / words if words else 0.0
        if len(tags) > limit:
            where = display(ctx.platform, "the platform")
            reason = f"{len(tags)} hashtags; {where} advises at most {limit}"
            start, end = tags[limit].start(), tags[-1].end()
        elif words >= self.opts["min_words"] and share > self.opts["max_share"]:
            reason = f"hashtags are {share:.0%} of the words"
            start, end = tags[0].start(), tags[-1].end()
        else:
            return
        yield Match(
            start,
            end,
            self.render(count=len(tags), limit=limit, share=f"{share:.0%}", reason=reason),
        )
