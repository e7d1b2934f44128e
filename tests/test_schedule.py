"""Schedules: the readers (YAML, JSON, CSV, bulk CSV, Markdown calendars), positions inside
them, the schedule rules, bad input, and the whole-calendar pre-commit entry point."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tonelint import timeparse
from tonelint.engine import Linter
from tonelint.model import PositionMap, Post
from tonelint.rules.schedule import normalise, shingles
from tonelint.ruleset import load_ruleset

from .test_cli import write

NOW = "2026-11-01"
SCHEDULE_RULES = (
    "posting-frequency,posting-gap,duplicate-post,promo-ratio,engagement-ratio,post-in-past"
)


def _rules(data: dict[str, Any]) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in data["findings"]]


def test_yaml_schedule_positions_in_block_scalars(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "cal.yaml",
        "timezone: America/Chicago\nplatform: x\nposts:\n"
        "  - at: 2026-12-01T09:00\n    text: Fine tip about gutters?\n"
        "  - at: 2026-12-01T09:30\n    id: promo-1\n    text: |\n"
        "      First line is fine?\n      Then we leverage synergy.\n",
    )
    code, data = run_json("--now", NOW, "--select", "corporate-jargon,posting-gap", "cal.yaml")
    findings = {f["rule"]: f for f in reversed(data["findings"])}
    jargon = findings["corporate-jargon"]
    assert (jargon["line"], jargon["column"]) == (10, 15)
    gap = findings["posting-gap"]
    assert (gap["line"], gap["column"]) == (9, 7)
    assert gap["message"].startswith("only 30 min after the previous post on X (2026-12-01 09:00)")
    assert code == 1


def test_json_schedule(run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path) -> None:
    posts = [
        {"at": "2026-12-01T09:00:00Z", "platform": "linkedin", "text": f"Tip number {i}?"}
        for i in range(3)
    ]
    write(tmp_path, "cal.json", json.dumps({"posts": posts}, indent=2))
    _, data = run_json("--now", NOW, "--select", "posting-frequency", "cal.json")
    assert _rules(data) == [("posting-frequency", 16)]


def test_csv_with_header_points_at_record_line(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "cal.csv",
        'at,platform,text\n2026-12-01T09:00,x,"A tip,\nover two lines?"\n'
        "2026-12-01T09:10,x,We leverage it?\n",
    )
    _, data = run_json("--now", NOW, "--select", "corporate-jargon,posting-gap", "cal.csv")
    assert _rules(data) == [("posting-gap", 4), ("corporate-jargon", 4)]
    assert [f["column"] for f in data["findings"]] == [20, 23]


def test_bulk_csv_needs_date_order_when_ambiguous(run: Callable[..., Any], tmp_path: Path) -> None:
    write(
        tmp_path, "bulk.csv", '03/12/2026 09:00,"Tip one?"\n25/12/2026 09:00,"Merry Christmas?"\n'
    )
    result = run("--now", NOW, "bulk.csv")
    assert result.exit_code == 2
    assert "bulk.csv:1: error: ambiguous date '03/12/2026 09:00'" in result.stderr
    result = run("--now", NOW, "--date-order", "dmy", "--format", "json", "bulk.csv")
    assert json.loads(result.stdout)["errors"] == []


def test_markdown_calendar_across_files(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, ".tonelint.yaml", "platform: instagram\ntimezone: Europe/London\n")
    write(tmp_path, "a.md", "---\npublish_at: 2026-12-01T09:00\n---\nWhat is your tip?\n")
    write(tmp_path, "b.md", "---\ndate: 2026-12-01T20:00:00\n---\nAnd yours?\n")
    write(tmp_path, "c.md", "---\ntitle: draft, no date\n---\nAnd theirs?\n")
    _, data = run_json("--now", NOW, "--select", "posting-frequency", ".")
    assert [(Path(f["path"]).name, f["rule"]) for f in data["findings"]] == [
        ("b.md", "posting-frequency")
    ]
    assert "(Europe/London)" in data["findings"][0]["message"]


def _post(at: str, text: str, platform: str = "x", zone: str = "UTC") -> Post:
    return Post(
        text,
        "cal",
        PositionMap.simple(text),
        platform=platform,
        at=timeparse.parse(at, timeparse.zone(zone)),
        zone=zone,
    )


def _schedule(posts: list[Post], rules: str = SCHEDULE_RULES) -> list[str]:
    linter = Linter(load_ruleset("general"), select=rules.split(","))
    return [f.rule for f in linter.lint_schedule(posts, datetime(2026, 11, 1, tzinfo=UTC))]


def test_frequency_days_follow_the_time_zone_and_dst() -> None:
    zone = "America/New_York"
    # 2026-11-01 is the day US clocks fall back: 25 hours long. Two posts 23:30 apart
    # fall on different local days only when the zone is applied.
    posts = [
        _post("2026-11-01T00:30", "One", "instagram", zone),
        _post("2026-11-01T23:00", "Two", "instagram", zone),
        _post("2026-11-02T00:10", "Three", "instagram", zone),
    ]
    assert _schedule(posts, "posting-frequency") == ["posting-frequency"]
    utc = [_post(p.at.astimezone(UTC).isoformat(), p.text, "instagram") for p in posts]  # type: ignore[union-attr]
    assert _schedule(utc, "posting-frequency") == ["posting-frequency"]


def test_gap_is_per_platform() -> None:
    posts = [_post("2026-12-01T09:00", "a"), _post("2026-12-01T09:10", "b", "linkedin")]
    assert _schedule(posts, "posting-gap") == []
    posts.append(_post("2026-12-01T09:30", "c"))
    assert _schedule(posts, "posting-gap") == ["posting-gap"]


def test_duplicates_ignore_links_case_and_punctuation() -> None:
    assert normalise("Big SALE! https://a.example @bob") == "big sale"
    assert shingles("a b c") == frozenset({"a b", "b c"})
    posts = [
        _post("2026-12-01T09:00", "Big SALE today!"),
        _post("2026-12-02T09:00", "big sale today"),
    ]
    assert _schedule(posts, "duplicate-post") == ["duplicate-post"]
    posts[1] = _post("2026-12-05T09:00", "big sale today")
    assert _schedule(posts, "duplicate-post") == []


def test_promo_ratio_4_1_1(tmp_path: Path) -> None:
    promo = "We're proud to launch our award-winning guards! Order now."
    tips = [f"Tip {i}: clear the downspout after a storm." for i in range(5)]
    posts = [_post(f"2026-12-0{i + 1}T09:00", t) for i, t in enumerate(tips)]
    posts.append(_post("2026-12-06T08:00", promo))
    assert _schedule(posts, "promo-ratio") == []  # 1 in 6 is within 80/20
    path = write(
        tmp_path, "strict.yaml", "extends: general\nrules:\n  promo-ratio: {balance: 4-1-1}\n"
    )
    linter = Linter(load_ruleset(str(path)), select=["promo-ratio"])
    assert linter.lint_schedule(posts, datetime(2026, 11, 1, tzinfo=UTC)) == []
    posts.append(_post("2026-12-06T12:00", promo))
    assert [f.rule for f in linter.lint_schedule(posts, datetime(2026, 11, 1, tzinfo=UTC))] == [
        "promo-ratio"
    ]


def test_post_in_past_uses_now(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "cal.yaml", "posts:\n  - at: 2026-06-01T09:00Z\n    text: Old news?\n")
    _, data = run_json("--now", "2026-07-01", "--select", "post-in-past", "cal.yaml")
    assert _rules(data) == [("post-in-past", 3)]
    _, data = run_json("--now", "2026-05-01", "--select", "post-in-past", "cal.yaml")
    assert data["findings"] == []


def test_disable_a_rule_for_one_post(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "cal.yaml",
        "platform: x\nposts:\n  - at: 2026-12-01T09:00Z\n    text: Tip?\n"
        "  - at: 2026-12-01T09:05Z\n    text: Another tip?\n"
        "    tonelint: {disable: [posting-gap]}\n",
    )
    _, data = run_json("--now", NOW, "--select", "posting-gap", "cal.yaml")
    assert data["findings"] == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "posts:\n  - at: 2026-12-01T09:00Z\n    text: [1]\n",
            "cal.yaml:3: error: 'text' must be a string",
        ),
        (
            "posts:\n  - at: someday\n    text: hi?\n",
            "cal.yaml:2: error: cannot read the date 'someday'",
        ),
        ("posts:\n  - text: hi?\n", "cal.yaml:2: error: scheduled post has no 'at' time"),
        ("posts:\n  - at: 2026-12-01T09:00Z\n", "cal.yaml:2: error: scheduled post has no 'text'"),
        (
            "posts:\n  - at: 2026-12-01T09:00Z\n    platform: orkut\n    text: hi?\n",
            "cal.yaml:3: error: unknown platform 'orkut'",
        ),
        (
            "timezone: Mars/Olympus\nposts: []\n",
            "cal.yaml:1: error: unknown time zone 'Mars/Olympus'",
        ),
        ("posts:\n  - at: [\n", "cal.yaml:3: error: invalid YAML"),
    ],
)
def test_bad_entries_name_file_and_line_and_the_rest_is_checked(
    run: Callable[..., Any], tmp_path: Path, content: str, expected: str
) -> None:
    good = "  - at: 2026-12-01T10:00Z\n    text: We leverage synergy?\n"
    write(
        tmp_path,
        "cal.yaml",
        content + (good if content.startswith("posts:\n  -") and "[\n" not in content else ""),
    )
    result = run("--now", NOW, "--select", "corporate-jargon", "cal.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(expected), result.stderr
    if content.startswith("posts:\n  -") and "[\n" not in content:
        assert "[corporate-jargon]" in result.stdout


def test_schedules_flag_reads_config_paths(run: Callable[..., Any], tmp_path: Path) -> None:
    write(tmp_path, ".tonelint.yaml", "schedule_paths: [calendar]\nplatform: linkedin\n")
    for i in range(3):
        write(
            tmp_path,
            f"calendar/p{i}.md",
            f"---\npublish_at: 2026-12-01T0{i + 1}:00\n---\nTip {i}?\n",
        )
    result = run("--now", NOW, "--schedules", "--select", "posting-frequency")
    assert result.exit_code == 1
    assert "[posting-frequency]" in result.stdout
    write(tmp_path, ".tonelint.yaml", "platform: linkedin\n")
    assert run("--schedules").exit_code == 2


def test_promo_ratio_with_max_share_set_directly(tmp_path: Path) -> None:
    promo = "We're proud to launch our award-winning guards! Order now."
    tips = [f"Tip {i}: clear the downspout after a storm." for i in range(5)]
    posts = [_post(f"2026-12-0{i + 1}T09:00", t) for i, t in enumerate(tips)]
    posts.append(_post("2026-12-06T08:00", promo))  # 1 post in 6 is self-promotion
    body = "extends: general\nrules:\n  promo-ratio: {balance: null, max_share: 0.1}\n"
    linter = Linter(load_ruleset(str(write(tmp_path, "tight.yaml", body))), select=["promo-ratio"])
    (finding,) = linter.lint_schedule(posts, datetime(2026, 11, 1, tzinfo=UTC))
    assert finding.rule == "promo-ratio"
