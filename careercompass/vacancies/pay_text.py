"""Pay as employers write it in adverts: "£24,907 - £30,615 per annum", "Band 5", "B5/6", "£12.21 per hour".

Adverts give pay as free text, sometimes with the NHS band only in the title. This reads both into numbers a page can
show and sort by, and leaves anything it cannot read ("negotiable", "competitive") as text with no numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careercompass import vocabulary

BANDS = vocabulary.ids(vocabulary.BANDS)
_MONEY = re.compile(r"£\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(k\b)?", re.I)
_HOURLY = re.compile(r"\b(?:per|an|a|/)\s*(?:hour|hr)\b|\bhourly\b|\bph\b|p/h", re.I)
_YEARLY = re.compile(r"\b(?:per|a|an|/)\s*(?:annum|year|yr)\b|\bp\.?a\.?\b|\bpro[- ]rata\b|\bannual", re.I)
# "Band 5", "band 8a", "Bands 5-6", "Band 5/6", "B5/6", "AfC B6", "band 5 to 6".
_BAND = re.compile(r"\b(?:bands?\s*|b)(\d[a-d]?)(?:\s*(?:/|-|to|–)\s*(?:band\s*|b)?(\d[a-d]?))?\b", re.I)
# An hourly figure above this is a yearly salary written without "a year"; a yearly one below it is hourly.
HOURLY_CEILING = 200


@dataclass(frozen=True)
class PayText:
    text: str
    minimum: float | None = None
    maximum: float | None = None
    period: str | None = None  # "year" or "hour"
    band_from: str | None = None
    band_to: str | None = None

    @property
    def has_figures(self) -> bool:
        return self.minimum is not None


def read_pay(salary: str | None, title: str = "") -> PayText:
    """Figures and bands from an advert's salary text, with the title as a second place to find the band."""
    text = " ".join((salary or "").split())
    band_from, band_to = _bands(text) or _bands(title) or (None, None)
    amounts = [_amount(m) for m in _MONEY.finditer(text)]
    amounts = [a for a in amounts if a > 0]
    if not amounts:
        return PayText(text, band_from=band_from, band_to=band_to)
    low, high = min(amounts[:2]), max(amounts[:2])
    if _HOURLY.search(text) or (not _YEARLY.search(text) and high < HOURLY_CEILING):
        period = "hour"
    else:
        period = "year"
    return PayText(text, low, high, period, band_from, band_to)


def _amount(match: re.Match[str]) -> float:
    value = float(match.group(1).replace(",", "") + (f".{match.group(2)}" if match.group(2) else ""))
    return value * 1000 if match.group(3) else value


def _bands(text: str) -> tuple[str, str | None] | None:
    match = _BAND.search(text)
    if match is None:
        return None
    low = match.group(1).lower()
    high = (match.group(2) or "").lower() or None
    if low not in BANDS or (high is not None and high not in BANDS):
        return None
    if high is not None and BANDS.index(high) < BANDS.index(low):
        low, high = high, low
    return low, (high if high != low else None)


def pay_words(minimum: float | None, maximum: float | None, period: str | None, band_from: str | None,
              band_to: str | None, text: str | None) -> str:
    """How an advert's pay reads on a page: figures when there are some, else the band, else what it said."""
    band = f"NHS band {band_from}" + (f" to {band_to}" if band_to else "") if band_from else ""
    if minimum is not None:
        money = (lambda v: f"£{v:,.2f}") if period == "hour" else (lambda v: f"£{v:,.0f}")
        figures = money(minimum) if maximum in (None, minimum) else f"{money(minimum)} to {money(maximum)}"
        words = f"{figures} {'an hour' if period == 'hour' else 'a year'}"
        return f"{words} ({band})" if band else words
    return band or (text or "Not given in the advert")
