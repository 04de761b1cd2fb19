"""Event times: stored in UTC everywhere, shown and typed in Leeds time (Europe/London, so summer time is right)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

LEEDS = ZoneInfo("Europe/London")


def in_leeds(moment: datetime) -> datetime:
    """The moment in Leeds time; a time read back from SQLite has no zone, and every stored time is UTC."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(LEEDS)
