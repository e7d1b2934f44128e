"""``--fix`` and ``--diff``: apply the safe replacements rules declare, byte for byte.

Only plain-text and Markdown drafts are rewritten; schedules and profiles never are.  The
file is read again as bytes, so its BOM, line ends and every untouched byte stay as they
were; the new text is written to a temporary file in the same folder, given the old
file's permissions, and renamed over it, so an interrupted fix leaves the original intact.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import Finding, InputError

FIXABLE_SUFFIXES = (".txt", ".md", ".markdown")
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass
class FixResult:
    path: str
    original: str
    fixed: str
    applied: list[Finding]

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                self.fixed.splitlines(keepends=True),
                fromfile=f"a/{self.path.lstrip('/')}",
                tofile=f"b/{self.path.lstrip('/')}",
            )
        )


def fixable(path: str) -> bool:
    return Path(path).suffix.lower() in FIXABLE_SUFFIXES and not Path(path).name.startswith(
        "schedule."
    )


def plan(path: str, findings: Sequence[Finding]) -> FixResult | None:
    """The fixed text of one file (None when nothing there can be fixed safely)."""
    candidates = [f for f in findings if f.replacement is not None and f.path == path]
    if not candidates or not fixable(path):
        return None
    raw = Path(path).read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3 if bom else 0 :].decode("utf-8")
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]  # as positions count lines

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    edits: list[tuple[int, int, str, Finding]] = []
    for f in sorted(candidates, key=lambda f: (f.line, f.column)):
        start, end = offset(f.line, f.column), offset(f.end_line, f.end_column)
        if edits and start < edits[-1][1]:
            continue  # overlapping fixes: keep the first
        assert f.replacement is not None
        edits.append((start, end, f.replacement, f))
    fixed = text
    for start, end, replacement, _ in reversed(edits):
        fixed = fixed[:start] + replacement + fixed[end:]
    return FixResult(path, text, fixed, [e[3] for e in edits])


def write(result: FixResult) -> None:
    """Replace the file atomically with the fixed text, keeping its permissions and BOM."""
    path = Path(result.path)
    mode = path.stat().st_mode
    if not mode & stat.S_IWUSR:
        raise InputError("file is read-only; not fixed", result.path)
    raw = path.read_bytes()
    data = result.fixed.encode("utf-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        data = b"\xef\xbb\xbf" + data
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tonelint")
    except OSError as exc:
        message = f"cannot write next to the file: {exc.strerror or exc}"
        raise InputError(message, result.path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, stat.S_IMODE(mode))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
