"""Regression tests for problems found by reviewing tonelint as a user."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .test_cli import write


def test_fix_counts_lines_like_positions_do(run: Callable[..., Any], tmp_path: Path) -> None:
    path = write(tmp_path, "w.txt", "A\u2028B.\nWe utilize tools here?\n")
    run("--fix", "w.txt")
    assert path.read_text() == "A\u2028B.\nWe use tools here?\n"


def test_unclosed_csv_quote_is_an_error(run: Callable[..., Any], tmp_path: Path) -> None:
    write(
        tmp_path,
        "cal.csv",
        'at,platform,text\n2099-01-01T09:00,x,"Hello?"\n2099-01-01T10:00,x,"unterminated\n'
        '2099-01-01T11:00,x,"ok?"\n',
    )
    result = run("cal.csv")
    assert result.exit_code == 2
    assert "cal.csv:" in result.stderr and "invalid CSV" in result.stderr


def test_markdown_comments_and_link_targets(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    note = "note " * 100
    write(
        tmp_path,
        "c.md",
        f"---\nplatform: x\n---\nShort post, what do you think?\n<!-- {note} -->\n",
    )
    _, data = run_json("c.md")
    assert "too-long" not in {f["rule"] for f in data["findings"]}
    write(tmp_path, "l.md", "Read [synergy](https://x.example) ok?\nRead <b>synergy</b> ok?\n")
    _, data = run_json("--select", "corporate-jargon", "l.md")
    assert [(f["line"], f["column"]) for f in data["findings"]] == [(1, 7), (2, 9)]


def test_pattern_message_placeholders_checked_at_load(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "pm.yaml",
        "extends: general\nrules:\n  x:\n    type: pattern\n    message: m\n"
        "    patterns: [{regex: 'a', message: '{zzz}'}]\n",
    )
    write(tmp_path, "a.txt", "a?\n")
    result = run("-r", "./pm.yaml", "a.txt")
    assert result.exit_code == 2
    assert "unknown placeholder {zzz}" in result.stderr and "Traceback" not in result.output


def test_a_file_named_twice_is_linted_once(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "p.md", "---\nplatform: x\npublish_at: 2099-12-01T09:00\n---\nA tip for you?\n")
    _, data = run_json("p.md", "./p.md", ".")
    assert data["findings"] == []


def test_block_scalar_with_a_leading_blank_line(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "z.yaml",
        "posts:\n  - at: 2099-01-01T09:00Z\n    text: |\n\n      We leverage it?\n",
    )
    _, data = run_json("--select", "corporate-jargon", "z.yaml")
    assert [(f["line"], f["column"]) for f in data["findings"]] == [(5, 10)]


def test_phi_skips_the_practice_s_own_contact_and_catches_review_replies(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(
        tmp_path,
        "promo.txt",
        "Book your implant consult today: 555-201-3344 or info@bright.example\n",
    )
    write(
        tmp_path,
        "reply.txt",
        "Thank you Maria for the kind review! "
        "We're so glad your crown feels great after your visit.\n",
    )
    _, data = run_json(
        "-r", "dental", "--select", "phi,patient-relationship", "promo.txt", "reply.txt"
    )
    found = {(Path(f["path"]).name, f["rule"]) for f in data["findings"]}
    assert found == {("reply.txt", "phi"), ("reply.txt", "patient-relationship")}


def test_text_files_have_no_front_matter_and_empty_bodies_are_errors(
    run: Callable[..., Any], tmp_path: Path
) -> None:
    write(tmp_path, "dash.txt", "---\nNew hours from Monday. What time works for you?\n")
    assert run("dash.txt").exit_code == 0
    write(tmp_path, "empty.md", "---\ntitle: x\n---\n\n")
    result = run("empty.md")
    assert result.exit_code == 2 and "empty.md: error: no text to lint" in result.stderr


def test_missing_model_names_the_config(run: Callable[..., Any], tmp_path: Path) -> None:
    write(tmp_path, ".tonelint.yaml", "ruleset: general\nmodel: nonexistent_model\n")
    write(tmp_path, "a.txt", "Hello?\n")
    result = run("a.txt")
    assert result.exit_code == 2
    assert (
        ".tonelint.yaml:2: error: spaCy pipeline 'nonexistent_model' is not installed"
        in result.stderr
    )


def test_greeting_replies_are_replies(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "r.txt", "Hi Maria, so glad you liked it. See you soon.\n")
    _, data = run_json("--select", "no-engagement,self-promotion", "r.txt")
    assert data["findings"] == []


def test_front_matter_ruleset_is_relative_to_the_file(
    run_json: Callable[..., tuple[int, dict[str, Any]]], tmp_path: Path
) -> None:
    write(tmp_path, "a/house.yaml", "extends: general\nrules:\n  corporate-jargon: off\n")
    write(tmp_path, "a/p.md", "---\nruleset: ./house.yaml\n---\nWe leverage it?\n")
    code, data = run_json("a/p.md")
    assert (code, data["findings"], data["errors"]) == (0, [], [])


def test_github_paths_are_relative_to_the_repository(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write(tmp_path, "sub/d.txt", "We leverage it?\n")
    proc = subprocess.run(
        [sys.executable, "-m", "tonelint", "-f", "github", "d.txt"],
        cwd=tmp_path / "sub",
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ},
    )
    assert "file=sub/d.txt," in proc.stdout


def test_a_schedule_piped_in_is_read_as_a_schedule(run: Callable[..., Any]) -> None:
    content = "platform: x\nposts:\n  - at: 2099-01-01T09:00Z\n    text: We leverage it?\n"
    result = run("--select", "corporate-jargon", "--format", "json", "-", input=content)
    (finding,) = __import__("json").loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"]) == (4, 14)


def test_a_run_wide_error_is_reported_once(run: Callable[..., Any], tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, "Hello?\n")
    write(tmp_path, "mine.yaml", "extends: [general, nope]\n")
    result = run("-r", "./mine.yaml", "a.txt", "b.txt", "c.txt")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{tmp_path / 'mine.yaml'}:1: error: unknown ruleset 'nope'")


def test_options_without_bundled_uses(tmp_path: Path) -> None:
    """compare_last, local_only: false, cap and a bio rule's example in its message."""
    from datetime import UTC, datetime

    from tonelint import timeparse
    from tonelint.engine import Linter
    from tonelint.model import PositionMap, Post
    from tonelint.ruleset import load_ruleset

    path = write(
        tmp_path,
        "opts.yaml",
        "extends: general\nrules:\n"
        "  duplicate-post: {compare_last: 1}\n"
        "  bio-missing-location: {local_only: false, example: 'Bakery in Leeds.'}\n"
        "  self-promotion: {cap: 1, threshold: 4}\n",
    )
    ruleset = load_ruleset(str(path))

    def post(text: str, at: str | None = None, kind: str = "post") -> Post:
        when = timeparse.parse(at, timeparse.zone("UTC")) if at else None
        return Post(text, "p", PositionMap.simple(text), platform="x", kind=kind, at=when)

    same = "Our gutter guards are twenty percent off this week only, so book a fitting today"
    calendar = [
        post(same, "2099-01-01T09:00"),
        post("Something else entirely, a tip for you", "2099-01-01T12:00"),
        post(same.replace("week", "month"), "2099-01-02T09:00"),  # near, not exact
    ]
    now = datetime(2026, 1, 1, tzinfo=UTC)
    duplicates = Linter(ruleset, select=["duplicate-post"]).lint_schedule(calendar, now)
    assert duplicates == []  # the near-repeat is two posts back, past compare_last
    assert Linter(load_ruleset("general"), select=["duplicate-post"]).lint_schedule(calendar, now)

    (finding,) = Linter(ruleset, select=["bio-missing-location"]).lint_post(
        post("Cloud payroll software for HR teams.", kind="bio")
    )
    assert finding.message.endswith('e.g. "Bakery in Leeds."')

    promo = "We we we are proud, proud, proud to launch our award-winning new menu!"
    assert Linter(ruleset, select=["self-promotion"]).lint_post(post(promo)) == []
    assert Linter(load_ruleset("general"), select=["self-promotion"]).lint_post(post(promo))


# Found by a review of the speed work and the new self-promotion signals.


def test_scoped_ignore_case_group_is_not_gated_case_sensitively() -> None:
    import re

    from tonelint.literals import Gate

    regex = re.compile("(?i:acme) deals")
    assert Gate(regex).may_match("ACME deals", "acme deals")
    assert regex.search("ACME deals")


def test_token_patterns_see_sentence_starts(tmp_path: Path) -> None:
    from tonelint.engine import Linter
    from tonelint.model import PositionMap, Post
    from tonelint.ruleset import load_ruleset

    ruleset = write(
        tmp_path,
        "r.yaml",
        "name: t\nrules:\n  sent-so:\n    type: pattern\n    message: x\n"
        "    patterns:\n      - tokens: [{IS_SENT_START: true, LOWER: so}]\n",
    )
    text = "Hello there. So we did it."
    linter = Linter(load_ruleset(str(ruleset)))
    (finding,) = linter.lint_post(Post(text, "p.txt", PositionMap.simple(text)))
    assert finding.column == 14


def _signal_counts(text: str) -> dict[str, int]:
    from tonelint.context import PostContext
    from tonelint.model import PositionMap, Post
    from tonelint.rules.score import ScoreRule
    from tonelint.ruleset import load_ruleset

    rule = load_ruleset("general").get("self-promotion")
    assert rule is not None and isinstance(rule.impl, ScoreRule)
    post = Post(text, "p.txt", PositionMap.simple(text))
    return rule.impl.signals(PostContext(post)).counts


def test_all_caps_and_title_case_we_still_count() -> None:
    assert _signal_counts("WE ARE THRILLED TO ANNOUNCE OUR NEW STORE")["first_person"] == 2
    assert _signal_counts("Our New Spring Menu Is Here At Our Store")["first_person"] == 2
    assert "first_person" not in _signal_counts("Why I Left My Job For Plumbing")


def test_join_us_is_one_call_not_two() -> None:
    assert _signal_counts("Join us for a free vaccination clinic on Saturday.")["calls_to_buy"] == 1


def test_thanks_to_customers_and_team_is_still_thanks() -> None:
    for text in (
        "Thank you to our customers and team for a great year!",
        "Thanks to our loyal community members for the support!",
    ):
        counts = _signal_counts(text)
        assert counts.get("invitations") == 1, text
    assert "invitations" not in _signal_counts("Congrats to our amazing team on the award!")


def test_bio_offering_reads_lemmas_when_called_directly() -> None:
    from tonelint.context import PostContext
    from tonelint.model import PositionMap, Post
    from tonelint.rules.bio import BioRule
    from tonelint.ruleset import load_ruleset

    rule = load_ruleset("general").get("bio-missing-offering")
    assert rule is not None and isinstance(rule.impl, BioRule)
    text = "Sold vintage lamps and rugs"
    post = Post(text, "b.txt", PositionMap.simple(text), kind="bio")
    assert "Sold vintage" in rule.impl.offering(PostContext(post))


def test_nfc_expansion_is_measured_not_waved_through() -> None:
    from tonelint.platforms import measure, within

    text = "\u0958" * 200  # each becomes two code points under NFC
    assert measure(text, "characters") == 400
    assert not within(text, "characters", 300)


def test_indented_markdown_code_is_not_linted(tmp_path: Path) -> None:
    from tonelint.sources.markdown import read

    text = (
        "---\nplatform: x\n---\nOur tips for the week.\n\n    leverage synergies\n\n"
        "- a list item\n\n    that we leverage here\n"
    )
    (post,) = read(text, "d.md", "post", {})
    assert "leverage synergies" not in post.text  # a code block: blanked out
    assert "that we leverage here" in post.text  # a list item's continuation: prose
    assert len(post.text) == len(text) - text.index("Our tips")  # positions kept


def test_csv_columns_count_doubled_quotes_in_the_file(tmp_path: Path) -> None:
    from tonelint.model import InputError
    from tonelint.sources.schedule import read_csv

    line = '2030-01-01T09:00,x,"Our ""new"" plan will leverage\nthe ""best"" synergies"'
    text = "at,platform,text\n" + line + "\n"
    errors: list[InputError] = []
    (post,) = read_csv(text, "s.csv", {}, errors)
    assert not errors
    at = post.text.index("leverage")
    assert post.positions.locate(at) == (2, line.index("leverage") + 1)
    second = text.split("\n")[2]
    at = post.text.index("synergies")
    assert post.positions.locate(at) == (3, second.index("synergies") + 1)


def test_an_unknown_yaml_tag_in_a_schedule_is_a_clean_error(tmp_path: Path) -> None:
    from tonelint.model import InputError
    from tonelint.sources.schedule import read_data

    text = "posts:\n  - at: !!python/object:os.system x\n    text: hi\n"
    try:
        read_data(text, "s.yaml", {}, [])
    except InputError as exc:
        assert exc.line == 2 and "constructor" in str(exc)
    else:
        raise AssertionError("expected an InputError")
