"""Emails about bookings: the confirmation, a place coming free from the waiting list, an event cancelled.

Sent through the SMTP server in config (CAREERCOMPASS_SMTP_HOST). Without one, nothing is sent and the page itself
shows what the email would have said, with the cancel link. A text message to a mobile is not sent yet: the page
says so and shows the link.
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from careercompass.events.booking import BOOKED, EMAIL
from careercompass.events.models import Booking, Event

MAIL_TIMEOUT_SECONDS = 10


def confirmation(booking: Booking, event: Event, cancel_url: str) -> tuple[str, str]:
    """(subject, text) for a booking just made."""
    when = event.starts_at.strftime("%A %d %B %Y at %H:%M")
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


def moved_up(booking: Booking, event: Event, cancel_url: str) -> tuple[str, str]:
    return (f"A place came free: {event.title}",
            f"Hi {booking.first_name}, a place came free at {event.title}, and it is yours.\n\n"
            f"When: {event.starts_at.strftime('%A %d %B %Y at %H:%M')}\nWhere: {event.venue}\n\n"
            f"If you cannot come now, use this link: {cancel_url}\n")


def event_cancelled(booking: Booking, event: Event) -> tuple[str, str]:
    return (f"Cancelled: {event.title}",
            f"Hi {booking.first_name}, sorry: {event.title} on {event.starts_at.strftime('%A %d %B')} has been "
            "cancelled. You do not need to do anything. We have deleted your place.\n")


def send(host: str, port: int, sender: str, to: str, subject: str, text: str) -> bool:
    """Send one email; True if the server took it. An address that is not an email (a mobile) is not sent."""
    if not host or not EMAIL.match(to):
        return False
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message.set_content(text)
    try:
        with smtplib.SMTP(host, port, timeout=MAIL_TIMEOUT_SECONDS) as server:
            server.send_message(message)
    except (OSError, smtplib.SMTPException):
        return False
    return True
