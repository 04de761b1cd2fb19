"""Wishes in the words of a search: "nursing without a degree", "no nights", "part time", "jobs for 16 year olds".

Each wish is a filter the person did not tick but said. The phrases that say it live in the table below; the
words left over are what the search ranks on. Wishes are never stored: the words stay in the address, so a
reload or a shared link reads them again the same way, and taking one off is a link without its words.

Plain Python only: no Flask, and no database calls.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from careercompass.catalogue.facets import Condition

_WORD = re.compile(r"[a-z0-9]+(?:[&'][a-z0-9]+)*")

# Words that carry no wish and find nothing once a wish has been read: "weekday only jobs" lists jobs.
FILLER_WORDS = frozenset("""
    a an and any are as at be because but can careers career cos do for from good got have i i'm i've im in is
    it ive jobs job just leeds like me my near of on only or please really role roles so some student students
    that the there to want what where which with would work working you
""".split())
# Said around a wish, about the person rather than the job ("ive got kids so no nights"): not searched for.
FILLER_PHRASES = ("ive got kids", "i've got kids", "i have kids", "got kids", "have kids", "my kids",
                  "as a parent", "im a mum", "im a dad", "i'm a mum", "i'm a dad", "single parent", "school run")


@dataclass(frozen=True)
class Wish:
    id: str
    label: str  # the chip a person sees ("Without a degree")
    said: str  # how the wish reads in a sentence ("without a degree")
    relaxed: str  # what is shown when it has to be dropped ("showing ones that need a degree")
    conditions: tuple[Condition, ...]
    importance: int  # the least important wish is dropped first when too few jobs meet them all
    phrases: tuple[str, ...]
    # A liking ("with children") also ranks: its words stay in the search. A limit ("no nights") only filters.
    ranks: bool = False


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
# Most important last. Deal-breakers ("no needles") are kept longest; a place or group of people is a liking.
WISHES: tuple[Wish, ...] = (
    Wish("children", "Working with children", "with children", "showing ones with other people",
         (_involves("children", exclude=False),), 1,
         ("with children", "with kids", "with young children", "working with children", "work with children",
          "with kids and families", "children's jobs", "kids jobs"), ranks=True),
    Wish("older-people", "Working with older people", "with older people", "showing ones with other people",
         (_involves("older-people", exclude=False),), 1,
         ("with older people", "with old people", "with the elderly", "with elderly people", "with pensioners"),
         ranks=True),
    Wish("council", "Leeds City Council", "at the council", "showing ones with other employers",
         (Condition("sector", frozenset(["local-authority"])),), 1,
         ("council", "the council", "leeds city council", "council jobs", "for the council", "local authority")),
    Wish("charity", "Charities", "at a charity", "showing ones with other employers",
         (Condition("sector", frozenset(["third-sector"])),), 1,
         ("charity", "charities", "a charity", "charity jobs", "for a charity", "voluntary sector")),
    Wish("active", "Active, on your feet", "where you are active", "showing calmer ones",
         (Condition("physical", frozenset(["medium", "high"])),), 2,
         ("active", "on my feet", "on your feet", "moving about", "moving around", "physical jobs",
          "not sitting down", "not a desk job", "not at a desk")),
    Wish("sitting-down", "Not physically hard", "that are not physically hard", "showing ones that are more active",
         (Condition("physical", frozenset(["low"])),), 2,
         ("sitting down", "sit down", "seated", "not physical", "not physically demanding", "nothing physical",
          "easy on my body", "bad back")),
    Wish("low-stress", "Not too stressful", "that are not too stressful", "showing ones that can be stressful",
         (Condition("emotional", frozenset(["high"]), exclude=True),), 3,
         ("low stress", "low-stress", "not stressful", "not too stressful", "nothing stressful", "no stress",
          "stress free", "calm", "chilled", "relaxed", "not intense", "nothing too intense", "not too intense")),
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
    # Wanting those hours ("a weekend job" beside school or college, "night shifts" for the pay): the longer "no ..."
    # phrases above are read first.
    Wish("weekends", "Weekend work", "with weekend work", "showing ones without weekends",
         (_shifts(["weekends"]),), 5,
         ("weekend work", "weekend job", "weekend jobs", "weekends", "weekend", "at weekends", "on weekends",
          "saturday job", "saturday jobs", "sunday job", "work weekends", "working weekends", "weekend shifts")),
    Wish("nights", "Night work", "with night shifts", "showing ones without nights",
         (_shifts(["nights"]),), 5,
         ("night shifts", "night shift", "nights", "night work", "working nights", "nightshift", "nightshifts",
          "night job", "night jobs", "waking nights")),
    Wish("t-level", "T Level", "after a T Level", "showing ones with other ways in",
         (Condition("route", frozenset(["t-level"])),), 4,
         ("t level", "t levels", "t-level", "t-levels", "tlevel", "tlevels")),
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
         (Condition("age", frozenset(["16"])),), 8,
         ("for 16 year olds", "16 year olds", "16 year old", "for a 16 year old", "at 16", "aged 16", "age 16",
          "from 16", "16yo", "16 yr olds", "16 yr old", "for 16", "im 16", "i'm 16", "i am 16", "for 17 year olds",
          "17 year olds", "17 year old", "at 17", "aged 17", "im 17", "i'm 17", "i am 17", "under 18", "under 18s")),
    Wish("no-children", "Not with children", "not with children", "showing ones with children",
         (_involves("children"),), 9,
         _no("kids", "children", "with kids", "with children", "babies", "with babies", "working with children")),
    Wish("no-older-people", "Not with older people", "not with older people", "showing ones with older people",
         (_involves("older-people"),), 9,
         _no("old people", "older people", "elderly", "the elderly", "with old people", "with older people")),
    Wish("no-needles", "No blood or needles", "with no blood or needles", "showing ones with blood or needles",
         (_involves("blood-and-needles"),), 9,
         _no("needles", "needle", "blood", "blood or needles", "needles or blood", "blood and needles",
             "injections", "jabs", "gore")
         + ("scared of needles", "afraid of needles", "scared of blood", "afraid of blood", "faint at blood",
            "blood makes me faint", "squeamish")),
    Wish("no-driving", "No driving", "with no driving", "showing ones with driving",
         (_involves("driving"),), 9,
         _no("driving", "drive", "licence", "license", "driving licence", "driving license", "car", "driving test",
             "a driving licence", "a driving license", "a licence", "a license", "a car")
         + ("cant drive", "can't drive", "cannot drive", "dont drive", "don't drive", "no car", "without a car",
            "without a licence", "havent passed my test", "haven't passed my test", "no driving licence needed")),
    Wish("no-personal-care", "No washing people", "with no washing people or helping with the toilet",
         "showing ones with personal care",
         (_involves("personal-care"),), 9,
         _no("personal care", "washing people", "toileting", "wiping bums", "bums", "poo", "toilet")),
    Wish("no-lifting", "No heavy lifting", "with no heavy lifting", "showing ones with lifting",
         (_involves("heavy-lifting"),), 9,
         _no("lifting", "heavy lifting", "heavy work", "lifting people")),
    Wish("no-phones", "Not on the phone all day", "not on the phone all day", "showing ones on the phone",
         (_involves("phones"),), 9,
         _no("phones", "phone calls", "phone work", "calls", "call centre", "call center", "phone", "headset")
         + ("not on the phone", "not on the phones", "off the phones", "no phone calls please")),
    Wish("no-patients", "Behind the scenes", "behind the scenes", "showing ones with patients",
         (Condition("patient_facing", frozenset(["no"])),), 4,
         ("behind the scenes", "no patients", "not with patients", "without patients", "no contact with patients",
          "no patient contact", "not patient facing", "non clinical", "non-clinical", "dont see patients",
          "don't see patients", "do not see patients", "not seeing patients", "never see patients",
          "away from patients")),
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
_FILLER = frozenset(tuple(_WORD.findall(phrase)) for phrase in FILLER_PHRASES)
_LONGEST = max(len(key) for key in (*_PHRASES, *_FILLER))


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
            key = tuple(words[at:at + size])
            if span & taken or (key not in _PHRASES and key not in _FILLER):
                continue
            taken |= span  # a filler phrase is taken too, and searched for only when no wish is said
            if key in _PHRASES:
                said.append((at, Said(_PHRASES[key], tokens[at].start(), tokens[at + size - 1].end())))
    if not said:
        return Reading(query, (), " ".join(words))
    ranking = {i for at, s in said if s.wish.ranks for i in range(at, at + len(_WORD.findall(text[s.start:s.end])))}
    left = [word for i, word in enumerate(words) if (i not in taken or i in ranking) and word not in FILLER_WORDS]
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
