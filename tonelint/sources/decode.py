"""Turn a file's bytes into text, or a clear error: too large, binary, not UTF-8, empty.

Line ends are normalised to ``\\n`` (CRLF and lone CR) and a UTF-8 BOM is dropped; neither
changes a character's line or column, so positions still match what the editor shows.
"""

from __future__ import annotations

from ..model import InputError


def decode(data: bytes, path: str, max_size: int) -> str:
    """The text of a file, line ends normalised; ``InputError`` when it cannot be linted."""
    if len(data) > max_size:
        raise InputError(
            f"file is too large ({len(data):,} bytes; the limit is {max_size:,}, "
            "set max_file_size in the config to raise it)",
            path,
        )
    if b"\x00" in data[:8192]:
        raise InputError("binary file (it contains NUL bytes), not linted", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            path,
            line,
        ) from None
    if not text.strip():
        raise InputError("file is empty, nothing to lint", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")
