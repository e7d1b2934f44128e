"""Schedule rule types: they see every scheduled post of a calendar at once.

- ``frequency``: more posts on one platform on one calendar day (in the schedule's time
  zone, daylight-saving days included) than the platform's daily maximum; reported once per
  day, at the first post over the limit.
- ``gap``: two posts on one platform closer together than the minimum gap.
- ``duplicate``: the same or nearly the same text on one platform within a window (text
  normalised; near-duplicates by Jaccard similarity of word pairs).
- ``mix``: in a rolling window, too large a share of posts that a post rule flags
  (``self-promotion``) or too small a share that it does not (``no-engagement``).
- ``past``: a post scheduled before now (``--now``).

Every check sorts the posts once and walks them with a sliding window: O(n log n).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ClassVar

from ..model import Match, Post
from ..platforms import PLATFORMS, display
from ..textspans import MENTION_RE, URL_RE
from .base import Option, Rule


@dataclass
class ScheduleContext:
    """What schedule rules know besides the posts: the time now, and post-rule verdicts."""

    now: datetime
    flagged: Callable[[str, Post], bool]
    """Whether the post rule with this id flags this post (the engine caches verdicts)."""


def _per_platform_numbers(value: Any) -> None:
    for platform, number in value.items():
        if platform != "default" and platform not in PLATFORMS:
            raise ValueError(f"unknown platform {platform!r}")
        if number is not None and (isinstance(number, bool) or not isinstance(number, int | float)):
            raise ValueError(f"the value for {platform!r} must be a number")


def _limit(table: Mapping[str, Any], platform: str | None) -> Any:
    return table.get(platform or "", table.get("default"))


def _whole(post: Post) -> Match:
    """A schedule finding covers the first line of the post's text."""
    first = post.text.split("\n", 1)[0].rstrip()
    start = len(first) - len(first.lstrip())
    return Match(start, max(len(first), start), "")


def _local_day(post: Post) -> str:
    assert post.at is not None
    from zoneinfo import ZoneInfo

    return post.at.astimezone(ZoneInfo(post.zone)).strftime("%a %Y-%m-%d")


class ScheduleRule(Rule):
    """Base of the schedule types: ``check_schedule`` instead of ``check``."""

    scope: ClassVar[str] = "schedule"

    def check(self, ctx: Any) -> Iterator[Match]:
        return iter(())

    def check_schedule(
        self, posts: Sequence[Post], ctx: ScheduleContext
    ) -> Iterator[tuple[Post, Match]]:
        raise NotImplementedError

    def found(self, post: Post, **values: Any) -> tuple[Post, Match]:
        span = _whole(post)
        return post, Match(span.start, span.end, self.render(**values))


def by_platform(posts: Sequence[Post]) -> dict[str | None, list[Post]]:
    groups: dict[str | None, list[Post]] = defaultdict(list)
    for post in posts:  # already in (time, file, line) order
        groups[post.platform].append(post)
    return groups


class FrequencyRule(ScheduleRule):
    type_name = "frequency"
    summary = "More posts on one platform on one calendar day than it advises."
    placeholders = frozenset({"count", "limit", "platform", "day", "zone"})
    options: ClassVar[dict[str, Option]] = {
        "max_per_day": Option(
            dict, {}, "Platform (or default) -> posts a day.", _per_platform_numbers
        ),
    }

    def check_schedule(
        self, posts: Sequence[Post], ctx: ScheduleContext
    ) -> Iterator[tuple[Post, Match]]:
        for platform, group in by_platform(posts).items():
            limit = _limit(self.opts["max_per_day"], platform)
            if limit is None:
                continue
            days: dict[str, list[Post]] = defaultdict(list)
            for post in group:
                days[_local_day(post)].append(post)
            for day, day_posts in days.items():
                if len(day_posts) > limit:
                    yield self.found(
                        day_posts[int(limit)],
                        count=len(day_posts),
                        limit=int(limit),
                        platform=display(platform),
                        day=day,
                        zone=day_posts[0].zone,
                    )


class GapRule(ScheduleRule):
    type_name = "gap"
    summary = "Two posts on one platform closer together than the minimum gap."
    placeholders = frozenset({"minutes", "gap", "platform", "previous"})
    options: ClassVar[dict[str, Option]] = {
        "min_gap_minutes": Option(
            dict, {}, "Platform (or default) -> minutes.", _per_platform_numbers
        ),
    }

    def check_schedule(
        self, posts: Sequence[Post], ctx: ScheduleContext
    ) -> Iterator[tuple[Post, Match]]:
        for platform, group in by_platform(posts).items():
            gap = _limit(self.opts["min_gap_minutes"], platform)
            if not gap:
                continue
            for before, post in itertools.pairwise(group):
                assert before.at is not None and post.at is not None
                minutes = (post.at - before.at).total_seconds() / 60
                if minutes < gap:
                    yield self.found(
                        post,
                        minutes=int(minutes),
                        gap=_duration(gap),
                        platform=display(platform),
                        previous=before.at.strftime("%Y-%m-%d %H:%M"),
                    )


def _duration(minutes: float) -> str:
    return f"{minutes / 60:g} h" if minutes >= 60 and minutes % 30 == 0 else f"{minutes:g} min"


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def normalise(text: str) -> str:
    """Lower case, no links or handles, words only: what makes two posts "the same"."""
    text = URL_RE.sub(" ", text)
    text = MENTION_RE.sub(" ", text)
    return " ".join(_WORD.findall(text.lower()))


def shingles(text: str, size: int = 2) -> frozenset[str]:
    words = text.split()
    if len(words) < size:
        return frozenset([text]) if text else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


class DuplicateRule(ScheduleRule):
    type_name = "duplicate"
    summary = "The same or nearly the same text on one platform within a window."
    placeholders = frozenset({"similarity", "days", "platform", "previous"})
    options: ClassVar[dict[str, Option]] = {
        "window_days": Option(dict, {}, "Platform (or default) -> days.", _per_platform_numbers),
        "threshold": Option(
            float, 0.7, "Word-pair (shingle) Jaccard similarity that counts as the same."
        ),
        "compare_last": Option(
            int, 50, "How many earlier posts in the window each post is compared with."
        ),
    }

    def check_schedule(
        self, posts: Sequence[Post], ctx: ScheduleContext
    ) -> Iterator[tuple[Post, Match]]:
        for platform, group in by_platform(posts).items():
            days = _limit(self.opts["window_days"], platform)
            if not days:
                continue
            window = timedelta(days=days)
            recent: deque[tuple[Post, str, frozenset[str]]] = deque()
            exact: dict[str, Post] = {}
            for post in group:
                assert post.at is not None
                while recent and post.at - recent[0][0].at > window:  # type: ignore[operator]
                    old = recent.popleft()
                    if exact.get(old[1]) is old[0]:
                        del exact[old[1]]
                text = normalise(post.text)
                marks = shingles(text)
                match: tuple[Post, float] | None = None
                if text in exact:
                    match = (exact[text], 1.0)
                else:
                    for other, _, other_marks in list(recent)[-self.opts["compare_last"] :]:
                        union = len(marks | other_marks)
                        similarity = len(marks & other_marks) / union if union else 0.0
                        if similarity >= self.opts["threshold"]:
                            match = (other, similarity)
                            break
                if match is not None:
                    other, similarity = match
                    assert other.at is not None
                    yield self.found(
                        post,
                        similarity=f"{similarity:.0%}",
                        days=f"{days:g}",
                        platform=display(platform),
                        previous=other.at.strftime("%Y-%m-%d %H:%M"),
                    )
                recent.append((post, text, marks))
                exact.setdefault(text, post)


class MixRule(ScheduleRule):
    type_name = "mix"
    summary = (
        "Too large (or too small) a share of posts that a post rule flags, in a rolling window."
    )
    placeholders = frozenset({"share", "limit", "count", "total", "start", "end", "days"})
    options: ClassVar[dict[str, Option]] = {
        "judge": Option(str, "self-promotion", "The post rule whose verdict is counted."),
        "count": Option(str, "flagged", "Count posts the judge 'flagged' or 'passed'."),
        "max_share": Option(float, None, "Largest share allowed.", nullable=True),
        "min_share": Option(float, None, "Smallest share allowed.", nullable=True),
        "balance": Option(
            str, None, "Preset for max_share: 80-20 (0.2) or 4-1-1 (1/6).", nullable=True
        ),
        "window_days": Option(int, 7, "Length of the rolling window in days."),
        "min_posts": Option(int, 5, "Windows with fewer posts are not judged."),
    }

    def __init__(self, rule_id: str, message: str, options: Mapping[str, Any]) -> None:
        super().__init__(rule_id, message, options)
        if self.opts["count"] not in ("flagged", "passed"):
            raise ValueError("'count' must be flagged or passed")
        presets = {"80-20": 0.2, "4-1-1": 1 / 6}
        balance = self.opts["balance"]
        if balance is not None:
            if balance not in presets:
                raise ValueError("'balance' must be 80-20 or 4-1-1")
            self.opts["max_share"] = presets[balance]
        if self.opts["max_share"] is None and self.opts["min_share"] is None:
            raise ValueError("a mix rule needs max_share, min_share or balance")

    def check_schedule(
        self, posts: Sequence[Post], ctx: ScheduleContext
    ) -> Iterator[tuple[Post, Match]]:
        ordered = list(posts)  # the engine hands posts over in a stable (time, file, line) order  # type: ignore[arg-type, return-value]
        want_flagged = self.opts["count"] == "flagged"
        hits = [ctx.flagged(self.opts["judge"], p) == want_flagged for p in ordered]
        window = timedelta(days=self.opts["window_days"])
        high, low = self.opts["max_share"], self.opts["min_share"]
        start = 0
        inside = 0
        reported_until: datetime | None = None
        for end, post in enumerate(ordered):
            inside += hits[end]
            assert post.at is not None
            while post.at - ordered[start].at >= window:  # type: ignore[operator]
                inside -= hits[start]
                start += 1
            total = end - start + 1
            if total < self.opts["min_posts"]:
                continue
            share = inside / total
            bad = (high is not None and share > high) or (low is not None and share < low)
            if not bad or (reported_until is not None and ordered[start].at < reported_until):  # type: ignore[operator]
                continue
            reported_until = post.at
            first = ordered[start].at
            assert first is not None
            yield self.found(
                post,
                share=f"{share:.0%}",
                limit=f"{(high if high is not None else low):.0%}",
                count=inside,
                total=total,
                start=first.strftime("%Y-%m-%d"),
                end=post.at.strftime("%Y-%m-%d"),
                days=self.opts["window_days"],
            )


class PastRule(ScheduleRule):
    type_name = "past"
    summary = "A post scheduled for a time that has already passed."
    placeholders = frozenset({"at", "now"})
    options: ClassVar[dict[str, Option]] = {}

    def check_schedule(
        self, posts: Sequence[Post], ctx: ScheduleContext
    ) -> Iterator[tuple[Post, Match]]:
        for post in posts:
            assert post.at is not None
            if post.at < ctx.now:
                yield self.found(
                    post,
                    at=post.at.strftime("%Y-%m-%d %H:%M %Z").strip(),
                    now=ctx.now.strftime("%Y-%m-%d %H:%M %Z").strip(),
                )


SCHEDULE_TYPES: tuple[type[ScheduleRule], ...] = (
    FrequencyRule,
    GapRule,
    DuplicateRule,
    MixRule,
    PastRule,
)
