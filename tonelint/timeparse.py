"""Parse the times scheduled posts go out at, in the schedule's time zone.

ISO 8601 with or without an offset (``2026-12-01T09:00``, ``2026-12-01 09:00:00-06:00``,
``...Z``); a time without an offset is wall-clock time in the schedule's zone, daylight
saving included.  The bulk-upload CSVs of schedulers write day-first or month-first dates
(``03/04/2026 09:00``); ``date_order`` says which, and an ambiguous date without it is an
error rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DATE_ORDERS = ("dmy", "mdy")
_SLASHED = re.compile(
    r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})"
    r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*$"
)


def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name``; ``ValueError`` when it is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r} (use an IANA name such as America/Chicago)"
        ) from None


def localize(value: datetime | date, tz: ZoneInfo) -> datetime:
    """A time-zone-aware datetime: naive values are wall-clock time in ``tz``."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)


def parse(value: object, tz: ZoneInfo, date_order: str | None = None) -> datetime:
    """Parse a scheduled time; ``ValueError`` says what is wrong with it."""
    if isinstance(value, datetime | date):
        return localize(value, tz)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"'at' must be a date and time, not {value!r}")
    text = value.strip()
    try:
        return localize(datetime.fromisoformat(text.replace("Z", "+00:00")), tz)
    except ValueError:
        pass
    m = _SLASHED.match(text)
    if not m:
        raise ValueError(f"cannot read the date {text!r}; use ISO 8601 such as 2026-12-01T09:00")
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    year += 2000 if year < 100 else 0
    if date_order is None:
        if a <= 12 and b <= 12 and a != b:
            raise ValueError(
                f"ambiguous date {text!r}: day-first or month-first? set date_order (dmy or mdy)"
            )
        order = "dmy" if a > 12 else "mdy"
    else:
        order = date_order
    day, month = (a, b) if order == "dmy" else (b, a)
    hour, minute, second = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
    if m[7]:
        hour = hour % 12 + (12 if m[7].lower() == "pm" else 0)
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError as exc:
        raise ValueError(f"invalid date {text!r}: {exc}") from None
