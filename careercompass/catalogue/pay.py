"""Pay: turning what a role file says (a band, or a sourced range) into figures people can compare."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# A full-time week of 37.5 hours, 52 weeks a year: the NHS standard, used to compare hourly and yearly pay.
FULL_TIME_HOURS_A_YEAR = 37.5 * 52


@dataclass(frozen=True)
class PayFigures:
    yearly_minimum: int
    yearly_maximum: int
    hourly_minimum: float
    hourly_maximum: float
    year: str
    bands: str | None  # "2" or "2 to 3" for NHS roles; None for other employers
    note: str | None
    source_name: str
    source_url: str

    @property
    def unpaid(self) -> bool:
        return self.yearly_maximum == 0

    @property
    def yearly_text(self) -> str:
        if self.unpaid:
            return "Unpaid (volunteer)"
        if self.yearly_minimum == self.yearly_maximum:
            return f"£{self.yearly_minimum:,} a year"
        return f"£{self.yearly_minimum:,} to £{self.yearly_maximum:,} a year"

    @property
    def hourly_text(self) -> str:
        if self.unpaid:
            return "no pay, but expenses are often covered"
        if self.hourly_minimum == self.hourly_maximum:
            return f"£{self.hourly_minimum:.2f} an hour"
        return f"£{self.hourly_minimum:.2f} to £{self.hourly_maximum:.2f} an hour"

    def as_json(self) -> dict[str, Any]:
        return {
            "yearly_minimum": self.yearly_minimum,
            "yearly_maximum": self.yearly_maximum,
            "hourly_minimum": self.hourly_minimum,
            "hourly_maximum": self.hourly_maximum,
            "year": self.year,
            "nhs_bands": self.bands,
            "text": self.yearly_text,
            "note": self.note,
            "source": {"name": self.source_name, "url": self.source_url},
        }


def pay_figures(pay: dict[str, Any], bands: dict[str, Any], band_year: str, band_source: dict[str, str]) -> PayFigures:
    """Figures for a role's pay.

    ``pay`` is the role's pay block as stored (JSON). ``bands`` maps a band name to an object or dict with
    minimum, maximum, hourly_minimum and hourly_maximum.
    """
    if pay["scheme"] == "agenda-for-change":
        low = _get(bands[pay["band_from"]])
        high = _get(bands[pay.get("band_to") or pay["band_from"]])
        band_text = pay["band_from"] if not pay.get("band_to") else f"{pay['band_from']} to {pay['band_to']}"
        return PayFigures(
            yearly_minimum=int(low["minimum"]),
            yearly_maximum=int(high["maximum"]),
            hourly_minimum=float(low["hourly_minimum"]),
            hourly_maximum=float(high["hourly_maximum"]),
            year=band_year,
            bands=band_text,
            note=pay.get("note"),
            source_name=band_source["name"],
            source_url=str(band_source["url"]),
        )
    if pay["scheme"] == "volunteer":
        return PayFigures(0, 0, 0.0, 0.0, band_year, None, pay["note"], "", "")
    minimum, maximum = float(pay["minimum"]), float(pay["maximum"])
    if pay["period"] == "hour":
        hourly = (minimum, maximum)
        yearly = (round(minimum * FULL_TIME_HOURS_A_YEAR), round(maximum * FULL_TIME_HOURS_A_YEAR))
    else:
        yearly = (round(minimum), round(maximum))
        hourly = (round(minimum / FULL_TIME_HOURS_A_YEAR, 2), round(maximum / FULL_TIME_HOURS_A_YEAR, 2))
    return PayFigures(
        yearly_minimum=yearly[0],
        yearly_maximum=yearly[1],
        hourly_minimum=hourly[0],
        hourly_maximum=hourly[1],
        year=pay["year"],
        bands=None,
        note=pay.get("note"),
        source_name=pay["source"]["name"],
        source_url=str(pay["source"]["url"]),
    )


def _get(band: Any) -> dict[str, Any]:
    if isinstance(band, dict):
        return band
    return {k: getattr(band, k) for k in ("minimum", "maximum", "hourly_minimum", "hourly_maximum")}
