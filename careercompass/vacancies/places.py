"""Where things are in Leeds, without an address: postcode districts and wards, and distances between them.

A person gives a postcode district ("LS9"), a full postcode (only its district is kept) or a ward name; an advert
gives a postcode, a town or coordinates. Everything is placed at the centre of its district or ward, from offline
data in `reference_data/`, so distances are a guide in whole kilometres, never a route.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from careercompass.config import PROJECT_ROOT

REFERENCE_DIR = PROJECT_ROOT / "reference_data"
DISTRICTS_FILE = "leeds_postcode_districts.csv"
WARDS_FILE = "leeds_ward_centroids.csv"
# Leeds city centre (City Square): "within 30 km of Leeds" is measured from here.
LEEDS_CENTRE = (53.7960, -1.5479)
# A full or outward-only UK postcode: "LS9 7TF", "ls97tf", "LS9".
POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})?\b", re.I)


@dataclass(frozen=True)
class Place:
    label: str  # what to show: "LS9" or "Burmantofts and Richmond Hill"
    lat: float
    lon: float
    district: str | None = None
    ward: str | None = None

    def km_to(self, other: Place | tuple[float, float]) -> float:
        lat, lon = (other.lat, other.lon) if isinstance(other, Place) else other
        return distance_km((self.lat, self.lon), (lat, lon))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two points (haversine), in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@cache
def districts(directory: Path = REFERENCE_DIR) -> dict[str, Place]:
    with open(directory / DISTRICTS_FILE, encoding="utf-8") as handle:
        return {row["district"]: Place(row["district"], float(row["lat"]), float(row["lon"]), row["district"],
                                       row["nearest_ward_centroid"]) for row in csv.DictReader(handle)}


@cache
def wards(directory: Path = REFERENCE_DIR) -> dict[str, Place]:
    with open(directory / WARDS_FILE, encoding="utf-8") as handle:
        return {row["ward_name"].casefold(): Place(row["ward_name"], float(row["lat"]), float(row["lon"]),
                                                   ward=row["ward_name"]) for row in csv.DictReader(handle)}


def postcode_district(text: str | None) -> str | None:
    """The outward code of a postcode in `text` ("LS9 7TF" gives "LS9"), upper case; None if there is none."""
    match = POSTCODE.search(text or "")
    return match.group(1).upper() if match else None


def find_place(text: str | None) -> Place | None:
    """A Leeds place from what a person typed: a district, a full postcode or a ward name; None if not known."""
    cleaned = " ".join((text or "").split())
    if not cleaned:
        return None
    district = postcode_district(cleaned)
    if district and district in districts():
        return districts()[district]
    ward = wards().get(cleaned.casefold()) or wards().get(cleaned.casefold().replace("&", "and"))
    return ward


def advert_place(postcode: str | None, location_text: str | None, lat: float | None, lon: float | None) -> Place | None:
    """Where an advert is: its own coordinates first, then its postcode district, then a Leeds ward named in it."""
    district = postcode_district(postcode) or postcode_district(location_text)
    known = districts().get(district or "")
    if lat is not None and lon is not None:
        return Place(district or (location_text or "").strip() or "map point", lat, lon, district,
                     known.ward if known else None)
    if known is not None:
        return known
    lowered = (location_text or "").casefold()
    for name, ward in wards().items():
        if name in lowered:
            return ward
    if re.search(r"\bleeds\b", lowered):
        return Place("Leeds", *LEEDS_CENTRE)
    return None
