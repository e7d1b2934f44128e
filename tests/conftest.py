"""Shared fixtures: a CLI runner, a temporary content folder, the real corpus when present."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tonelint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("TONELINT_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(autouse=True)
def _isolated_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No user config from the machine running the tests leaks into them."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Result]:
    """Run the CLI in ``tmp_path`` through click's runner."""

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        monkeypatch.chdir(tmp_path)
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def run_json(run: Callable[..., Result]) -> Callable[..., tuple[int, dict[str, Any]]]:
    def invoke(*args: str, input: str | None = None) -> tuple[int, dict[str, Any]]:
        result = run("--format", "json", *args, input=input)
        return result.exit_code, json.loads(result.stdout)

    return invoke


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "posts").is_dir():
        pytest.skip(f"real corpus not found at {CORPUS}")
    return CORPUS
