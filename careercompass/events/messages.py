"""Emails about bookings: the confirmation, a reminder, a place coming free, an event changed or cancelled.

Sent through the SMTP server in config (CAREERCOMPASS_SMTP_HOST). Without one, nothing is sent and the page itself
shows what the email would have said, with the cancel link. A text message to a mobile is not sent yet: the page
says so and shows the link.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage

from sqlalchemy.orm import Session

from careercompass.config import Settings
from careercompass.events.booking import BOOKED, BOOKING_PATH, EMAIL, due_confirmations, due_reminders
from careercompass.events.leeds_time import in_leeds
from careercompass.events.models import Booking, Event

MAIL_TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class Mail:
    """Where emails go: the SMTP server and the sender, from config."""

    host: str
    port: int
    sender: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Mail:
        return cls(settings.smtp_host, settings.smtp_port, settings.mail_from)


def confirmation(booking: Booking, event: Event, cancel_url: str) -> tuple[str, str]:
    """(subject, text) for a booking just made."""
    when = _when(event)
    if booking.status == BOOKED:
        subject = f"You are booked: {event.title}"
        first = f"Hi {booking.first_name}, you have a place at {event.title}."
    else:
        subject = f"You are on the waiting list: {event.title}"
        first = (f"Hi {booking.first_name}, {event.title} is full, so you are on the waiting list. If a place comes "
                 "free, it is yours and we will tell you.")
    text = (f"{first}\n\nWhen: {when}\nWhere: {event.venue}, {event.address}\n\n"
            f"If you cannot come, or want us to delete your details, use this link: {cancel_url}\n\n"
            "We keep your name and contact only until shortly after the event.\n")
    return subject, text


def reminder(booking: Booking, event: Event, cancel_url: str) -> tuple[str, str]:
    """(subject, text) sent a day or two before the event to everyone with a place."""
    group = f" for {booking.places} people" if booking.places > 1 else ""
    return (f"See you soon: {event.title}",
            f"Hi {booking.first_name}, this is a reminder that you have a place{group} at {event.title}.\n\n"
            f"When: {_when(event)}\nWhere: {event.venue}, {event.address}\n\n"
            f"If you cannot come now, please give your place to someone else with this link: {cancel_url}\n")


def event_changed(booking: Booking, event: Event, cancel_url: str) -> tuple[str, str]:
    """(subject, text) when staff change the time or place of an event someone has booked."""
    return (f"Changed: {event.title}",
            f"Hi {booking.first_name}, the time or place of {event.title} has changed. Your place is still yours.\n\n"
            f"When: {_when(event)}\nWhere: {event.venue}, {event.address}\n\n"
            f"If you cannot come now, use this link: {cancel_url}\n")


def moved_up(booking: Booking, event: Event, cancel_url: str) -> tuple[str, str]:
    return (f"A place came free: {event.title}",
            f"Hi {booking.first_name}, a place came free at {event.title}, and it is yours.\n\n"
            f"When: {_when(event)}\nWhere: {event.venue}\n\n"
            f"If you cannot come now, use this link: {cancel_url}\n")


def event_cancelled(booking: Booking, event: Event) -> tuple[str, str]:
    return (f"Cancelled: {event.title}",
            f"Hi {booking.first_name}, sorry: {event.title} on {in_leeds(event.starts_at):%A %d %B} has been "
            "cancelled. You do not need to do anything. We have deleted your place.\n")


def send_reminders(session: Session, mail: Mail, public_url: str, within_hours: int,
                   now: datetime | None = None) -> tuple[int, int]:
    """Remind everyone with a place at an event starting within `within_hours`, once each; (sent, failed).

    Each booking is marked as reminded as soon as its email is taken, so a run that stops half way, or a second run,
    never sends anyone two reminders. A failed send is tried again on the next run.
    """
    def reminded(booking: Booking) -> None:
        booking.reminded_at = now or datetime.now(UTC)

    return _send_each(session, mail, public_url, due_reminders(session, within_hours, now), reminder, reminded)


def send_late_confirmations(session: Session, mail: Mail, public_url: str,
                            now: datetime | None = None) -> tuple[int, int]:
    """Send the confirmations that could not be sent when people booked (the mail server was down); (sent, failed).

    Each is marked done as soon as the server takes it, so nobody gets two; one that fails again stays due.
    """
    def confirmed(booking: Booking) -> None:
        booking.confirmation_due = False

    return _send_each(session, mail, public_url, due_confirmations(session, now), confirmation, confirmed)


def _send_each(session: Session, mail: Mail, public_url: str, bookings: list[Booking],
               compose: Callable[[Booking, Event, str], tuple[str, str]],
               sent_to: Callable[[Booking], None]) -> tuple[int, int]:
    """One email per booking, each marked and committed as soon as the server takes it; (sent, failed)."""
    sent = failed = 0
    for booking in bookings:
        link = public_url.rstrip("/") + BOOKING_PATH.format(token=booking.token)
        if send(mail, booking.contact, *compose(booking, session.get(Event, booking.event_id), link)):
            sent_to(booking)
            session.commit()
            sent += 1
        else:
            failed += 1
    return sent, failed


def _when(event: Event) -> str:
    return in_leeds(event.starts_at).strftime("%A %d %B %Y at %H:%M")


def can_email(mail: Mail, to: str) -> bool:
    """Whether an email to `to` would be sent at all: a mail server is set and the contact is an email address."""
    return bool(mail.host and EMAIL.match(to))


def send(mail: Mail, to: str, subject: str, text: str) -> bool:
    """Send one email; True if the server took it. An address that is not an email (a mobile) is not sent."""
    if not can_email(mail, to):
        return False
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = mail.sender, to, subject
    message.set_content(text)
    try:
        with smtplib.SMTP(mail.host, mail.port, timeout=MAIL_TIMEOUT_SECONDS) as server:
            server.send_message(message)
    except (OSError, smtplib.SMTPException):
        return False
    return True
