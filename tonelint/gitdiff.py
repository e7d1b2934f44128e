"""``--changed-since REF``: which lines of a file changed against a git ref.

For adopting tonelint in a large content repo: only findings on lines added or changed
since REF are reported.  A file git does not track yet counts as all new.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .model import InputError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
        )
    except OSError as exc:
        raise InputError(f"--changed-since needs git: {exc}") from None


def changed_lines(path: str, ref: str) -> set[int] | None:
    """Line numbers changed since ``ref`` (None: every line, for an untracked file)."""
    file = Path(path).resolve()
    cwd = file.parent
    tracked = _git(["ls-files", "--error-unmatch", file.name], cwd)
    if tracked.returncode != 0:
        if "not a git repository" in tracked.stderr.lower():
            raise InputError("--changed-since needs the file to be in a git repository", path)
        return None
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--", file.name], cwd)
    if diff.returncode != 0:
        first = (diff.stderr.strip().splitlines() or ["git diff failed"])[0]
        raise InputError(f"--changed-since {ref}: {first}", path)
    lines: set[int] = set()
    for m in _HUNK.finditer(diff.stdout):
        start, count = int(m.group(1)), int(m.group(2) or 1)
        lines.update(range(start, start + count))
    return lines
