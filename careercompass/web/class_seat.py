"""What a pupil who joined a class session does, passed on to their seat in it (see the classroom package).

The quiz, results, saved lists and bookings call these; each does nothing for a visitor who is not in an open
session. Kept apart from the classroom pages so that those pages can build on the staff area and the events pages
without the events pages importing them back.
"""

from __future__ import annotations

from careercompass.classroom import sessions
from careercompass.web import visitor
from careercompass.web.resources import db, resources


def note_results() -> None:
    """The pupil finished the quiz: what their results showed goes into the session."""
    person = visitor.current()
    pupil = sessions.seat(db(), person.class_seat)
    if pupil is None:
        return
    result = visitor.current_result(resources().matcher.data()).result
    sessions.record_results(db(), pupil, person.answers.to_stored(), [(m.slug, m.family) for m in result.matches],
                            list(result.dealbreakers))


def note_follow_up(what: str) -> None:
    """The pupil saved their list ("saved") or booked a taster ("booked"): counted against their nickname."""
    pupil = sessions.seat(db(), visitor.current().class_seat)
    if pupil is not None:
        sessions.count_follow_up(db(), pupil, what)


def note_not_for_me(slug: str) -> None:
    pupil = sessions.seat(db(), visitor.current().class_seat)
    if pupil is not None:
        sessions.record_not_for_me(db(), pupil, slug)
