"""Database tables for the catalogue.

Rows are keyed by their natural keys (slugs, bands, positions), so loading the same files twice writes the
same rows: `careercompass init` is idempotent, and later tables can point at a role by its slug.
Fields used to filter and sort are real columns; text that is only ever shown whole is kept as JSON.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Integer, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careercompass import vocabulary
from careercompass.database import Base


class Family(Base):
    __tablename__ = "families"

    slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Rows saved before families had colours get a neutral grey until the next `careercompass init`.
    colour: Mapped[str] = mapped_column(String(7), server_default=text("'#505a5f'"))
    summary: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)

    roles: Mapped[list[Role]] = relationship(back_populates="family", order_by="Role.title")


class Employer(Base):
    __tablename__ = "employers"

    slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(200))
    website: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text)


class GlossaryTerm(Base):
    __tablename__ = "glossary_terms"

    term: Mapped[str] = mapped_column(String(40), primary_key=True)
    meaning: Mapped[str] = mapped_column(Text)


class PayBand(Base):
    """One Agenda for Change band for one pay year."""

    __tablename__ = "pay_bands"

    year: Mapped[str] = mapped_column(String(7), primary_key=True)
    band: Mapped[str] = mapped_column(String(3), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer)
    minimum: Mapped[int] = mapped_column(Integer)
    maximum: Mapped[int] = mapped_column(Integer)
    hourly_minimum: Mapped[float]
    hourly_maximum: Mapped[float]
    source_name: Mapped[str] = mapped_column(String(200))
    source_url: Mapped[str] = mapped_column(String(500))


class Role(Base):
    __tablename__ = "roles"

    slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    family_slug: Mapped[str] = mapped_column(ForeignKey("families.slug"), index=True)
    summary: Mapped[str] = mapped_column(Text)
    hours: Mapped[str] = mapped_column(Text)
    riasec: Mapped[str] = mapped_column(String(3))
    physical_demand: Mapped[str] = mapped_column(String(10))
    emotional_demand: Mapped[str] = mapped_column(String(10))
    patient_facing: Mapped[bool] = mapped_column(Boolean, index=True)
    earn_while_you_learn: Mapped[bool] = mapped_column(Boolean, index=True)
    minimum_age: Mapped[int | None] = mapped_column(Integer)
    driving_licence_needed: Mapped[bool] = mapped_column(Boolean)
    # Pay, normalised to a yearly figure (full time) for sorting and filtering; the original is in `pay`.
    pay: Mapped[dict[str, Any]] = mapped_column(JSON)
    pay_yearly_minimum: Mapped[int] = mapped_column(Integer, index=True)
    pay_yearly_maximum: Mapped[int] = mapped_column(Integer)
    # Lists of sentences shown whole on the role page.
    other_titles: Mapped[list[str]] = mapped_column(JSON)
    day_to_day: Mapped[list[str]] = mapped_column(JSON)
    where_you_work: Mapped[list[str]] = mapped_column(JSON)
    skills: Mapped[list[str]] = mapped_column(JSON)
    interests: Mapped[list[str]] = mapped_column(JSON)
    hard_parts: Mapped[list[str]] = mapped_column(JSON)
    # The database default (added with the column for rows that were already there) is declared, so the
    # tables and their migrations agree.
    involves: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    sources: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    # The short plain version (you_do, way_in, hard_part) shown to people who chose easy read. Every role file has
    # one; rows saved before the column existed stay empty until the next `careercompass init`.
    easy_read: Mapped[dict[str, str] | None] = mapped_column(JSON)
    # A paid job, or unpaid volunteering or cadets: the matcher and filters treat unpaid roles honestly.
    kind: Mapped[str] = mapped_column(String(20), default="job", server_default=text("'job'"), index=True)
    age_note: Mapped[str | None] = mapped_column(Text)
    # Evidence behind the interest code, and when the file's facts were last checked.
    onet_code: Mapped[str | None] = mapped_column(String(10))
    onet_none_reason: Mapped[str | None] = mapped_column(Text)
    riasec_note: Mapped[str | None] = mapped_column(Text)
    soc_code: Mapped[str | None] = mapped_column(String(4))
    last_checked: Mapped[date | None] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64))

    family: Mapped[Family] = relationship(back_populates="roles")
    sectors: Mapped[list[RoleSector]] = relationship(cascade="all, delete-orphan", order_by="RoleSector.position")
    shift_patterns: Mapped[list[RoleShiftPattern]] = relationship(
        cascade="all, delete-orphan", order_by="RoleShiftPattern.position"
    )
    entry_routes: Mapped[list[EntryRoute]] = relationship(cascade="all, delete-orphan", order_by="EntryRoute.position")
    employer_links: Mapped[list[RoleEmployer]] = relationship(
        cascade="all, delete-orphan", order_by="RoleEmployer.position"
    )
    links: Mapped[list[RoleLink]] = relationship(
        cascade="all, delete-orphan", foreign_keys="RoleLink.from_slug", order_by="RoleLink.position"
    )
    former_slugs: Mapped[list[FormerSlug]] = relationship(cascade="all, delete-orphan")

    @property
    def unpaid(self) -> bool:
        return self.kind in vocabulary.UNPAID_KINDS

    @property
    def sector_names(self) -> list[str]:
        return [s.sector for s in self.sectors]

    @property
    def shift_pattern_names(self) -> list[str]:
        return [s.pattern for s in self.shift_patterns]

    @property
    def employers(self) -> list[Employer]:
        return [link.employer for link in self.employer_links]

    def linked_slugs(self, kind: str) -> list[str]:
        return [link.to_slug for link in self.links if link.kind == kind]


class RoleSector(Base):
    __tablename__ = "role_sectors"

    role_slug: Mapped[str] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"), primary_key=True)
    sector: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)


class RoleShiftPattern(Base):
    __tablename__ = "role_shift_patterns"

    role_slug: Mapped[str] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"), primary_key=True)
    pattern: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)


class EntryRoute(Base):
    __tablename__ = "entry_routes"

    role_slug: Mapped[str] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    entry_requirements: Mapped[str | None] = mapped_column(Text)
    duration: Mapped[str | None] = mapped_column(String(200))
    earn_while_you_learn: Mapped[bool] = mapped_column(Boolean)
    for_people_in_post: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    standard_code: Mapped[str | None] = mapped_column(String(10), index=True)
    level: Mapped[int | None] = mapped_column(Integer)
    t_level: Mapped[str | None] = mapped_column(String(200))
    specialism: Mapped[str | None] = mapped_column(String(200))
    # The shared route this way in follows (see catalogue/routes.py); not a foreign key, so the catalogue can be
    # saved routes-first or roles-first in one transaction without a table rebuild on SQLite.
    route_id: Mapped[str | None] = mapped_column(String(80), index=True)


class Route(Base):
    """A way in that many jobs share (routes.yaml, and the apprenticeships made from the standards)."""

    __tablename__ = "routes"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    type: Mapped[str] = mapped_column(String(30), index=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    t_level: Mapped[str | None] = mapped_column(String(200))
    level: Mapped[int | None] = mapped_column(Integer)
    length: Mapped[str] = mapped_column(String(200))
    years: Mapped[float] = mapped_column(Float)
    minimum_age: Mapped[int | None] = mapped_column(Integer)
    entry: Mapped[str] = mapped_column(Text)
    needs_english_maths: Mapped[bool] = mapped_column(Boolean)
    cost: Mapped[str] = mapped_column(Text)
    starts: Mapped[str | None] = mapped_column(String(200))
    providers: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    employers: Mapped[list[str]] = mapped_column(JSON)
    sources: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer)


class RouteChange(Base):
    """A fact about a shared route that Academy staff put right in the staff area (a start date, a provider).

    It holds until the catalogue file itself changes that fact: `file_value` is what the file said when staff made
    the change, so an edited file (newer, reviewed, sourced) takes over again. See catalogue/route_changes.py.
    """

    __tablename__ = "route_changes"

    route_id: Mapped[str] = mapped_column(String(80), primary_key=True)  # no foreign key: init replaces routes
    field: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    file_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    source_url: Mapped[str] = mapped_column(String(500))
    changed_by: Mapped[str] = mapped_column(String(254))  # the staff account's email, kept if the account goes
    changed_on: Mapped[date] = mapped_column(Date)


class RoleEmployer(Base):
    __tablename__ = "role_employers"

    role_slug: Mapped[str] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"), primary_key=True)
    employer_slug: Mapped[str] = mapped_column(ForeignKey("employers.slug"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    employer: Mapped[Employer] = relationship(lazy="joined")


class RoleLink(Base):
    """A directed link between two roles: 'next_step' (up the ladder) or 'related' (a sideways move).

    Only the direction written in the files is stored; the way down a ladder is the same rows read backwards.
    """

    __tablename__ = "role_links"

    from_slug: Mapped[str] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"), primary_key=True)
    to_slug: Mapped[str] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"), primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class FormerSlug(Base):
    """An old address of a role that was merged or renamed, so saved codes and shared links keep working."""

    __tablename__ = "role_former_slugs"

    old_slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    role_slug: Mapped[str] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"), index=True)
