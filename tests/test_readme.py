"""The README's promises: its two quick-start commands, CI running the same test command,
and every bundled rule documented."""

from __future__ import annotations

import re

from tonelint.ruleset import bundled_names, load_ruleset

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_blocks() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]


def test_quick_start_is_two_commands() -> None:
    install, tests = _shell_blocks()
    assert "pip install -e '.[test]'" in install and "tonelint examples/" in install
    assert "pytest" in tests and "\n" not in tests


def test_ci_runs_the_readme_test_command() -> None:
    _, tests = _shell_blocks()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()


def test_every_bundled_rule_is_in_the_readme() -> None:
    for name in bundled_names():
        for rule in load_ruleset(name).rules:
            assert f"`{rule.id}`" in README, f"{rule.id} is not documented in the README"


def test_every_hook_is_in_the_readme() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for hook_id in re.findall(r"^- id: (\S+)", hooks, re.MULTILINE):
        assert f"id: {hook_id}" in README
