"""tonelint as users get it: a wheel installed outside the checkout, and the pre-commit hook."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BAD = "We are pleased to leverage our synergies going forward.\n"
GOOD = "We fixed the leak in an hour. Got a drip that won't quit? Ask us below.\n"


def _run(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        cwd=out,
    )
    assert proc.returncode == 0, proc.stderr
    (built,) = out.glob("tonelint-*.whl")
    return built


def test_wheel_ships_rulesets_and_lints_outside_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    proc = _run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert (target / "tonelint" / "rulesets" / "general.yaml").is_file()
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "draft.txt").write_text(BAD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import tonelint, tonelint.ruleset as r; print(tonelint.__file__); print(r.bundled_dir())"
    )
    where = _run([sys.executable, "-c", code], cwd=work, env=env).stdout.splitlines()
    assert where[0].startswith(str(target)) and where[1].startswith(str(target))
    proc = _run(
        [sys.executable, "-m", "tonelint", "--format", "json", "draft.txt"], cwd=work, env=env
    )
    assert proc.returncode == 1, proc.stderr
    rules = {f["rule"] for f in json.loads(proc.stdout)["findings"]}
    assert "corporate-jargon" in rules


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("content")
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "good.md").write_text("---\ntitle: Leaks\n---\n" + GOOD, encoding="utf-8")
    (repo / "notes.py").write_text("x = 'leverage synergy'\n", encoding="utf-8")
    for cmd in (["git", "init", "-q"], ["git", "add", "."]):
        assert _run(cmd, repo).returncode == 0
    return repo


@pytest.fixture(scope="module")
def precommit_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if shutil.which("pre-commit", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("pre-commit is not installed next to this interpreter")
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}


def _try_repo(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    assert exe is not None
    return _run([exe, "try-repo", str(ROOT), "tonelint", "--files", *files], cwd=repo, env=env)


def test_precommit_hook_fails_on_bad_draft(
    content_repo: Path, precommit_env: dict[str, str]
) -> None:
    proc = _try_repo(content_repo, precommit_env, "bad.txt")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "bad.txt:1:" in proc.stdout and "[corporate-jargon]" in proc.stdout


def test_precommit_hook_passes_clean_draft_and_skips_code(
    content_repo: Path, precommit_env: dict[str, str]
) -> None:
    proc = _try_repo(content_repo, precommit_env, "good.md", "notes.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "tonelint" in proc.stdout and "Passed" in proc.stdout


def test_precommit_schedule_hook_checks_the_whole_calendar(
    content_repo: Path, precommit_env: dict[str, str]
) -> None:
    calendar = content_repo / "calendar"
    calendar.mkdir(exist_ok=True)
    (content_repo / ".tonelint.yaml").write_text(
        "schedule_paths: [calendar]\nplatform: linkedin\n", encoding="utf-8"
    )
    for hour in (9, 12, 15):
        (calendar / f"post-{hour}.md").write_text(
            f"---\npublish_at: 2099-12-01T{hour:02d}:00\n---\nWhat is your tip number {hour}?\n",
            encoding="utf-8",
        )
    assert _run(["git", "add", "."], content_repo).returncode == 0
    exe = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    assert exe is not None
    proc = _run(
        [exe, "try-repo", str(ROOT), "tonelint-schedule", "--files", "calendar/post-9.md"],
        cwd=content_repo,
        env=precommit_env,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "[posting-frequency]" in proc.stdout
