"""Reading vacancy feeds in the formats employers and job boards really publish.

Four formats, one shape out (`Advert`):
- `nhs-jobs-xml`: the NHS Jobs search XML (`<nhsJobs>` holding `<vacancyDetails>`);
- `jobposting`: schema.org JobPosting as JSON-LD: one object, an array, an `@graph`, JSON Lines, or HTML pages
  that embed it in `<script type="application/ld+json">`;
- `adzuna`: the Adzuna search JSON (`results`);
- `csv`: the template in the README for employers without a feed.

A file that cannot be read at all raises `FeedUnreadable` naming the problem, and nothing is imported from it. A
record that cannot be used (no title, no link, a date that is not a date) becomes a `Skipped` naming its position
or id, and the rest of the file is still read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from html import unescape
from html.parser import HTMLParser
from typing import Any

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

FORMATS = ("nhs-jobs-xml", "jobposting", "adzuna", "csv")
CSV_COLUMNS = ("reference", "title", "employer", "location", "postcode", "salary", "hours", "contract", "posted",
               "closing", "url", "description")
CSV_REQUIRED = ("title", "employer", "url")
MAX_DESCRIPTION = 600  # adverts are linked, not copied: a short summary is enough to link a role by meaning
_TAG = re.compile(r"<[^>]+>")


class FeedUnreadable(ValueError):
    """The whole file is unusable: nothing from it may be imported."""


@dataclass(frozen=True)
class Advert:
    source_id: str  # the feed's own id or reference for this advert
    title: str
    employer: str
    url: str
    reference: str | None = None
    description: str = ""
    location_text: str | None = None
    postcode: str | None = None
    lat: float | None = None
    lon: float | None = None
    salary_text: str | None = None
    salary_min: float | None = None  # when the feed gives numbers, not only text
    salary_max: float | None = None
    salary_period: str | None = None  # "year" or "hour"
    contract: str | None = None
    hours: str | None = None
    posted: date | None = None
    closing: date | None = None


@dataclass(frozen=True)
class Skipped:
    where: str  # "record 4" or "id 12345"
    reason: str


@dataclass
class Feed:
    adverts: list[Advert] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def read_feed(data: bytes, feed_format: str, name: str = "the file") -> Feed:
    """Every advert in one file's bytes. Raises FeedUnreadable when the file as a whole cannot be read."""
    readers = {"nhs-jobs-xml": _nhs_jobs_xml, "jobposting": _jobposting, "adzuna": _adzuna, "csv": _csv}
    if feed_format not in readers:
        raise FeedUnreadable(f"unknown format '{feed_format}': use one of {', '.join(FORMATS)}")
    feed = Feed()
    for where, record in readers[feed_format](data, name):
        try:
            feed.adverts.append(record())
        except (KeyError, TypeError, ValueError) as problem:
            feed.skipped.append(Skipped(where, _reason(problem)))
    return feed


def _reason(problem: Exception) -> str:
    if isinstance(problem, KeyError):
        return f"no {problem.args[0]}"
    return str(problem)


# --- NHS Jobs search XML ----------------------------------------------------------------------------------------


def _nhs_jobs_xml(data: bytes, name: str):
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise FeedUnreadable(f"{name} is not readable XML ({error})") from None
    if root.tag != "nhsJobs":
        raise FeedUnreadable(f"{name} is XML but not an NHS Jobs search feed (its root is <{root.tag}>, "
                             "not <nhsJobs>)")
    for position, item in enumerate(root.iter("vacancyDetails"), start=1):
        text = {child.tag: (child.text or "").strip() for child in item}
        where = f"id {text['id']}" if text.get("id") else f"record {position}"

        def build(text: dict[str, str] = text, item: Any = item) -> Advert:
            location = next((loc.text.strip() for loc in item.iter("location") if loc.text), None)
            return Advert(
                source_id=_required(text, "id"),
                reference=text.get("reference") or None,
                title=_required(text, "title"),
                employer=_required(text, "employer"),
                url=_link(_required(text, "url")),
                description=_plain(text.get("description", "")),
                location_text=location,
                postcode=_postcode_in(location),
                salary_text=text.get("salary") or None,
                contract=text.get("type") or None,
                hours=text.get("workingPattern") or None,
                posted=_date(text.get("postDate"), "postDate"),
                closing=_date(text.get("closeDate"), "closeDate"),
            )

        yield where, build


# --- schema.org JobPosting ----------------------------------------------------------------------------------------


class _LdJsonScripts(HTMLParser):
    """The text of every <script type="application/ld+json"> in an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and (dict(attrs).get("type") or "").strip().lower() == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def _jobposting(data: bytes, name: str):
    text = _decode(data, name)
    stripped = text.lstrip()
    items: list[tuple[str, Any]] = []
    if stripped.startswith("<"):
        parser = _LdJsonScripts()
        parser.feed(text)
        if not parser.blocks:
            raise FeedUnreadable(f"{name} is an HTML page with no JSON-LD (<script type=\"application/ld+json\">)")
        for number, block in enumerate(parser.blocks, start=1):
            try:
                items += [(f"script {number}", item) for item in _postings(json.loads(block))]
            except json.JSONDecodeError as error:
                items.append((f"script {number}", ValueError(f"its JSON-LD is not valid JSON ({error.msg})")))
    else:
        try:
            items = [(f"record {n}", item) for n, item in enumerate(_postings(json.loads(text)), start=1)]
        except json.JSONDecodeError as whole:
            items = _json_lines(text, name, whole)
    if not items:
        raise FeedUnreadable(f"{name} holds no schema.org JobPosting")
    for where, item in items:
        yield where, (lambda item=item: _from_jobposting(item))


def _json_lines(text: str, name: str, whole: json.JSONDecodeError) -> list[tuple[str, Any]]:
    """Records from JSON Lines. A file whose first line, or most lines, are not JSON is not JSON Lines at all."""
    lines = [line for line in text.splitlines() if line.strip()]
    items: list[tuple[str, Any]] = []
    broken = 0
    for number, line in enumerate(lines, start=1):
        try:
            items += [(f"line {number}", item) for item in _postings(json.loads(line))]
        except json.JSONDecodeError as error:
            if number == 1:
                break
            broken += 1
            items.append((f"line {number}", ValueError(f"not valid JSON ({error.msg})")))
    else:
        if len(lines) > 1 and broken * 2 < len(lines):
            return items
    raise FeedUnreadable(f"{name} is not valid JSON ({whole.msg}, line {whole.lineno}) or JSON Lines")


def _postings(value: Any) -> list[Any]:
    """JobPosting objects in a JSON-LD value: one object, an array, or an @graph."""
    if isinstance(value, list):
        return [posting for item in value for posting in _postings(item)]
    if isinstance(value, dict):
        if "@graph" in value:
            return _postings(value["@graph"])
        kinds = value.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        return [value] if "JobPosting" in kinds else []
    return []


def _from_jobposting(item: Any) -> Advert:
    if isinstance(item, Exception):
        raise item
    organisation = item.get("hiringOrganization")
    employer = organisation.get("name") if isinstance(organisation, dict) else organisation
    places = item.get("jobLocation") or {}
    place = places[0] if isinstance(places, list) and places else places
    address = place.get("address", {}) if isinstance(place, dict) else {}
    address = address if isinstance(address, dict) else {"streetAddress": str(address)}
    geo = place.get("geo", {}) if isinstance(place, dict) else {}
    identifier = item.get("identifier")
    identifier = identifier.get("value") if isinstance(identifier, dict) else identifier
    salary = item.get("baseSalary") or {}
    value = salary.get("value", {}) if isinstance(salary, dict) else {}
    value = value if isinstance(value, dict) else {"value": value}
    period = {"HOUR": "hour", "YEAR": "year"}.get(str(value.get("unitText", "")).upper())
    low = _number(value.get("minValue", value.get("value")))
    high = _number(value.get("maxValue", value.get("value")))
    town = ", ".join(str(address[key]) for key in ("addressLocality", "postalCode") if address.get(key))
    url = item.get("url") or (item.get("@id") if str(item.get("@id", "")).startswith("http") else None)
    return Advert(
        source_id=str(identifier or url or _required(item, "title")),
        reference=str(identifier) if identifier else None,
        title=_plain(_required(item, "title")),
        employer=_plain(str(employer or "")) or _missing("hiringOrganization"),
        url=_link(url or _missing("url")),
        description=_plain(item.get("description", "")),
        location_text=town or None,
        postcode=address.get("postalCode") or None,
        lat=_number(geo.get("latitude")) if isinstance(geo, dict) else None,
        lon=_number(geo.get("longitude")) if isinstance(geo, dict) else None,
        salary_text=_salary_text(low, high, period) if low else None,
        salary_min=low,
        salary_max=high,
        salary_period=period if low else None,
        contract=_contract_words(item.get("employmentType")),
        hours=_joined(item.get("workHours")),
        posted=_date(item.get("datePosted"), "datePosted"),
        closing=_date(item.get("validThrough"), "validThrough"),
    )


# --- Adzuna -------------------------------------------------------------------------------------------------------


def _adzuna(data: bytes, name: str):
    try:
        body = json.loads(_decode(data, name))
    except json.JSONDecodeError as error:
        raise FeedUnreadable(f"{name} is not valid JSON ({error.msg}, line {error.lineno})") from None
    if not isinstance(body, dict) or not isinstance(body.get("results"), list):
        raise FeedUnreadable(f"{name} is not an Adzuna search response (it has no 'results' list)")
    for position, item in enumerate(body["results"], start=1):
        where = f"id {item['id']}" if isinstance(item, dict) and item.get("id") else f"record {position}"

        def build(item: Any = item) -> Advert:
            location = (item.get("location") or {}).get("display_name")
            low, high = _number(item.get("salary_min")), _number(item.get("salary_max"))
            return Advert(
                source_id=str(_required(item, "id")),
                reference=item.get("adref") or None,
                title=_plain(_required(item, "title")),
                employer=_plain((item.get("company") or {}).get("display_name") or "") or _missing("company"),
                url=_link(_required(item, "redirect_url")),
                description=_plain(item.get("description", "")),
                location_text=location,
                postcode=_postcode_in(location),
                lat=_number(item.get("latitude")),
                lon=_number(item.get("longitude")),
                salary_text=_salary_text(low, high, "year") if low and not item.get("salary_is_predicted") else None,
                salary_min=low if not item.get("salary_is_predicted") else None,
                salary_max=high if not item.get("salary_is_predicted") else None,
                salary_period="year" if low and not item.get("salary_is_predicted") else None,
                contract=_contract_words([item.get("contract_type"), item.get("contract_time")]),
                posted=_date(item.get("created"), "created"),
            )

        yield where, build


# --- The CSV template ---------------------------------------------------------------------------------------------


def _csv(data: bytes, name: str):
    reader = csv.DictReader(io.StringIO(_decode(data, name)))
    columns = [column.strip().lower() for column in reader.fieldnames or []]
    missing = [column for column in CSV_REQUIRED if column not in columns]
    if missing:
        raise FeedUnreadable(f"{name} has no {', '.join(missing)} column (the columns are: {', '.join(CSV_COLUMNS)})")
    for position, row in enumerate(reader, start=2):  # row 1 is the header

        def build(row: dict[str, Any] = row) -> Advert:
            cells = {str(key).strip().lower(): (value or "").strip() for key, value in row.items() if key}
            return Advert(
                source_id=cells.get("reference") or cells.get("url") or _missing("reference"),
                reference=cells.get("reference") or None,
                title=_required(cells, "title"),
                employer=_required(cells, "employer"),
                url=_link(_required(cells, "url")),
                description=_plain(cells.get("description", "")),
                location_text=cells.get("location") or None,
                postcode=cells.get("postcode") or None,
                salary_text=cells.get("salary") or None,
                contract=cells.get("contract") or None,
                hours=cells.get("hours") or None,
                posted=_date(cells.get("posted"), "posted"),
                closing=_date(cells.get("closing"), "closing"),
            )

        yield f"row {position}", build


# --- Shared helpers -----------------------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FeedUnreadable(f"{name} is not UTF-8 text") from None


def _required(values: dict[str, Any], key: str) -> str:
    value = values.get(key)
    if value is None or not str(value).strip():
        raise KeyError(key)
    return str(value).strip()


def _missing(key: str) -> str:
    raise KeyError(key)


def _plain(text: Any) -> str:
    """Text without HTML tags or runs of spaces, cut to a short summary."""
    cleaned = " ".join(unescape(_TAG.sub(" ", str(text or ""))).split())
    return cleaned if len(cleaned) <= MAX_DESCRIPTION else cleaned[:MAX_DESCRIPTION].rsplit(" ", 1)[0] + "…"


def _link(url: str) -> str:
    if not re.match(r"^https?://\S+$", url):
        raise ValueError(f"the link '{url[:60]}' is not a web address")
    return url


def _date(text: Any, label: str) -> date | None:
    if text is None or not str(text).strip():
        return None
    raw = str(text).strip()
    for parse in (datetime.fromisoformat, lambda s: datetime.strptime(s, "%d/%m/%Y")):
        try:
            return parse(raw.replace("Z", "+00:00")).date()
        except ValueError:
            continue
    raise ValueError(f"{label} '{raw[:30]}' is not a date")


def _number(value: Any) -> float | None:
    try:
        return float(value) if value is not None and str(value).strip() != "" else None
    except (TypeError, ValueError):
        return None


def _joined(value: Any) -> str | None:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or None
    return str(value) if value else None


# schema.org's employmentType values and Adzuna's contract words, as a person would say them.
CONTRACT_WORDS = {"full_time": "Full time", "part_time": "Part time", "temporary": "Temporary", "contractor": "Contract",
                  "contract": "Contract", "intern": "Internship", "volunteer": "Volunteering", "per_diem": "Bank",
                  "permanent": "Permanent", "other": ""}


def _contract_words(value: Any) -> str | None:
    values = value if isinstance(value, list) else [value]
    words = [CONTRACT_WORDS.get(str(v).strip().lower().replace("-", "_").replace(" ", "_"), str(v).strip())
             for v in values if v]
    return ", ".join(dict.fromkeys(w for w in words if w)) or None


def _salary_text(low: float | None, high: float | None, period: str | None) -> str:
    money = (lambda v: f"£{v:,.2f}") if period == "hour" else (lambda v: f"£{v:,.0f}")
    each = " an hour" if period == "hour" else " a year"
    if low is None:
        return ""
    if high is None or high == low:
        return money(low) + each
    return f"{money(low)} to {money(high)}{each}"


def _postcode_in(text: str | None) -> str | None:
    match = re.search(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", text or "", re.I)
    return match.group(0).upper() if match else None

