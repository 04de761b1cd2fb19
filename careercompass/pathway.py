"""Your route from here: the steps from where a person is now to a job, with the time and money at each step.

A role's ways in (its entry routes, each following a shared route) are laid out from the person's stage: a Year 10
pupil first finishes school; someone without GCSE English and maths first gets them, free; a degree needs a level 3
course first. The ways that pay you while you learn come first, then the quickest. Pure: the pages and the API read
the role and routes from the database and hand them here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from careercompass import vocabulary
from careercompass.catalogue.routes import years_in

ENGLISH_MATHS_CHOICES = ("yes", "no")  # has GCSE English and maths at grade 4 (or the same)
ENGLISH_AND_MATHS_ROUTE = "english-and-maths"
DEGREE_ROUTE = "university-degree"
ACCESS_ROUTE = "access-to-higher-education"
# Ways in that pay from the first day whatever the role says; a way in with no qualifications says so itself, as some
# start as a volunteer.
PAID_TYPES = frozenset({"apprenticeship", "experience"})
# Ways in that need a level 3 course (A levels, a T Level, an Access diploma) first.
NEEDS_LEVEL_3 = frozenset({"degree", "postgraduate"})
SCHOOL_STAGES = frozenset({"year-9-11", "16-18-learning", "16-18-not-learning"})
# T Levels are for 16 to 18 year olds (19 at the latest when they start), so older people are not shown them.
T_LEVEL_STAGES = SCHOOL_STAGES
# A way in through another job first takes that job's time too; we do not know how long, so a cautious guess.
EARLIER_JOB_YEARS = 2.0
# First steps anyone can take now, shown beside the ways in, by the stages they suit.
FIRST_STEPS = (
    ("nhs-cadets", frozenset({"year-9-11", "16-18-learning", "16-18-not-learning"})),
    ("hospital-volunteering", frozenset({"16-18-learning", "16-18-not-learning", "19-plus"})),
    ("emergency-first-aid", frozenset({"16-18-learning", "16-18-not-learning", "19-plus", "working-in-care"})),
    ("mental-health-first-aid", frozenset({"16-18-not-learning", "19-plus", "working-in-care"})),
)


class RouteFacts(Protocol):
    id: str
    type: str
    title: str
    length: str
    years: float
    cost: str
    needs_english_maths: bool
    minimum_age: int | None
    providers: list[dict[str, str]]


class EntryFacts(Protocol):
    type: str
    title: str
    description: str
    duration: str | None
    level: int | None
    earn_while_you_learn: bool
    for_people_in_post: bool
    route_id: str | None


@dataclass(frozen=True)
class Where:
    """Where a person is now."""

    stage: str
    english_maths: str | None = None  # "yes", "no", or None when not said
    guessed: bool = False  # worked out from the quiz, not chosen on a job page: the page says so

    @classmethod
    def chosen(cls, stage: str | None, english_maths: str | None) -> Where | None:
        """From a form or a cookie; None when the stage is missing or not one we know."""
        if stage not in vocabulary.STAGES_BY_ID:
            return None
        return cls(stage, english_maths if english_maths in ENGLISH_MATHS_CHOICES else None)

    @classmethod
    def from_quiz(cls, stage_answer: str | None, left_education: bool) -> Where | None:
        """From the quiz's "where are you now?" (and "i left school" in their words); English and maths unknown.

        The quiz asks by age, so "16 to 18" is read as still in school or college unless they said they had left.
        """
        stage = {"pupil": "year-9-11", "16-18": "16-18-not-learning" if left_education else "16-18-learning",
                 "19-plus": "19-plus"}.get(stage_answer or "")
        return cls(stage, None, guessed=True) if stage else None

    @property
    def label(self) -> str:
        return vocabulary.STAGES_BY_ID[self.stage].label


@dataclass(frozen=True)
class Step:
    title: str
    time: str
    money: str
    detail: str | None = None
    providers: tuple[Mapping[str, str], ...] = ()
    route_id: str | None = None


@dataclass(frozen=True)
class Way:
    title: str
    type: str
    steps: tuple[Step, ...]
    years: float  # the steps after school, added up: for putting the quickest first
    paid: bool  # paid from the start of the main step
    apprenticeship_adverts: bool = False  # the last step is an apprenticeship: open ones are worth showing there

    @property
    def type_label(self) -> str:
        return vocabulary.ROUTE_TYPES_BY_ID[self.type].label

    @property
    def in_short(self) -> str:
        """How long and whether it pays, in a few words, for one line on a list of jobs."""
        if self.type == "no-qualifications":
            return f"{self.steps[-1].time[0].lower()}{self.steps[-1].time[1:]}, paid from the start"
        if self.years < 0.5:
            length = "a short time"
        elif self.years < 1.5:
            length = "about a year"
        else:
            length = f"about {round(self.years)} years"
        return f"{length}, paid while you learn" if self.paid else length


@dataclass(frozen=True)
class RouteFromHere:
    where: Where
    ways: tuple[Way, ...]
    first_steps: tuple[RouteFacts, ...] = field(default_factory=tuple)


def route_ids_needed(entries: Sequence[EntryFacts]) -> set[str]:
    """The shared routes a plan for these ways in may mention: those they follow, and the common steps."""
    return ({entry.route_id for entry in entries if entry.route_id}
            | {ACCESS_ROUTE, DEGREE_ROUTE, ENGLISH_AND_MATHS_ROUTE} | {route_id for route_id, _ in FIRST_STEPS})


def route_from_here(where: Where, entries: Sequence[EntryFacts], routes: Mapping[str, RouteFacts],
                    minimum_age: int | None) -> RouteFromHere:
    ways = [_way(where, entry, routes, minimum_age) for entry in entries
            if entry.type != "t-level" or where.stage in T_LEVEL_STAGES]
    ways.sort(key=lambda way: (not way.paid, way.years))
    first = tuple(routes[route_id] for route_id, stages in FIRST_STEPS
                  if where.stage in stages and route_id in routes)
    return RouteFromHere(where, tuple(ways), first)


def best_ways(where: Where, roles: Sequence, routes: Mapping[str, RouteFacts]) -> dict[str, Way]:
    """Each role's first way in from here (by slug), for a one-line summary on a list of jobs."""
    best = {}
    for role in roles:
        ways = route_from_here(where, role.entry_routes, routes, role.minimum_age).ways
        if ways:
            best[role.slug] = ways[0]
    return best


def _way(where: Where, entry: EntryFacts, routes: Mapping[str, RouteFacts], minimum_age: int | None) -> Way:
    route = routes.get(entry.route_id) if entry.route_id else None
    steps: list[Step] = []
    if where.stage == "year-9-11":
        steps.append(Step("Finish Year 11 and take your GCSEs", "Until the summer you are 16", "Free",
                          "Aim for grade 4 or above in English and maths: most courses and jobs ask for them."))
    needs_english_maths = entry.type in NEEDS_LEVEL_3 or (route is not None and route.needs_english_maths)
    if needs_english_maths and where.english_maths == "no" and where.stage != "year-9-11":
        steps.append(_route_step(routes.get(ENGLISH_AND_MATHS_ROUTE), "Get GCSE English and maths, or Functional "
                                 "Skills level 2"))
    level_3_first = entry.type in NEEDS_LEVEL_3 or (entry.type == "apprenticeship" and (entry.level or 0) >= 6)
    if level_3_first and where.stage != "working-in-care":
        steps.append(_level_3_step(where, routes))
    if entry.type == "postgraduate":
        steps.append(_route_step(routes.get(DEGREE_ROUTE), "A degree at university"))
    if (entry.type == "experience" or entry.for_people_in_post) and where.stage != "working-in-care":
        steps.append(Step("First, work in the job this builds on", "Usually a few years", "You are paid while you do it",
                          "The next step explains which job."))
    if entry.type == "degree" and route is None:
        route = routes.get(DEGREE_ROUTE)  # its money facts; the role's own words say which degree
    steps.append(_main_step(where, entry, route, minimum_age))
    years = sum(_step_years(step) for step in steps)
    paid = _paid_from_day_one(entry)
    return Way(entry.title, entry.type, tuple(steps), years, paid, entry.type == "apprenticeship")


def _level_3_step(where: Where, routes: Mapping[str, RouteFacts]) -> Step:
    if where.stage in SCHOOL_STAGES:
        return Step("A levels or a T Level", "2 years", "Free if you start at 16, 17 or 18",
                    "Check which subjects the course or job asks for, such as a science.")
    access = routes.get(ACCESS_ROUTE)
    if access is None:
        return Step("A level 3 course, such as an Access to Higher Education Diploma", "About 1 year",
                    "Ask the college", None)
    return Step(f"If you have no A levels: {access.title}", access.length, access.cost, None,
                tuple(access.providers), access.id)


def _route_step(route: RouteFacts | None, fallback_title: str) -> Step:
    if route is None:
        return Step(fallback_title, "Ask the college", "Ask the college")
    return Step(route.title, route.length, route.cost, None, tuple(route.providers), route.id)


def _paid_from_day_one(entry: EntryFacts) -> bool:
    return entry.earn_while_you_learn or entry.type in PAID_TYPES


def _main_step(where: Where, entry: EntryFacts, route: RouteFacts | None, minimum_age: int | None) -> Step:
    time = entry.duration or (route.length if route else None) or _time_for_job(where, entry.type, minimum_age)
    if route is not None:
        money = route.cost
    elif _paid_from_day_one(entry):
        money = "You are paid from your first day."
    elif entry.type == "no-qualifications":
        money = "You are not paid at first."
    else:
        money = "Ask the course or the employer."
    detail = entry.description
    start_age = max(filter(None, (minimum_age if _paid_from_day_one(entry) else None,
                                  route.minimum_age if route else None)), default=None)
    if start_age and where.stage in SCHOOL_STAGES:
        detail = f"{detail} You can start from age {start_age}."
    return Step(entry.title, time, money, detail, tuple(route.providers) if route else (),
                route.id if route else None)


def _time_for_job(where: Where, route_type: str, minimum_age: int | None) -> str:
    if route_type == "no-qualifications":
        if where.stage in SCHOOL_STAGES and minimum_age:
            return f"You can apply from age {minimum_age}"
        return "You can apply now"
    return "Ask the course or the employer"


def _step_years(step: Step) -> float:
    if step.title.startswith("Finish Year 11"):
        return 0.0  # the same for every way: it does not make one quicker than another
    if step.title.startswith("First, work in the job"):
        return EARLIER_JOB_YEARS
    return years_in(step.time) or 0.0
