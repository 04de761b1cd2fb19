"""Wishes in the words of a search: "nursing without a degree", "no nights", "part time", "jobs for 16 year olds".

Each wish is a filter the person did not tick but said. The phrases that say it live in the table below; the
words left over are what the search ranks on. Wishes are never stored: the words stay in the address, so a
reload or a shared link reads them again the same way, and taking one off is a link without its words.

Plain Python only: no Flask, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from careercompass.catalogue.facets import Condition

_WORD = re.compile(r"[a-z0-9]+(?:[&'][a-z0-9]+)*")

# Words that carry no wish and find nothing once a wish has been read: "weekday only jobs" lists jobs.
FILLER_WORDS = frozenset("""
    a an and any are as at be can careers career do for from good i i'm im in is it jobs job me my of on only
    or please role roles some that the there to want what where which with work working you
""".split())


@dataclass(frozen=True)
class Wish:
    id: str
    label: str  # the chip a person sees ("Without a degree")
    said: str  # how the wish reads in a sentence ("without a degree")
    relaxed: str  # what is shown when it has to be dropped ("showing ones that need a degree")
    conditions: tuple[Condition, ...]
    importance: int  # the least important wish is dropped first when too few jobs meet them all
    phrases: tuple[str, ...]


def _no(*things: str) -> tuple[str, ...]:
    """The ways people say they do not want something."""
    before = ("no", "not", "without", "never", "avoid", "hate", "dont want", "don't want", "do not want",
              "cant do", "can't do", "cannot do", "dont like", "don't like", "not doing", "no more", "nothing with")
    after = ("free", "off")
    return tuple(f"{word} {thing}" for thing in things for word in before) + tuple(
        f"{thing} {word}" for thing in things for word in after)


def _shifts(values: Iterable[str], exclude: bool = False) -> Condition:
    return Condition("shift", frozenset(values), exclude)


def _involves(value: str, exclude: bool = True) -> Condition:
    return Condition("involves", frozenset([value]), exclude)


NO_DEGREE = Condition("degree", frozenset(["not-needed"]))
# Ways in that start at 16; with NO_DEGREE, a degree apprenticeship alone does not count.
STARTING_YOUNG_ROUTES = Condition("route", frozenset(["no-qualifications", "t-level", "apprenticeship",
                                                      "college-course"]))

# Most important last. Deal-breakers ("no needles") are kept longest; a place or group of people is a liking.
WISHES: tuple[Wish, ...] = (
    Wish("children", "Working with children", "with children", "showing ones with other people",
         (_involves("children", exclude=False),), 1,
         ("with children", "with kids", "with young children", "with babies", "working with children",
          "work with children", "with kids and families", "children's jobs", "kids jobs")),
    Wish("part-time", "Part time possible", "part time", "showing full-time ones",
         (_shifts(["part-time-possible"]),), 2,
         ("part time", "part-time", "parttime", "part time hours", "fewer hours", "flexible hours")),
    Wish("earn-while-you-learn", "Earn while you learn", "where you earn while you learn",
         "showing ones where you pay to train",
         (Condition("earn_while_you_learn", frozenset(["yes"])),), 3,
         ("earn while you learn", "earn while learning", "paid training", "get paid to train", "get paid to learn",
          "paid to train", "paid to learn", "learn and earn", "earn and learn")),
    Wish("apprenticeship", "Apprenticeship", "as an apprenticeship", "showing ones with other ways in",
         (Condition("route", frozenset(["apprenticeship"])),), 4,
         ("apprenticeship", "apprenticeships", "apprentice", "apprentices", "as an apprentice")),
    Wish("no-weekends", "No weekends", "with no weekends", "showing ones with weekends",
         (_shifts(["weekends"], exclude=True),), 5,
         _no("weekends", "weekend", "weekend work", "weekend shifts", "saturdays", "sundays")),
    Wish("weekdays", "Monday to Friday, daytime", "on weekdays only", "showing ones with some nights or weekends",
         (_shifts(["nights", "weekends", "on-call"], exclude=True),), 5,
         ("monday to friday", "mon to fri", "mon fri", "monday friday", "weekday", "weekdays", "weekday only",
          "weekdays only", "only weekdays", "week days", "9 to 5", "9 5", "9am 5pm", "9am to 5pm", "nine to five",
          "daytime only", "days only", "day time only", "normal hours", "school hours", "regular hours")),
    Wish("office-hours", "Office hours", "in office hours", "showing ones with other hours",
         (_shifts(["office-hours"]), _shifts(["nights", "weekends", "on-call"], exclude=True)), 5,
         ("office hours", "office hours only", "office job", "office jobs", "desk job", "desk jobs")),
    Wish("no-nights", "No night shifts", "with no nights", "showing ones with nights",
         (_shifts(["nights", "on-call"], exclude=True),), 6,
         _no("nights", "night", "night shifts", "night shift", "nightshifts", "nightshift", "night work",
             "working nights", "nights or weekends", "night or weekend work", "late nights", "on call")
         + ("nights or weekends free",)),
    Wish("no-degree", "Without a degree", "without a degree", "showing ones that need a degree",
         (NO_DEGREE,), 7,
         _no("degree", "a degree", "uni", "university", "going to uni", "going to university", "uni degree",
             "university degree")
         + ("school leavers", "school leaver", "leaving school", "after school", "straight from school",
            "after gcses", "after my gcses", "no a levels", "without a levels", "skip uni", "skip university",
            "instead of uni", "instead of university", "dont need a degree", "don't need a degree",
            "do not need a degree", "not needing a degree", "non degree", "no degree needed", "no degree required",
            "no uni needed", "not going to uni", "not going to university")),
    Wish("no-qualifications", "No qualifications needed", "with no qualifications needed",
         "showing ones where you need some qualifications",
         (Condition("route", frozenset(["no-qualifications"])),), 7,
         ("no qualifications", "no qualifications needed", "without qualifications", "no quals", "no gcses",
          "without gcses", "no experience", "no experience needed", "without experience", "entry level",
          "dont need qualifications", "don't need qualifications", "no qualifications required")),
    Wish("age-16", "Can start at 16", "you can start at 16", "showing ones for older people",
         (Condition("age", frozenset(["16", "none"])), STARTING_YOUNG_ROUTES, NO_DEGREE), 8,
         ("for 16 year olds", "16 year olds", "16 year old", "for a 16 year old", "at 16", "aged 16", "age 16",
          "from 16", "16yo", "16 yr olds", "16 yr old", "for 16", "im 16", "i'm 16", "i am 16", "for 17 year olds",
          "17 year olds", "17 year old", "at 17", "aged 17", "im 17", "i'm 17", "i am 17", "under 18", "under 18s")),
    Wish("no-needles", "No blood or needles", "with no blood or needles", "showing ones with blood or needles",
         (_involves("blood-and-needles"),), 9,
         _no("needles", "needle", "blood", "blood or needles", "needles or blood", "blood and needles",
             "injections", "jabs", "gore")
         + ("scared of needles", "afraid of needles", "scared of blood", "afraid of blood", "faint at blood",
            "blood makes me faint", "squeamish")),
    Wish("no-driving", "No driving", "with no driving", "showing ones with driving",
         (_involves("driving"),), 9,
         _no("driving", "drive", "licence", "license", "driving licence", "driving license", "car", "driving test")
         + ("cant drive", "can't drive", "cannot drive", "dont drive", "don't drive", "no car", "without a car",
            "without a licence", "havent passed my test", "haven't passed my test", "no driving licence needed")),
    Wish("no-personal-care", "No washing people", "with no washing people or helping with the toilet",
         "showing ones with personal care",
         (_involves("personal-care"),), 9,
         _no("personal care", "washing people", "toileting", "wiping bums", "bums", "poo", "toilet")),
    Wish("no-lifting", "No heavy lifting", "with no heavy lifting", "showing ones with lifting",
         (_involves("heavy-lifting"),), 9,
         _no("lifting", "heavy lifting", "heavy work", "lifting people")),
    Wish("no-patients", "Behind the scenes", "behind the scenes", "showing ones with patients",
         (Condition("patient_facing", frozenset(["no"])),), 4,
         ("behind the scenes", "no patients", "not with patients", "without patients", "no contact with patients",
          "no patient contact", "not patient facing", "non clinical", "non-clinical")),
)
WISHES_BY_ID = {wish.id: wish for wish in WISHES}


@dataclass(frozen=True)
class Said:
    """One wish read from the words, and where it was said."""

    wish: Wish
    start: int  # character positions in the query
    end: int


@dataclass(frozen=True)
class Reading:
    query: str
    said: tuple[Said, ...]  # in the order typed
    words: str  # what is left to search on: the query without its wishes and filler

    @property
    def wishes(self) -> list[Wish]:
        return distinct(s.wish for s in self.said)

    def without(self, wish: Wish) -> str:
        """The query as typed with one wish's words taken out: the link that takes its chip off."""
        text = self.query
        for said in sorted(self.said, key=lambda s: -s.start):
            if said.wish is wish:
                text = text[:said.start] + " " + text[said.end:]
        text = " ".join(re.sub(r"(?<!\w)[^\w\s]+(?!\w)", " ", text).split()).strip(" ,.;:!?-")
        # "jobs for school leavers" without its wish is "jobs for": nothing left worth searching for.
        return "" if set(_WORD.findall(text.lower())) <= FILLER_WORDS else text


def _phrase_table() -> dict[tuple[str, ...], Wish]:
    table: dict[tuple[str, ...], Wish] = {}
    for wish in WISHES:
        for phrase in wish.phrases:
            key = tuple(_WORD.findall(phrase.lower()))
            if key in table and table[key] is not wish:
                raise ValueError(f"the phrase {phrase!r} is given to two wishes")
            table[key] = wish
    return table


_PHRASES = _phrase_table()
_LONGEST = max(len(key) for key in _PHRASES)


def read_intent(query: str) -> Reading:
    """The wishes in a query, longest phrases first, and the words left to search on."""
    text = query.lower().replace("’", "'")
    if len(text) != len(query):  # a few letters change length when lowered; positions must stay true
        query = text
    tokens = list(_WORD.finditer(text))
    words = [t.group(0) for t in tokens]
    taken: set[int] = set()
    said: list[tuple[int, Said]] = []
    for size in range(min(_LONGEST, len(words)), 0, -1):
        for at in range(len(words) - size + 1):
            span = set(range(at, at + size))
            wish = _PHRASES.get(tuple(words[at:at + size]))
            if wish is not None and not span & taken:
                taken |= span
                said.append((at, Said(wish, tokens[at].start(), tokens[at + size - 1].end())))
    left = [word for i, word in enumerate(words) if i not in taken]
    if said:
        left = [word for word in left if word not in FILLER_WORDS]
    # A wish said twice is kept twice, so taking its chip off removes both; it counts once as a filter.
    return Reading(query, tuple(s for _, s in sorted(said, key=lambda pair: pair[0])), " ".join(left))


def distinct(wishes: Iterable[Wish]) -> list[Wish]:
    return list({wish.id: wish for wish in wishes}.values())


def conditions_of(wishes: Iterable[Wish]) -> list[Condition]:
    return [condition for wish in distinct(wishes) for condition in wish.conditions]


def joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def relaxed_message(words: str, wishes: Iterable[Wish], dropped: Wish) -> str:
    """ "No nursing jobs without a degree and with no nights; showing ones with nights." """
    subject = f"No {words} jobs" if words else "No jobs"
    return f"{subject} {joined([wish.said for wish in distinct(wishes)])}; {dropped.relaxed}."
