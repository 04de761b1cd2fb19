"""The shape of a catalogue file, and the rules each field must follow.

Everything a person writes in ``roles_catalogue/`` is checked here before any of it reaches the database.
The models are plain pydantic: no Flask, no SQLAlchemy, so the catalogue can be checked on its own.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, model_validator

from careercompass import vocabulary

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
Sentence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=400)]
Paragraph = Annotated[str, StringConstraints(strip_whitespace=True, min_length=40, max_length=700)]
StandardCode = Annotated[str, StringConstraints(pattern=r"^ST\d{4}$")]

# The fixed lists come from the shared vocabulary, so a value the filters, quiz or matcher know is one a catalogue
# file may use, and nothing else.
Sector = Literal[*vocabulary.ids(vocabulary.SECTORS)]
ShiftPattern = Literal[*vocabulary.ids(vocabulary.SHIFT_PATTERNS)]
Level = Literal["low", "medium", "high"]
# Parts of a job that some people rule out, so the quiz can respect a "definite no".
# (Nights and weekends come from shift_patterns; driving also from driving_licence_needed.)
Involvement = Literal[*vocabulary.ids(vocabulary.INVOLVEMENTS)]
Band = Literal[*vocabulary.ids(vocabulary.BANDS)]
RouteType = Literal[*vocabulary.ids(vocabulary.ROUTE_TYPES)]
RoleKind = Literal[*vocabulary.ids(vocabulary.ROLE_KINDS)]
RouteKind = Literal[*vocabulary.ids(vocabulary.ROUTE_KINDS)]
RouteId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
# O*NET-SOC 2019 occupation code, e.g. 31-1131.00; UK SOC 2020 unit group, four digits, e.g. 6135.
OnetCode = Annotated[str, StringConstraints(pattern=r"^\d\d-\d{4}\.\d\d$")]
SocCode = Annotated[str, StringConstraints(pattern=r"^\d{4}$")]

BAND_ORDER: tuple[str, ...] = vocabulary.ids(vocabulary.BANDS)
RIASEC_LETTERS = vocabulary.riasec_string()
RiasecCode = Annotated[str, StringConstraints(pattern=rf"^[{RIASEC_LETTERS}]{{1,3}}$")]  # strongest first


class Strict(BaseModel):
    """Unknown fields are mistakes (usually typos), so they are refused rather than ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    fact: ShortText = Field(description="Which fact this source backs, e.g. 'pay band' or 'apprenticeship level'.")
    name: ShortText
    url: HttpUrl


class AgendaForChangePay(Strict):
    """NHS pay: the figures come from the band table, so a role only names its band(s)."""

    scheme: Literal["agenda-for-change"]
    band_from: Band
    band_to: Band | None = None
    note: Sentence | None = None

    @model_validator(mode="after")
    def bands_in_order(self) -> AgendaForChangePay:
        if self.band_to is not None and BAND_ORDER.index(self.band_to) < BAND_ORDER.index(self.band_from):
            raise ValueError(f"band_to ({self.band_to}) is below band_from ({self.band_from})")
        return self


class RangePay(Strict):
    """Pay outside Agenda for Change (social care, GP practices, doctors): a range with its year and source."""

    scheme: Literal["range"]
    minimum: float = Field(gt=0)
    maximum: float = Field(gt=0)
    period: Literal["hour", "year"]
    year: Annotated[str, StringConstraints(pattern=r"^20\d\d/\d\d$")]
    source: Source
    note: Sentence | None = None
    # Why an older year's figures are still the newest that could be checked (a pay award not yet published):
    # the catalogue check accepts older pay only with this reason, and the review report lists it.
    why_older: Sentence | None = None
    # The legal minimum wage applies to employees; a foster carer's allowance or a childminder's takings do not.
    basis: Literal["wage", "self-employed", "allowance"] = "wage"

    @model_validator(mode="after")
    def range_in_order(self) -> RangePay:
        if self.maximum < self.minimum:
            raise ValueError(f"maximum ({self.maximum}) is below minimum ({self.minimum})")
        if self.period == "hour" and self.maximum > 200:
            raise ValueError("an hourly rate above £200 looks like a yearly figure: check 'period'")
        if self.period == "year" and self.minimum < 1000:
            raise ValueError("a yearly salary below £1,000 looks like an hourly rate: check 'period'")
        return self


class VolunteerPay(Strict):
    """Unpaid roles (volunteering) are real ways in: say so plainly rather than invent a wage."""

    scheme: Literal["volunteer"]
    note: Sentence


Pay = Annotated[AgendaForChangePay | RangePay | VolunteerPay, Field(discriminator="scheme")]


class EntryRoute(Strict):
    type: RouteType
    title: ShortText
    description: Sentence
    entry_requirements: Sentence | None = None
    duration: ShortText | None = None
    # Paid from the first day of this way in, learning as you go: an apprenticeship, a trainee post, or a job that
    # takes people with no exams and trains them. Not a start as a volunteer, nor months of checks before any pay.
    earn_while_you_learn: bool = False
    # Open only to people already working in the field: "a level 5 apprenticeship for people who manage care
    # services" is a step up for staff, not a way in from school or college.
    for_people_in_post: bool = False
    standard_code: StandardCode | None = None
    level: int | None = Field(default=None, ge=1, le=8)
    t_level: ShortText | None = None
    specialism: ShortText | None = None
    # The shared route this way in follows (routes.yaml). A T Level route is found from `t_level` and an
    # apprenticeship from `standard_code`, so only other ways in name one.
    route: RouteId | None = None

    @model_validator(mode="after")
    def route_has_its_details(self) -> EntryRoute:
        if self.type == "apprenticeship":
            if self.standard_code is None or self.level is None:
                raise ValueError("an apprenticeship route needs 'standard_code' (like ST0216) and 'level'")
            if not self.earn_while_you_learn:
                raise ValueError("an apprenticeship is paid: set 'earn_while_you_learn: true'")
        if self.type == "t-level" and (self.t_level is None or self.specialism is None):
            raise ValueError("a T Level route needs 't_level' (its name) and 'specialism'")
        if self.type in ("degree", "postgraduate") and self.entry_requirements is None:
            raise ValueError(f"a {self.type} route needs 'entry_requirements'")
        return self


class Demands(Strict):
    physical: Level
    emotional: Level


EASY_READ_MAX_WORDS = 45
# Pay is added to the easy version from the pay data, so a written figure could only ever disagree with it.
_MONEY = re.compile(r"£|\d[\d,.]*\s*(?:k|pounds?)\b", re.IGNORECASE)


class EasyRead(Strict):
    """A short, plain version of a role for people who chose easy read: what you do, the way in, the hard part."""

    you_do: Sentence
    way_in: Sentence
    hard_part: Sentence

    @model_validator(mode="after")
    def short_and_without_pay(self) -> EasyRead:
        if self.word_count > EASY_READ_MAX_WORDS:
            raise ValueError(
                f"the easy read has {self.word_count} words; keep all three to {EASY_READ_MAX_WORDS} or fewer"
            )
        if _MONEY.search(self.text):
            raise ValueError("the easy read must not give pay: the page adds it from the pay data")
        return self

    @property
    def text(self) -> str:
        return " ".join((self.you_do, self.way_in, self.hard_part))

    @property
    def word_count(self) -> int:
        return len(self.text.split())


class Role(Strict):
    slug: Slug
    title: ShortText
    other_titles: list[ShortText] = Field(default_factory=list)
    family: Slug
    sectors: list[Sector] = Field(min_length=1)
    summary: Paragraph
    day_to_day: list[Sentence] = Field(min_length=3, max_length=8)
    where_you_work: list[ShortText] = Field(min_length=1)
    hours: Sentence
    shift_patterns: list[ShiftPattern] = Field(min_length=1)
    pay: Pay
    entry_routes: list[EntryRoute] = Field(min_length=1)
    kind: RoleKind = "job"
    minimum_age: int | None = Field(default=None, ge=13, le=40)
    age_note: Sentence | None = None  # where employers differ: "From 16 with some employers; most ask for 18."
    driving_licence_needed: bool = False
    skills: list[ShortText] = Field(min_length=3)
    interests: list[ShortText] = Field(min_length=2)
    riasec: RiasecCode
    demands: Demands
    hard_parts: list[Sentence] = Field(min_length=2)
    patient_facing: bool
    involves: list[Involvement]  # required: an empty list is a decision that none apply
    related: list[Slug] = Field(default_factory=list)
    next_steps: list[Slug] = Field(default_factory=list)
    leeds_employers: list[Slug] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    easy_read: EasyRead  # required: everyone who chose easy read gets a short version of every job
    # Evidence for the interest code: the closest O*NET occupation (or why none fits), and why the UK job's
    # code differs from O*NET's where it does.
    onet_code: OnetCode | None = None
    onet_none_reason: Sentence | None = None
    riasec_note: Sentence | None = None
    soc_code: SocCode | None = None  # UK Standard Occupational Classification 2020 unit group
    former_slugs: list[Slug] = Field(default_factory=list)  # old addresses that now lead here
    last_checked: date | None = None  # when someone last checked this file's facts against their sources

    @model_validator(mode="after")
    def no_self_links_or_repeats(self) -> Role:
        if len(set(self.riasec)) != len(self.riasec):
            raise ValueError(f"riasec '{self.riasec}' repeats a letter")
        for name in ("related", "next_steps"):
            links = getattr(self, name)
            if self.slug in links:
                raise ValueError(f"'{name}' links the role to itself")
            if len(set(links)) != len(links):
                raise ValueError(f"'{name}' lists the same role twice")
        if self.title.lower() in (t.lower() for t in self.other_titles):
            raise ValueError("'other_titles' repeats the title")
        if self.slug in self.former_slugs:
            raise ValueError("'former_slugs' lists the role's own slug")
        if self.onet_code and self.onet_none_reason:
            raise ValueError("give 'onet_code' or 'onet_none_reason', not both")
        volunteer_pay = self.pay.scheme == "volunteer"
        if volunteer_pay and self.kind not in vocabulary.UNPAID_KINDS:
            raise ValueError("unpaid (volunteer) pay needs kind 'volunteering' or 'cadets'")
        if self.kind in vocabulary.UNPAID_KINDS and not volunteer_pay:
            raise ValueError(f"a role of kind '{self.kind}' is unpaid: use 'scheme: volunteer' pay")
        return self

    @property
    def unpaid(self) -> bool:
        return self.kind in vocabulary.UNPAID_KINDS

    @property
    def earn_while_you_learn(self) -> bool:
        return any(route.earn_while_you_learn for route in self.entry_routes)


class RouteProvider(Strict):
    name: ShortText
    place: ShortText
    url: HttpUrl


class SharedRoute(Strict):
    """A way in that many jobs share: a T Level, a course, cadets, volunteering (routes.yaml)."""

    id: RouteId
    type: RouteKind
    title: ShortText
    summary: Sentence
    t_level: ShortText | None = None  # a T Level's own name, as role files give it
    level: int | None = Field(default=None, ge=1, le=8)
    length: ShortText
    years: float = Field(ge=0, le=8)  # how long, as a number, to put the quickest ways first
    minimum_age: int | None = Field(default=None, ge=11, le=25)
    entry: Sentence
    needs_english_maths: bool
    cost: Sentence
    starts: ShortText | None = None
    providers: list[RouteProvider] = Field(default_factory=list)  # who teaches or runs it in Leeds
    employers: list[Slug] = Field(default_factory=list)  # Leeds employers that take people on it (employers.yaml)
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def t_level_is_named(self) -> SharedRoute:
        if (self.type == "t-level") != (self.t_level is not None):
            raise ValueError("a T Level route, and only a T Level route, gives 't_level' (its name)")
        return self


class RoutesFile(Strict):
    routes: list[SharedRoute] = Field(min_length=1)


class Family(Strict):
    slug: Slug
    name: ShortText
    colour: Annotated[str, StringConstraints(pattern=r"^#[0-9a-f]{6}$")]  # the stripe on its cards, as #rrggbb
    summary: Paragraph


class Employer(Strict):
    slug: Slug
    name: ShortText
    kind: ShortText
    website: HttpUrl
    summary: Sentence


class PayBand(Strict):
    band: Band
    minimum: int = Field(gt=0)
    maximum: int = Field(gt=0)
    hourly_minimum: float = Field(gt=0)
    hourly_maximum: float = Field(gt=0)


class Glossary(Strict):
    """Acronyms and sector words, each explained in plain English."""

    terms: dict[Annotated[str, StringConstraints(min_length=2, max_length=40)], Sentence]

    @model_validator(mode="after")
    def terms_are_words(self) -> Glossary:
        bad = [t for t in self.terms if not re.fullmatch(r"[A-Za-z0-9&' -]+", t)]
        if bad:
            raise ValueError(f"glossary terms must be plain words: {', '.join(bad)}")
        return self
