"""The easy version of a role: what you do, the pay in one plain line, the way in and the hard part.

The three sentences are written in each role file; the pay line is made here from the pay data, so a
figure in the easy version can never disagree with the full page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from careercompass.catalogue import models
from careercompass.catalogue.pay import PayFigures

MAX_WORDS = 60  # the written parts (at most 45 words, see schema.EasyRead) and the pay line together


@dataclass(frozen=True)
class EasyVersion:
    you_do: str
    pay: str
    way_in: str
    hard_part: str

    @property
    def spoken(self) -> str:
        """Everything in the order the page shows it, for reading aloud."""
        return " ".join(
            (self.you_do, f"Pay: {self.pay}.", f"How to get in: {self.way_in}", f"The hard part: {self.hard_part}")
        )

    @property
    def word_count(self) -> int:
        return len(" ".join((self.you_do, self.pay, self.way_in, self.hard_part)).split())

    def as_json(self) -> dict[str, Any]:
        return {"you_do": self.you_do, "pay": self.pay, "way_in": self.way_in, "hard_part": self.hard_part}


def plain_pay(pay: PayFigures) -> str:
    """Starting pay in round numbers, like "About £24,000 a year to start"."""
    if pay.unpaid:
        return "None, this is volunteering"
    return f"About £{round(pay.yearly_minimum, -3):,} a year to start"


def easy_version(role: models.Role, pay: PayFigures) -> EasyVersion | None:
    """The easy version of a role, or None for a row saved before easy versions were stored."""
    if not role.easy_read:
        return None
    written = role.easy_read
    return EasyVersion(written["you_do"], plain_pay(pay), written["way_in"], written["hard_part"])
