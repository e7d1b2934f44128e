"""Hostile input, property-based checks, parallel runs, and "nothing is written"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tonelint.engine import Linter
from tonelint.model import InputError, PositionMap, Post
from tonelint.regexcheck import check as check_regex
from tonelint.ruleset import load_ruleset
from tonelint.sources import read_posts
from tonelint.sources.decode import decode

from .test_cli import write

LINTERS = {
    name: Linter(load_ruleset(name)) for name in ("general", "healthcare", "finance", "real-estate")
}
PIECES = st.sampled_from(
    [
        "We leverage synergy",
        "\r\n",
        "\n",
        "\t",
        "\ufeff",
        "e\u0301",
        "👨\u200d👩\u200d👧",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u0645\u0631\u062d\u0628\u0627",
        "@sam",
        "#ad",
        "https://a.example/x",
        "HUGE SALE!!!",
        "Mrs. Lopez",
        "root canal",
        '"quoted leverage"',
        "100% painless",
        "   ",
        "\u200b",
        "\u2028",
        "adults only",
        "$1,299/mo",
        "?",
        "Book now",
        "こんにちは",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300), st.lists(PIECES | st.text(max_size=12), max_size=30).map("".join)
)


def _check_findings(raw: str) -> None:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    post = Post(text, "p", PositionMap.simple(text), platform="x")
    for linter in LINTERS.values():
        for finding in linter.lint_post(post):
            assert 1 <= finding.line <= len(lines)
            assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
            assert (finding.end_line, finding.end_column) >= (finding.line, finding.column)
            assert finding.end_line <= len(lines)
            assert finding.end_column <= len(lines[finding.end_line - 1]) + 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_every_rule_terminates_and_stays_in_the_text(raw: str) -> None:
    _check_findings(raw)


NAMES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["Acme Plumbing LLC", "The Law Group", "Dr. Ana Rivera, DDS", "Yum! Brands"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, NAMES, NAMES)
def test_bio_rules_and_accounts_take_any_text(raw: str, name: str, account_name: str) -> None:
    """Bio rules on any bio, profile name and account name (short names, person names,
    hashtags, scripts): no exception, every finding inside the text."""
    from tonelint.account import Account

    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    account = Account(name=account_name, handles=(account_name,))
    post = Post(
        text, "bio.txt", PositionMap.simple(text), kind="bio", meta={"name": name}, account=account
    )
    for linter in LINTERS.values():
        for finding in linter.lint_post(post):
            assert 1 <= finding.line <= len(lines)
            assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
    account.self_mentions(text)


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_file_positions_survive_line_ends_and_bom(raw: str, eol: str, bom: bool) -> None:
    body = "We leverage it.\n" + raw.replace("\r", "").replace("\x00", "")
    data = (b"\xef\xbb\xbf" if bom else b"") + body.replace("\n", eol).encode("utf-8")
    text = decode(data, "p.txt", 10**7) if body.strip() else None
    if text is None:
        return
    (post,) = read_posts(text, "p.txt")
    (first,) = [f for f in LINTERS["general"].lint_post(post) if f.rule == "corporate-jargon"][:1]
    assert (first.line, first.column) == (1, 4)


def test_combining_and_zwj_columns() -> None:
    text = "e\u0301 👨\u200d👩\u200d👧 We leverage it"
    (finding,) = [
        f for f in LINTERS["general"].lint_post(_post(text)) if f.rule == "corporate-jargon"
    ]
    assert finding.column == text.index("leverage") + 1  # columns count code points


def _post(text: str) -> Post:
    return Post(text, "p", PositionMap.simple(text))


def test_huge_file_is_refused_quickly(run: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b"word " * (10 * 1024 * 1024))  # 50 MB
    started = time.perf_counter()
    result = run("big.txt")
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2
    assert (
        "big.txt: error: file is too large (52,428,800 bytes; the limit is 10,485,760"
        in result.stderr
    )


def test_one_5mb_line_is_a_clear_error(run: Callable[..., Any], tmp_path: Path) -> None:
    write(tmp_path, "line.txt", "word " * (1024 * 1024))
    started = time.perf_counter()
    result = run("line.txt")
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2
    assert "line.txt:1: error: post is too long to lint (5,242,880 characters" in result.stderr


def test_yaml_alias_bomb_and_deep_nesting(run: Callable[..., Any], tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 9):
        bomb += (
            f"{'b' * level}: &{'b' * level} ["
            + ", ".join([f"*{'b' * (level - 1) or 'a'}"] * 9)
            + "]\n"
        )
    bomb += "posts: []\n"
    write(tmp_path, "bomb.yaml", bomb)
    write(tmp_path, "deep.yaml", "posts: " + "[" * 2000 + "]" * 2000 + "\n")
    started = time.perf_counter()
    result = run("bomb.yaml", "deep.yaml")
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2
    assert "alias bomb" in result.stderr
    assert "deep.yaml" in result.stderr and "nested too deeply" in result.stderr


def test_csv_with_a_10mb_field(run: Callable[..., Any], tmp_path: Path) -> None:
    write(
        tmp_path,
        "cal.csv",
        'at,platform,text\n2099-01-01T09:00,x,"' + "a" * (10 * 1024 * 1024) + '"\n',
    )
    result = run("cal.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith("cal.csv:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_symlink_loop_in_a_walk(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "content/a.txt", "We leverage it?\n")
    os.symlink(tmp_path / "content", tmp_path / "content" / "loop")
    started = time.perf_counter()
    _, data = run_json("content")
    assert time.perf_counter() - started < 10
    assert [Path(f["path"]).name for f in data["findings"]] == ["a.txt"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("    patterns: [{regex: '(a+)+$'}]\n", "can backtrack catastrophically"),
        ("    patterns: [{regex: '(\\w+\\s?)*x'}]\n", "can backtrack catastrophically"),
        ("    patterns: [{regex: '[unclosed'}]\n", "invalid regex"),
        ("    patterns: [{regex: 'ok', message: 5}]\n", "message must be a string"),
    ],
)
def test_dangerous_user_patterns_are_refused(
    run: Callable[..., Any], tmp_path: Path, body: str, message: str
) -> None:
    write(
        tmp_path,
        "mine.yaml",
        "extends: general\nrules:\n  x:\n    type: pattern\n    message: m\n" + body,
    )
    write(tmp_path, "a.txt", "hello?\n")
    result = run("--ruleset", "mine.yaml", "a.txt")
    assert result.exit_code == 2
    assert (
        "mine.yaml:6: error: rule 'x': pattern 1: " in result.stderr
        or "mine.yaml:6:" in result.stderr
    )
    assert message in result.stderr


def test_regex_check_accepts_separated_repeats() -> None:
    check_regex(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
    check_regex(r"[a-z]+(?:[ -][a-z]+)*")
    with pytest.raises(ValueError):
        check_regex(r"(?:a+)+$")


def test_parallel_output_is_identical(tmp_path: Path) -> None:
    # many posts share a time, so any order that depends on which worker read them shows
    for i in range(30):
        text = (
            f"We leverage synergy {i}?"
            if i % 4 == 0
            else f"Our new product line {i}, Award and award."
        )
        write(
            tmp_path,
            f"c/post{i:02}.md",
            f"---\npublish_at: 2099-12-0{i % 3 + 1}T09:00\n---\n{text}\n",
        )
    write(tmp_path, "c/bad.txt", b"\x00")
    write(tmp_path, "c/.tonelint.yaml", "platform: linkedin\n")
    outputs = []
    for jobs in ("1", "2", "3"):
        proc = subprocess.run(
            [sys.executable, "-m", "tonelint", "--jobs", jobs, "--format", "json", "c"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        outputs.append((proc.returncode, proc.stdout))
    assert outputs[0] == outputs[1] == outputs[2]
    data = json.loads(outputs[0][1])
    assert {f["rule"] for f in data["findings"]} >= {"corporate-jargon", "posting-frequency"}
    assert data["errors"][0]["path"].endswith("bad.txt")


def test_nothing_is_written(tmp_path: Path) -> None:
    write(tmp_path, "content/a.md", "---\ntitle: t\n---\nGoing forward we leverage it.\n")
    write(
        tmp_path,
        "content/cal.schedule.yaml",
        "posts:\n  - at: 2099-01-01T09:00Z\n    text: Going forward?\n",
    )
    write(tmp_path, "content/.tonelint.yaml", "platform: x\n")

    def snapshot() -> dict[str, tuple[int, float]]:
        return {
            str(p.relative_to(tmp_path)): (p.stat().st_size, p.stat().st_mtime)
            for p in tmp_path.rglob("*")
        }

    before = snapshot()
    for args in (["content"], ["--format", "sarif", "content"], ["--diff", "content"]):
        subprocess.run(
            [sys.executable, "-m", "tonelint", *args],
            cwd=tmp_path,
            capture_output=True,
            check=False,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
    assert snapshot() == before


def test_input_error_text() -> None:
    assert str(InputError("bad", "f.txt", 3)) == "f.txt:3: bad"
    assert unicodedata.normalize("NFC", "e\u0301") == "é"


_TWEETISH = st.lists(
    st.sampled_from(
        [
            *"abc XY.,/:#@-\n\r",
            *["https://t.co/abc ", "example.com ", "é", "e\u0301", "\u2026", "\u2014", "\u00a9"],
            *["\u00ae", "日", "😎", "👍🏽", "👨\u200d👩\u200d👧", "1\ufe0f\u20e3", "🇺🇸", "\ufeff"],
        ]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TWEETISH, st.integers(min_value=1, max_value=300))
def test_x_length_fast_path_agrees_with_twitter_text(text: str, limit: int) -> None:
    from twitter_text import parse_tweet
    from twitter_text.config import config

    from tonelint.platforms import _code_points, _weigh

    _weigh.cache_clear()
    expected = parse_tweet(text, {**config["defaults"], "max_weighted_tweet_length": limit})
    weight, cut = _weigh(text, limit)
    assert weight == expected.weightedLength
    assert cut == _code_points(text, expected.validRangeEnd + 1)


def test_x_overflow_column_counts_code_points_not_utf16() -> None:
    text = "😎 " + "a" * 279  # weighs 2 + 1 + 279 = 282: the last two characters are over
    linter = Linter(load_ruleset("general"), select=["too-long"])
    (finding,) = linter.lint_post(Post(text, "d.txt", PositionMap.simple(text), platform="x"))
    assert "(cut 2)" in finding.message
    assert finding.column == len(text) - 1  # one emoji is one column, not two UTF-16 units
