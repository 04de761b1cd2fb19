"""Taster events and their bookings.

A booking keeps the least a person needs to give: a first name, one way to reach them (email or mobile), an age band,
any access needs, and their consent. Bookings are deleted a set time after the event, or at once when the person asks.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careercompass.database import Base


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    venue: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    postcode_district: Mapped[str | None] = mapped_column(String(8))
    ward: Mapped[str | None] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    what_you_do: Mapped[str] = mapped_column(Text)
    age_min: Mapped[int] = mapped_column(Integer)
    age_max: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    # Places taken: changed only by one conditional UPDATE, so two people can never get the last place.
    booked: Mapped[int] = mapped_column(Integer, default=0)
    accessibility: Mapped[list[str]] = mapped_column(JSON, default=list)  # ids from ACCESS_FEATURES
    run_by: Mapped[str] = mapped_column(String(200))
    families: Mapped[list[str]] = mapped_column(JSON, default=list)  # family slugs the event shows
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    sample: Mapped[bool] = mapped_column(Boolean, default=False)  # invented, for the embedded default
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    roles: Mapped[list[EventRole]] = relationship(cascade="all, delete-orphan", lazy="selectin",
                                                  order_by="EventRole.position")

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.booked, 0)


class EventRole(Base):
    __tablename__ = "event_roles"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    role_slug: Mapped[str] = mapped_column(ForeignKey("roles.slug", ondelete="CASCADE"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)


class Booking(Base):
    __tablename__ = "bookings"
    # One booking per way of reaching someone per event: booking twice is refused, not counted twice.
    __table_args__ = (UniqueConstraint("event_id", "contact_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)  # the secret in the cancel link: no account needed
    first_name: Mapped[str] = mapped_column(String(60))
    contact: Mapped[str] = mapped_column(String(254))
    contact_key: Mapped[str] = mapped_column(String(254))  # the contact normalised, to spot a repeat
    age_band: Mapped[str] = mapped_column(String(10))
    access_needs: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), index=True)  # "booked", "waiting-list" or "cancelled"
    attended: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # ticked by staff on the day
    places: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))  # more than 1 for a group
    # The adviser who booked for a group; their account's email is the contact, so no pupil's details are kept.
    booked_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"), index=True)
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The confirmation email could not be sent at booking time (the mail server was down): `send-reminders` tries
    # again until it goes or the event starts.
    confirmation_due: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
