"""Small helpers for tests: compile a ruleset written inline, lint a text with it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tonelint.engine import Linter
from tonelint.model import Finding, PositionMap, Post
from tonelint.ruleset import Ruleset, load_ruleset


def write_ruleset(tmp_path: Path, body: str, name: str = "custom.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def compile_rules(tmp_path: Path, body: str) -> Ruleset:
    return load_ruleset(str(write_ruleset(tmp_path, body)))


def lint(
    ruleset: Ruleset, text: str, platform: str | None = None, kind: str = "post"
) -> list[Finding]:
    post = Post(text, "t.txt", PositionMap.simple(text), platform=platform, kind=kind)
    return Linter(ruleset).lint_post(post)
