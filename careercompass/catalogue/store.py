"""Write a checked catalogue into the database, in the caller's transaction.

Rows are upserted by natural key and anything no longer in the files is removed, so saving the same
catalogue twice leaves the database exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from careercompass.catalogue import models, route_changes
from careercompass.catalogue.loader import Catalogue, role_content_hash
from careercompass.catalogue.pay import pay_figures
from careercompass.catalogue.schema import BAND_ORDER, Role


@dataclass(frozen=True)
class SaveSummary:
    added: int
    updated: int
    unchanged: int
    removed: int


def save_catalogue(session: Session, catalogue: Catalogue) -> SaveSummary:
    for position, family in enumerate(catalogue.families):
        session.merge(models.Family(slug=family.slug, name=family.name, colour=family.colour, summary=family.summary,
                                    position=position))
    for employer in catalogue.employers:
        session.merge(
            models.Employer(
                slug=employer.slug,
                name=employer.name,
                kind=employer.kind,
                website=str(employer.website),
                summary=employer.summary,
            )
        )
    for band in catalogue.pay.bands.values():
        session.merge(
            models.PayBand(
                year=catalogue.pay.year,
                band=band.band,
                rank=BAND_ORDER.index(band.band),
                minimum=band.minimum,
                maximum=band.maximum,
                hourly_minimum=band.hourly_minimum,
                hourly_maximum=band.hourly_maximum,
                source_name=catalogue.pay.source.name,
                source_url=str(catalogue.pay.source.url),
            )
        )
    for term, meaning in catalogue.glossary.items():
        session.merge(models.GlossaryTerm(term=term, meaning=meaning))
    session.execute(delete(models.GlossaryTerm).where(models.GlossaryTerm.term.not_in(list(catalogue.glossary))))
    for position, route in enumerate(catalogue.routes.values()):
        session.merge(models.Route(position=position, **route.model_dump(mode="json")))
    session.execute(delete(models.Route).where(models.Route.id.not_in(list(catalogue.routes))))
    session.flush()
    route_changes.reapply(session, catalogue.routes)  # staff's corrections stay on until the file changes that fact

    # Pay figures depend on the band table too, so a new pay year rewrites every NHS role.
    pay_table = json.dumps({b: v.model_dump() for b, v in sorted(catalogue.pay.bands.items())}, sort_keys=True)
    existing = {slug: digest for slug, digest in session.execute(select(models.Role.slug, models.Role.content_hash))}
    wanted = {role.slug for role in catalogue.roles}
    added = updated = unchanged = 0

    rows = {row.slug: row for row in session.scalars(select(models.Role))}
    # No autoflush while filling rows: a link may point at a role that is added later in this loop.
    with session.no_autoflush:
        for role in catalogue.roles:
            # Which shared routes its ways in follow can change without the role file changing (a T Level added).
            followed = [catalogue.route_id_for(route) for route in role.entry_routes]
            digest = hashlib.sha256(
                f"{role_content_hash(role)}{catalogue.pay.year}{pay_table}{followed}".encode()).hexdigest()
            if existing.get(role.slug) == digest:
                unchanged += 1
                continue
            row = rows.get(role.slug)
            if row is None:
                added += 1
                row = models.Role(slug=role.slug)
                session.add(row)
            else:
                updated += 1
            # Updated in place, never deleted and re-added: other roles' links to this one must survive.
            _fill_role_row(row, role, digest, catalogue)
    session.flush()

    removed = [slug for slug in existing if slug not in wanted]
    for slug in removed:
        session.delete(rows[slug])
    session.execute(
        delete(models.Family).where(models.Family.slug.not_in([f.slug for f in catalogue.families]))
    )
    session.execute(
        delete(models.Employer).where(models.Employer.slug.not_in([e.slug for e in catalogue.employers]))
    )
    session.flush()
    return SaveSummary(added=added, updated=updated, unchanged=unchanged, removed=len(removed))


# Role fields stored exactly as the file gives them.
COPIED_AS_THEY_ARE = ("kind", "age_note", "onet_code", "onet_none_reason", "riasec_note", "soc_code", "last_checked")


def _fill_role_row(row: models.Role, role: Role, digest: str, catalogue: Catalogue) -> None:
    pay = role.pay.model_dump(mode="json", exclude_none=True)
    figures = pay_figures(
        pay, catalogue.pay.bands, catalogue.pay.year, catalogue.pay.source.model_dump(mode="json")
    )
    columns = dict(
        title=role.title,
        family_slug=role.family,
        summary=role.summary,
        hours=role.hours,
        riasec=role.riasec,
        physical_demand=role.demands.physical,
        emotional_demand=role.demands.emotional,
        patient_facing=role.patient_facing,
        earn_while_you_learn=role.earn_while_you_learn,
        minimum_age=role.minimum_age,
        driving_licence_needed=role.driving_licence_needed,
        pay=pay,
        pay_yearly_minimum=figures.yearly_minimum,
        pay_yearly_maximum=figures.yearly_maximum,
        other_titles=list(role.other_titles),
        day_to_day=list(role.day_to_day),
        where_you_work=list(role.where_you_work),
        skills=list(role.skills),
        interests=list(role.interests),
        hard_parts=list(role.hard_parts),
        involves=list(role.involves),
        sources=[source.model_dump(mode="json") for source in role.sources],
        easy_read=role.easy_read.model_dump(),
        content_hash=digest,
        **{name: getattr(role, name) for name in COPIED_AS_THEY_ARE},
    )
    for name, value in columns.items():
        setattr(row, name, value)
    row.sectors = [models.RoleSector(sector=s, position=i) for i, s in enumerate(role.sectors)]
    row.shift_patterns = [models.RoleShiftPattern(pattern=p, position=i) for i, p in enumerate(role.shift_patterns)]
    row.entry_routes = [
        models.EntryRoute(position=i, route_id=catalogue.route_id_for(route),
                          **route.model_dump(mode="json", exclude={"route"}))
        for i, route in enumerate(role.entry_routes)
    ]
    row.employer_links = [
        models.RoleEmployer(employer_slug=slug, position=i) for i, slug in enumerate(role.leeds_employers)
    ]
    row.former_slugs = [models.FormerSlug(old_slug=old) for old in role.former_slugs]
    links = [("next_step", slug) for slug in role.next_steps] + [("related", slug) for slug in role.related]
    row.links = [
        models.RoleLink(from_slug=role.slug, to_slug=slug, kind=kind, position=i) for i, (kind, slug) in enumerate(links)
    ]
