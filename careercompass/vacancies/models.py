"""Database tables for vacancies: adverts as imported, the roles each is linked to, and what staff taught the linker."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careercompass.database import Base


class Vacancy(Base):
    """One advert, stored once however many feeds carry it (see `dedupe_key`)."""

    __tablename__ = "vacancies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # The employer with the advert's reference (or, without one, its title and closing date), normalised: the same
    # advert from NHS Jobs and from the employer's own site has the same key.
    dedupe_key: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(40))  # the format it was first imported from
    source_id: Mapped[str] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(300))
    employer: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(String(1000))
    location_text: Mapped[str | None] = mapped_column(String(300))
    postcode_district: Mapped[str | None] = mapped_column(String(8), index=True)
    ward: Mapped[str | None] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    salary_text: Mapped[str | None] = mapped_column(String(300))
    salary_min: Mapped[float | None] = mapped_column(Float)
    salary_max: Mapped[float | None] = mapped_column(Float)
    salary_period: Mapped[str | None] = mapped_column(String(8))
    band_from: Mapped[str | None] = mapped_column(String(3), index=True)
    band_to: Mapped[str | None] = mapped_column(String(3))
    contract: Mapped[str | None] = mapped_column(String(100))
    hours: Mapped[str | None] = mapped_column(String(100))
    apprenticeship: Mapped[bool] = mapped_column(Boolean, default=False)
    posted: Mapped[date | None] = mapped_column(Date)
    closing: Mapped[date | None] = mapped_column(Date, index=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    content_hash: Mapped[str] = mapped_column(String(64))  # what the feed said, to tell "updated" from "unchanged"
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, index=True)  # taken down by staff

    links: Mapped[list[VacancyRole]] = relationship(cascade="all, delete-orphan", order_by="VacancyRole.position",
                                                    lazy="selectin")

    @property
    def link_status(self) -> str:
        """'linked' when a role is certain, 'review' when the linker was unsure, 'unlinked' when no role fits."""
        statuses = {link.status for link in self.links}
        return "linked" if "linked" in statuses else "review" if statuses else "unlinked"


class VacancyRole(Base):
    __tablename__ = "vacancy_roles"

    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id", ondelete="CASCADE"), primary_key=True)
    role_slug: Mapped[str] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"), primary_key=True, index=True)
    confidence: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(10))  # "linked" or "review"
    position: Mapped[int] = mapped_column(Integer)


class TitleMapping(Base):
    """A staff decision: adverts with this title (normalised) are this role, or no role when `role_slug` is None."""

    __tablename__ = "vacancy_title_mappings"

    title_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    role_slug: Mapped[str | None] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
