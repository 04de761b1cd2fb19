"""The visitor: what this browser's signed cookie holds, read and written in one place.

No account and nothing on the server: the quiz answers, the jobs dismissed with "not for me", the easy-read
choice and a random feedback reference (not linked to any person). Views,
and later features such as classroom mode, ask this module for "this visitor's answers and results" rather
than reading the cookie themselves.

A cookie of an unexpected shape (an older version's, or one altered but validly signed) starts a fresh visit:
its visitor keys are dropped and the person sees the site as a newcomer, never an error.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, replace
from typing import Any

from flask import g, session
from sqlalchemy.orm import Session

from careercompass.matching import feedback
from careercompass.matching.engine import MatchData, MatchResult
from careercompass.matching.engine import match as run_match
from careercompass.matching.quiz import AnswerError, Answers
from careercompass.matching.text import ANSWERS_SET_ASIDE, read_text
from careercompass.pathway import Where

# The cookie's keys; the names are kept from earlier versions so that their cookies still read.
ANSWERS_KEY = "quiz_answers"
DISMISSED_KEY = "not_for_me"
EASY_KEY = "easy_read"
FEEDBACK_KEY = "feedback_ref"
SET_ASIDE_KEY = "words_set_aside"  # added later: cookies without it read as before
NEAR_KEY = "near"  # a postcode district or ward the person chose for "near me": never stored on the server
WHERE_KEY = "where_now"  # {"stage", "english_maths"} for "your route from here": never stored on the server
CLASS_SEAT_KEY = "class_seat"  # the secret that finds this pupil's seat in a class session (classroom package)
KEYS = (ANSWERS_KEY, DISMISSED_KEY, EASY_KEY, FEEDBACK_KEY, SET_ASIDE_KEY, NEAR_KEY, WHERE_KEY, CLASS_SEAT_KEY)
SEAT_PATTERN = re.compile(r"[A-Za-z0-9_\-]{20,64}")
MAX_NEAR_LENGTH = 60

MAX_DISMISSED = 100  # the oldest are forgotten first, so the cookie stays small
MAX_SLUG_LENGTH = 80
RESULTS_SHOWN = 10
REFERENCE_PATTERN = re.compile(r"[0-9a-f]{8,32}")
# What a person can take back from what was read in their words: a deal-breaker, an answer, a spelling fix.
SET_ASIDE_PATTERN = re.compile(r"no:[a-z0-9-]{1,40}|word:[a-z]{1,40}|" + "|".join(ANSWERS_SET_ASIDE))
MAX_SET_ASIDE = 30


class UnexpectedCookie(ValueError):
    """The cookie holds visitor keys this version does not understand."""


@dataclass(frozen=True)
class Visitor:
    answers: Answers = Answers()
    dismissed: tuple[str, ...] = ()
    easy_read: bool = False
    feedback_reference: str | None = None
    set_aside: tuple[str, ...] = ()  # what the person took back from what was read in their words...
    set_aside_for: str = ""  # ...and a digest of the words it was about: new words start afresh
    near: str | None = None  # "LS9" or a ward name; a full postcode is cut to its district before it gets here
    where: Where | None = None  # the stage they chose for "your route from here"
    class_seat: str | None = None  # set when they joined a class session with a code

    @property
    def started(self) -> bool:
        return bool(self.answers.to_stored())

    @property
    def where_now(self) -> Where | None:
        """Where they are for "your route from here": chosen on a job page, else worked out from the quiz."""
        if self.where is not None:
            return self.where
        return where_from_answers(self.answers, self.words_set_aside) if self.started else None

    @property
    def words_set_aside(self) -> frozenset[str]:
        """What was taken back, if it was about the words they have now."""
        return frozenset(self.set_aside) if self.set_aside_for == _digest(self.answers.text) else frozenset()

    def setting_aside(self, key: str, put_back: bool = False) -> Visitor:
        keys = set(self.words_set_aside)
        keys = keys - {key} if put_back else keys | {key}
        return replace(self, set_aside=tuple(sorted(keys))[:MAX_SET_ASIDE], set_aside_for=_digest(self.answers.text))

    def dismissing(self, slug: str) -> Visitor:
        return replace(self, dismissed=tuple(dict.fromkeys([*self.dismissed, slug]))[-MAX_DISMISSED:])


@dataclass(frozen=True)
class VisitorResult:
    visitor: Visitor
    result: MatchResult

    @property
    def shown(self) -> list[tuple[str, tuple[float, ...]]]:
        """The roles on the results page, in order, with the features the ranking saw for each."""
        return [(m.slug, m.features) for m in self.result.matches]

    @property
    def shown_key(self) -> str:
        return feedback.shown_key(self.shown)


def current() -> Visitor:
    """This request's visitor, read once from the cookie."""
    if "visitor" not in g:
        try:
            g.visitor = _read(session)
        except UnexpectedCookie:
            for key in KEYS:
                session.pop(key, None)
            g.visitor = Visitor()
    return g.visitor


def remember(visitor: Visitor) -> Visitor:
    """Write the visitor to the cookie (only the parts that are set, so a newcomer's cookie stays empty)."""
    stored = {
        ANSWERS_KEY: visitor.answers.to_stored() or None,
        DISMISSED_KEY: list(visitor.dismissed) or None,
        EASY_KEY: visitor.easy_read or None,
        FEEDBACK_KEY: visitor.feedback_reference,
        SET_ASIDE_KEY: {"for": visitor.set_aside_for, "keys": sorted(visitor.words_set_aside)}
        if visitor.words_set_aside else None,
        NEAR_KEY: visitor.near,
        WHERE_KEY: {"stage": visitor.where.stage, "english_maths": visitor.where.english_maths}
        if visitor.where else None,
        CLASS_SEAT_KEY: visitor.class_seat,
    }
    for key, value in stored.items():
        if value is None:
            session.pop(key, None)
        elif session.get(key) != value:
            session[key] = value
    g.visitor = visitor
    return visitor


def with_feedback_reference() -> Visitor:
    """The visitor with a random reference for their results, so feedback events can be joined. Not an ID."""
    visitor = current()
    if visitor.feedback_reference is None:
        visitor = remember(replace(visitor, feedback_reference=secrets.token_hex(8)))
    return visitor


def current_result(data: MatchData, limit: int = RESULTS_SHOWN) -> VisitorResult:
    """This visitor's results: their answers matched, leaving out the jobs they dismissed."""
    visitor = current()
    result = run_match(data, visitor.answers, limit=limit, exclude=list(visitor.dismissed),
                       set_aside=visitor.words_set_aside)
    return VisitorResult(visitor, result)


def record_shown(database: Session, current: VisitorResult, limit: int) -> str:
    """Record the result set this visitor is looking at (once per set, committed); returns their reference."""
    reference = with_feedback_reference().feedback_reference
    feedback.record_shown(database, reference, current.shown, limit=limit)
    return reference


def restored(answers: Any, dismissed: Any) -> Visitor:
    """The visitor carrying on from answers saved earlier; parts that no longer read are left out."""
    try:
        checked = Answers.from_stored(answers)
    except AnswerError:
        checked = Answers()
    slugs = tuple(dismissed) if _is_slug_list(dismissed) else ()
    return replace(current(), answers=checked, dismissed=slugs[-MAX_DISMISSED:])


def _read(cookie) -> Visitor:
    try:
        answers = Answers.from_stored(cookie.get(ANSWERS_KEY, {}))
    except AnswerError as error:
        raise UnexpectedCookie(str(error)) from None
    dismissed = cookie.get(DISMISSED_KEY, [])
    easy_read = cookie.get(EASY_KEY, False)
    reference = cookie.get(FEEDBACK_KEY)
    if not _is_slug_list(dismissed) or len(dismissed) > MAX_DISMISSED:
        raise UnexpectedCookie("dismissed jobs")
    if not isinstance(easy_read, bool):
        raise UnexpectedCookie("easy read")
    if reference is not None and not (isinstance(reference, str) and REFERENCE_PATTERN.fullmatch(reference)):
        raise UnexpectedCookie("feedback reference")
    set_aside = cookie.get(SET_ASIDE_KEY, {"for": "", "keys": []})
    if not (isinstance(set_aside, dict) and set(set_aside) == {"for", "keys"} and isinstance(set_aside["for"], str)
            and is_set_aside_list(set_aside["keys"])):
        raise UnexpectedCookie("words set aside")
    near = cookie.get(NEAR_KEY)
    if near is not None and not (isinstance(near, str) and 0 < len(near) <= MAX_NEAR_LENGTH):
        raise UnexpectedCookie("near")
    where = None
    if (stored_where := cookie.get(WHERE_KEY)) is not None:
        if not (isinstance(stored_where, dict) and set(stored_where) == {"stage", "english_maths"}):
            raise UnexpectedCookie("where now")
        where = Where.chosen(stored_where["stage"], stored_where["english_maths"])
        if where is None:
            raise UnexpectedCookie("where now")
    seat = cookie.get(CLASS_SEAT_KEY)
    if seat is not None and not (isinstance(seat, str) and SEAT_PATTERN.fullmatch(seat)):
        raise UnexpectedCookie("class seat")
    return Visitor(answers, tuple(dismissed), easy_read, reference, tuple(set_aside["keys"]), set_aside["for"], near,
                   where, seat)


def where_from_answers(answers: Answers, set_aside: frozenset[str] = frozenset()) -> Where | None:
    """The stage from the quiz's "where are you now?", or from their words ("im in year 10", "i left school")."""
    read = read_text(answers.text, set_aside=set_aside)
    return Where.from_quiz(read.filling_in(answers).one("stage"), read.left_education)


def is_set_aside_list(value: Any) -> bool:
    return (isinstance(value, list) and len(value) <= MAX_SET_ASIDE
            and all(isinstance(key, str) and SET_ASIDE_PATTERN.fullmatch(key) for key in value))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _is_slug_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(s, str) and 0 < len(s) <= MAX_SLUG_LENGTH for s in value)
