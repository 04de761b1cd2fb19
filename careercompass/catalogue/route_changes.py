"""Staff put right a shared route's changing facts (start dates, cost, entry, Leeds providers) without a release.

The catalogue files stay the reviewed record: a staff change is applied over the file's value each time the catalogue
is saved, and only until someone edits that fact in routes.yaml, when the file takes over again. Each change needs
the web address of the page that states the new fact, which is shown with the route's other sources.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from careercompass.catalogue.models import Route, RouteChange
from careercompass.catalogue.schema import SharedRoute
from careercompass.problems import FieldProblem

EDITABLE = {"starts": "When it starts", "cost": "What it costs", "entry": "What you need first",
            "providers": "Who runs it in Leeds"}
MOST_PROVIDERS = 12


class RouteChangeProblem(FieldProblem):
    """A field of a staff change to a route that needs putting right."""


def read_providers(text: str) -> list[dict[str, str]]:
    """Providers from one line each, 'Name | Place | https://...'; raises RouteChangeProblem naming the bad line."""
    providers = []
    for number, line in enumerate((line for line in text.splitlines() if line.strip()), start=1):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 3 or not all(parts):
            raise RouteChangeProblem("providers", f"Line {number}: write the name, the place and the web address, "
                                                  "with | between them.")
        name, place, url = parts
        if not _web_address(url):
            raise RouteChangeProblem("providers", f"Line {number}: the web address must start with https://.")
        if len(name) > 200 or len(place) > 200:
            raise RouteChangeProblem("providers", f"Line {number}: keep the name and place to 200 letters each.")
        providers.append({"name": name, "place": place, "url": url})
    if len(providers) > MOST_PROVIDERS:
        raise RouteChangeProblem("providers", f"List {MOST_PROVIDERS} providers or fewer.")
    return providers


def providers_text(providers: list[dict[str, str]]) -> str:
    return "\n".join(f"{p['name']} | {p['place']} | {p['url']}" for p in providers)


def change_route(session: Session, route_id: str, values: dict[str, Any], source_url: str, by: str,
                 today: date | None = None) -> list[str]:
    """Apply staff's values to a route and record them; returns the fields that changed. Flushes.

    Raises RouteChangeProblem (naming the field) before changing anything.
    """
    route = session.get(Route, route_id)
    if route is None:
        raise RouteChangeProblem("route", "That route is not in the catalogue.")
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise RouteChangeProblem(min(unknown), "Only start dates, cost, entry and providers can be changed here.")
    for field in ("cost", "entry"):
        if field in values and not 2 <= len(values[field].strip()) <= 600:
            raise RouteChangeProblem(field, f"Write what it {'costs' if field == 'cost' else 'needs'} in 2 to 600 "
                                            "letters.")
    if "starts" in values and len(values["starts"]) > 200:
        raise RouteChangeProblem("starts", "Keep the start dates to 200 letters.")
    changed = {field: _cleaned(field, value) for field, value in values.items()
               if _cleaned(field, value) != getattr(route, field)}
    if changed and not _web_address(source_url):
        raise RouteChangeProblem("source_url", "Give the web address (https://...) of the page that states the new "
                                               "facts.")
    for field, value in changed.items():
        record = session.get(RouteChange, (route_id, field))
        if record is None:
            record = RouteChange(route_id=route_id, field=field, file_value=getattr(route, field))
            session.add(record)
        record.value, record.source_url, record.changed_by = value, source_url, by
        record.changed_on = today or date.today()
    session.flush()
    _apply(route, changes_for(session, route_id))
    session.flush()
    return sorted(changed)


def changes_for(session: Session, route_id: str) -> list[RouteChange]:
    return list(session.scalars(select(RouteChange).where(RouteChange.route_id == route_id)
                                .order_by(RouteChange.field)))


def reapply(session: Session, routes: dict[str, SharedRoute]) -> int:
    """After the files are saved: staff changes go back on, except where the file has since changed that fact (or
    the route is gone), when the change is dropped and the file stands. Returns how many were dropped. Flushes."""
    dropped, kept = 0, {}
    for record in session.scalars(select(RouteChange).order_by(RouteChange.route_id, RouteChange.field)).all():
        route = routes.get(record.route_id)
        if route is None or route.model_dump(mode="json")[record.field] != record.file_value:
            session.delete(record)
            dropped += 1
        else:
            kept.setdefault(record.route_id, []).append(record)
    for route_id, records in kept.items():
        _apply(session.get(Route, route_id), records)
    session.flush()
    return dropped


def forget_changes(session: Session, route_id: str) -> None:
    """Drop staff's changes to a route; the next catalogue save puts the file's values back."""
    session.execute(delete(RouteChange).where(RouteChange.route_id == route_id))


def _apply(route: Route, records: list[RouteChange]) -> None:
    sources = [s for s in route.sources if not s.get("staff_change")]
    for record in records:
        setattr(route, record.field, record.value)
    for record in records:
        sources.append({"fact": f"{EDITABLE[record.field]}, changed by Academy staff on {record.changed_on:%d %B %Y}",
                        "name": urlsplit(record.source_url).netloc, "url": record.source_url, "staff_change": True})
    route.sources = sources


def _cleaned(field: str, value: Any) -> Any:
    if field == "providers":
        return value
    text = " ".join(str(value).split())
    return text or None if field == "starts" else text


def _web_address(text: str) -> bool:
    parts = urlsplit(text.strip())
    return parts.scheme == "https" and bool(parts.netloc) and " " not in text.strip()
