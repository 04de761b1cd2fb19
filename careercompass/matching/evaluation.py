"""How good are the suggestions? Hit rates and reciprocal rank on labelled personas, against baselines.

Baselines are what a simpler tool would do with the same person:
  - keyword search: the free text and the chosen answers' words, searched in the role index;
  - embeddings only: the same words as one sentence, nearest roles by meaning;
  - quiz only: the hybrid matcher with the free text left out.
Deal-breaker violations count results that need something the persona ruled out (in answers or in words).

A persona set may also label, by hand, the limits that must hold (quiz deal-breakers or role properties, see
`Property`), the roles that would be absurd in a top five, and a split: a development half to tune on and a
held-out half that is only ever reported. Limits labelled in the file are checked against the catalogue's own
facts, so reading the words differently in the matcher cannot change what counts as a broken limit.

Intent searches ("part time", "no nights") are checked the same way: by properties of the roles returned, never
by their titles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from careercompass import vocabulary
from careercompass.catalogue import facets
from careercompass.matching.engine import MatchData, match
from careercompass.matching.quiz import Answers, parse_answers
from careercompass.matching.text import read_text
from careercompass.search.index import SearchIndex

TOP = 10
SHORTLIST = 5  # what a person sees first: absurd suggestions and intent searches are judged here
SPLITS = ("dev", "held_out")
DEALBREAKERS = vocabulary.by_id(vocabulary.DEALBREAKERS)

# --- Role facts and the small property language ---------------------------------------------------------------

RoleFacts = Mapping[str, Any]

# field -> the ids its values may take (None: free text, numbers or yes/no)
LIST_FIELDS: dict[str, tuple[str, ...] | None] = {
    "shift_patterns": vocabulary.ids(vocabulary.SHIFT_PATTERNS),
    "involves": vocabulary.ids(vocabulary.INVOLVEMENTS),
    "route_types": vocabulary.ids(vocabulary.ROUTE_TYPES),
    "sectors": vocabulary.ids(vocabulary.SECTORS),
}
SCALAR_FIELDS = ("family", "physical_demand", "emotional_demand", "riasec")
NUMBER_FIELDS = ("minimum_age", "pay_yearly_minimum", "pay_yearly_maximum")
YES_NO_FIELDS = ("earn_while_you_learn", "driving_licence_needed", "patient_facing", "volunteer")
LIST_OPERATORS = ("has", "has-any", "lacks", "has-other-than")
SCALAR_OPERATORS = ("is", "is-not", "in", "not-in")
NUMBER_OPERATORS = ("<=", ">=")


def role_facts(role: Any) -> dict[str, Any]:
    """The facts a limit or a wish can rest on, from a catalogue role (`catalogue.models.Role`)."""
    return {
        "slug": role.slug,
        "title": role.title,
        "family": role.family_slug,
        "sectors": list(role.sector_names),
        "shift_patterns": list(role.shift_pattern_names),
        "involves": list(role.involves or []),
        "route_types": [route.type for route in role.entry_routes],
        "needs_degree": facets.needs_degree(role),
        "minimum_age": role.minimum_age,
        "earn_while_you_learn": role.earn_while_you_learn,
        "driving_licence_needed": role.driving_licence_needed,
        "patient_facing": role.patient_facing,
        "physical_demand": role.physical_demand,
        "emotional_demand": role.emotional_demand,
        "riasec": role.riasec,
        "pay_yearly_minimum": role.pay_yearly_minimum,
        "pay_yearly_maximum": role.pay_yearly_maximum,
        "volunteer": role.unpaid,
    }


def catalogue_facts(session: Any) -> dict[str, dict[str, Any]]:
    """Facts for every role in the database, by slug."""
    from sqlalchemy import select

    from careercompass.catalogue import models

    return {role.slug: role_facts(role) for role in session.scalars(select(models.Role))}


@dataclass(frozen=True)
class Property:
    """One checkable statement about a role, written `field operator values`, for example:

        shift_patterns lacks nights            no night shifts
        shift_patterns has part-time-possible  part time is possible
        route_types has-other-than degree,postgraduate   some way in is not a degree
        involves lacks blood-and-needles       no blood or needles
        minimum_age <= 16                      open at 16 (a role with no stated minimum age fails)
        earn_while_you_learn is true
        family in nursing,midwifery

    List fields: has (every value), has-any, lacks (none of the values), has-other-than (some item outside the values).
    Other fields: is, is-not, in, not-in; numbers: <=, >=. Values are checked against the app's vocabulary.
    """

    text: str
    field: str
    operator: str
    values: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Property:
        parts = text.split()
        if len(parts) != 3:
            raise ValueError(f"'{text}' should be 'field operator values'")
        name, operator, raw = parts
        values = tuple(v for v in raw.split(",") if v)
        if name in LIST_FIELDS:
            allowed_operators: tuple[str, ...] = LIST_OPERATORS
            known = LIST_FIELDS[name]
            unknown = [v for v in values if known is not None and v not in known]
            if unknown:
                raise ValueError(f"'{text}': {unknown[0]} is not one of {', '.join(known or ())}")
        elif name in SCALAR_FIELDS:
            allowed_operators = SCALAR_OPERATORS
        elif name in NUMBER_FIELDS:
            allowed_operators = NUMBER_OPERATORS
            if len(values) != 1 or not values[0].isdigit():
                raise ValueError(f"'{text}': compare with one whole number")
        elif name in YES_NO_FIELDS:
            allowed_operators = ("is",)
            if values not in (("true",), ("false",)):
                raise ValueError(f"'{text}': should be true or false")
        else:
            known_fields = [*LIST_FIELDS, *SCALAR_FIELDS, *NUMBER_FIELDS, *YES_NO_FIELDS]
            raise ValueError(f"'{text}': {name} is not a field; use one of {', '.join(known_fields)}")
        if operator not in allowed_operators:
            raise ValueError(f"'{text}': {name} allows {', '.join(allowed_operators)}")
        if not values:
            raise ValueError(f"'{text}': no values")
        return cls(text, name, operator, values)

    def holds(self, facts: RoleFacts) -> bool:
        value = facts[self.field]
        wanted = self.values
        if self.field in LIST_FIELDS:
            present = set(value)
            return {
                "has": lambda: set(wanted) <= present,
                "has-any": lambda: bool(present & set(wanted)),
                "lacks": lambda: not present & set(wanted),
                "has-other-than": lambda: bool(present - set(wanted)),
            }[self.operator]()
        if self.field in NUMBER_FIELDS:
            if value is None:
                return False  # an unknown figure is no evidence either way, so it cannot honour a wish
            return value <= int(wanted[0]) if self.operator == "<=" else value >= int(wanted[0])
        if self.field in YES_NO_FIELDS:
            return bool(value) == (wanted[0] == "true")
        return {
            "is": lambda: value == wanted[0],
            "is-not": lambda: value != wanted[0],
            "in": lambda: value in wanted,
            "not-in": lambda: value not in wanted,
        }[self.operator]()


def parse_limit(text: str) -> str | Property:
    """A limit is a quiz deal-breaker's id or a property that must hold."""
    return text if text in DEALBREAKERS else Property.parse(text)


def breaks(limit: str, facts: RoleFacts) -> bool:
    if limit in DEALBREAKERS:
        dealbreaker = DEALBREAKERS[limit]
        return dealbreaker.rules_out(vocabulary.LimitFacts(
            involves=facts["involves"], shift_patterns=facts["shift_patterns"],
            driving_licence_needed=facts["driving_licence_needed"], emotional_demand=facts.get("emotional_demand", ""),
            title=facts.get("title", ""), needs_degree=facts["needs_degree"], minimum_age=facts["minimum_age"],
            unpaid=facts.get("volunteer", False), patient_facing=facts["patient_facing"],
        ))
    return not Property.parse(limit).holds(facts)


# --- Personas --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Persona:
    name: str
    answers: Answers
    accept: frozenset[str]
    kind: str = ""
    split: str = ""  # "dev" or "held_out"; empty in a set that is not split
    limits: tuple[str, ...] | None = None  # labelled by hand; None: read from the answers and the words
    absurd: frozenset[str] = field(default_factory=frozenset)

    @property
    def dealbreakers(self) -> frozenset[str]:
        return frozenset(o.id for o in self.answers.chosen("dealbreakers")) | read_text(self.answers.text).dealbreakers

    @property
    def must_hold(self) -> tuple[str, ...]:
        """The quiz's ticks and the hand-labelled limits; a set without labels falls back to the words as read."""
        if self.limits is None:
            return tuple(sorted(self.dealbreakers))
        ticks = [o.id for o in self.answers.chosen("dealbreakers")]
        return tuple(dict.fromkeys([*ticks, *self.limits]))

    def words(self) -> str:
        """Everything the person told us, as plain words: what simple baselines get to work with."""
        labels = [o.label for qid in self.answers.choices for o in self.answers.chosen(qid) if qid != "dealbreakers"]
        return ". ".join([self.answers.text, *labels]).strip(". ")


@dataclass(frozen=True)
class Scores:
    name: str
    hit_at_5: float
    hit_at_10: float
    mrr: float
    precision_at_10: float  # share of the ten results an adviser would accept
    violations: int  # results in the top ten that break one of the persona's limits
    absurd: int = 0  # results in the top five the persona's labels call absurd
    personas: int = 0


Ranker = Callable[[Persona], list[str]]


def load_personas(path: Path, known_slugs: set[str]) -> list[Persona]:
    personas = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        named = set(entry["accept"]) | set(entry.get("absurd") or ())
        unknown = sorted(named - known_slugs)
        if unknown:
            raise ValueError(f"persona '{entry['name']}' names roles that do not exist: {', '.join(unknown)}")
        if set(entry["accept"]) & set(entry.get("absurd") or ()):
            raise ValueError(f"persona '{entry['name']}' calls a role both right and absurd")
        split = entry.get("split", "")
        if split and split not in SPLITS:
            raise ValueError(f"persona '{entry['name']}': split should be one of {', '.join(SPLITS)}")
        limits = entry.get("dealbreakers")
        if limits is not None:
            for limit in limits:
                parse_limit(limit)  # a mistyped limit stops the run rather than passing unnoticed
        answers = parse_answers(entry.get("answers") or {}, entry.get("interests") or "")
        personas.append(Persona(
            entry["name"], answers, frozenset(entry["accept"]), kind=entry.get("kind", ""), split=split,
            limits=None if limits is None else tuple(limits), absurd=frozenset(entry.get("absurd") or ()),
        ))
    return personas


def score(name: str, ranker: Ranker, personas: list[Persona], data: MatchData,
          facts: Mapping[str, RoleFacts] | None = None) -> Scores:
    """Scores for one ranking. With catalogue facts, every labelled limit is checked; without, only deal-breakers."""
    hits5 = hits10 = 0
    reciprocal = precision = 0.0
    violations = absurd = 0
    for persona in personas:
        ranked = ranker(persona)[:TOP]
        ranks = [i for i, slug in enumerate(ranked, start=1) if slug in persona.accept]
        hits5 += bool(ranks and ranks[0] <= SHORTLIST)
        hits10 += bool(ranks)
        reciprocal += 1 / ranks[0] if ranks else 0.0
        precision += len(ranks) / TOP
        violations += sum(_breaks_a_limit(persona, slug, data, facts) for slug in ranked)
        absurd += sum(slug in persona.absurd for slug in ranked[:SHORTLIST])
    count = len(personas) or 1
    return Scores(name, hits5 / count, hits10 / count, reciprocal / count, precision / count, violations, absurd,
                  len(personas))


def _breaks_a_limit(persona: Persona, slug: str, data: MatchData, facts: Mapping[str, RoleFacts] | None) -> bool:
    if facts is None:
        return any(data.roles[data.index[slug]].rules_out(d) for d in persona.dealbreakers)
    return any(breaks(limit, facts[slug]) for limit in persona.must_hold)


def hybrid(data: MatchData) -> Ranker:
    return lambda persona: [m.slug for m in match(data, persona.answers, limit=TOP).matches]


def quiz_only(data: MatchData) -> Ranker:
    return lambda persona: [
        m.slug for m in match(data, Answers(choices=persona.answers.choices), limit=TOP).matches
    ]


def embeddings_only(data: MatchData) -> Ranker:
    def rank(persona: Persona) -> list[str]:
        words = persona.words()
        if not words:
            return []
        similarity = data.vectors @ data.encode([words])[0]
        return [data.roles[i].slug for i in np.argsort(-similarity)[:TOP]]

    return rank


def keyword_only(index: SearchIndex) -> Ranker:
    return lambda persona: [hit.slug for hit in index.search(persona.words(), limit=TOP).hits]


def rankers(data: MatchData, index: SearchIndex) -> list[tuple[str, Ranker]]:
    return [
        ("hybrid (quiz + words + deal-breakers)", hybrid(data)),
        ("quiz only", quiz_only(data)),
        ("embeddings only", embeddings_only(data)),
        ("keyword search only", keyword_only(index)),
    ]


def evaluate(data: MatchData, index: SearchIndex, personas: list[Persona],
             facts: Mapping[str, RoleFacts] | None = None) -> list[Scores]:
    return [score(name, ranker, personas, data, facts) for name, ranker in rankers(data, index)]


def evaluate_splits(data: MatchData, index: SearchIndex, personas: list[Persona],
                    facts: Mapping[str, RoleFacts] | None = None) -> dict[str, list[Scores]]:
    """Scores for the development half and the held-out half, each ranked by every ranker."""
    return {split: evaluate(data, index, [p for p in personas if p.split == split], facts) for split in SPLITS}


def table(results: list[Scores], persona_count: int) -> str:
    lines = [
        f"{persona_count} personas, top {TOP} results each",
        f"{'ranking':<40} {'hit@5':>6} {'hit@10':>7} {'MRR':>6} {'P@10':>6} {'deal-breaker violations':>24}",
    ]
    for r in results:
        lines.append(f"{r.name:<40} {r.hit_at_5:>6.2f} {r.hit_at_10:>7.2f} {r.mrr:>6.2f} {r.precision_at_10:>6.2f}"
                     f" {r.violations:>24}")
    return "\n".join(lines)


def split_table(results: dict[str, list[Scores]]) -> str:
    """Development and held-out scores side by side, one row per ranking."""
    dev, held = results["dev"], results["held_out"]
    count_dev = dev[0].personas if dev else 0
    count_held = held[0].personas if held else 0
    metrics = ("hit@5", "hit@10", "MRR", "broken", "absurd")
    head = " ".join(f"{m:>7}" for m in metrics)
    lines = [
        f"development: {count_dev} personas | held out: {count_held} personas "
        "(the file's header says how the held-out half was kept apart)",
        f"'broken': results in the top {TOP} that break a limit; 'absurd': results in the top {SHORTLIST} "
        f"labelled absurd",
        f"{'':<40} {'development':^39} | {'held out':^39}",
        f"{'ranking':<40} {head} | {head}",
    ]
    for d, h in zip(dev, held):
        lines.append(f"{d.name:<40} {_cells(d)} | {_cells(h)}")
    return "\n".join(lines)


def _cells(r: Scores) -> str:
    return f"{r.hit_at_5:>7.2f} {r.hit_at_10:>7.2f} {r.mrr:>7.2f} {r.violations:>7} {r.absurd:>7}"


# Done when, on the held-out half: a right role in the top five for 95% or more, no limit broken, nothing absurd.
HELD_OUT_HIT_AT_5 = 0.95
INTENT_SHARE = 0.90


def held_out_verdict(hybrid_held_out: Scores) -> list[str]:
    """What still falls short on the held-out personas, in words; empty when every target is met."""
    shortfalls = []
    if hybrid_held_out.hit_at_5 < HELD_OUT_HIT_AT_5:
        shortfalls.append(f"a right role in the top {SHORTLIST} for {hybrid_held_out.hit_at_5:.0%} "
                          f"(target {HELD_OUT_HIT_AT_5:.0%})")
    if hybrid_held_out.violations:
        shortfalls.append(f"{hybrid_held_out.violations} results break a limit (target 0)")
    if hybrid_held_out.absurd:
        shortfalls.append(f"{hybrid_held_out.absurd} absurd suggestions (target 0)")
    return shortfalls


# --- Intent searches -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IntentSearch:
    query: str
    kind: str
    every: tuple[Property, ...]  # the wish: must hold for every role in the top five
    some: tuple[Property, ...] = ()  # the rest of the words: must hold for at least one role in the top five
    at_least: int = 3  # fewer results than this fails, unless the catalogue itself has fewer that fit


@dataclass(frozen=True)
class IntentOutcome:
    search: IntentSearch
    slugs: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def honoured(self) -> bool:
        return not self.problems


def load_intent_searches(path: Path) -> list[IntentSearch]:
    searches = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["searches"]:
        every = tuple(Property.parse(text) for text in entry.get("every") or ())
        if not every:
            raise ValueError(f"search '{entry['q']}' has no property for every result")
        searches.append(IntentSearch(
            entry["q"], entry.get("kind", ""), every, tuple(Property.parse(text) for text in entry.get("some") or ()),
            int(entry.get("at_least", 3)),
        ))
    return searches


def fitting(search: IntentSearch, facts: Mapping[str, RoleFacts]) -> list[str]:
    """Catalogue roles that honour the whole search: proof that it can be honoured at all."""
    return [slug for slug, f in facts.items()
            if all(p.holds(f) for p in search.every) and all(p.holds(f) for p in search.some)]


def check_intent(search: IntentSearch, slugs: Iterable[str], facts: Mapping[str, RoleFacts]) -> IntentOutcome:
    slugs = tuple(slugs)
    top = slugs[:SHORTLIST]
    problems = []
    if len(slugs) < search.at_least:
        problems.append(f"only {len(slugs)} results")
    for prop in search.every:
        broken = [slug for slug in top if not prop.holds(facts[slug])]
        if broken:
            problems.append(f"'{prop.text}' fails for {', '.join(broken)}")
    for prop in search.some:
        if not any(prop.holds(facts[slug]) for slug in top):
            problems.append(f"no result in the top {SHORTLIST} has '{prop.text}'")
    return IntentOutcome(search, slugs, tuple(problems))


def intent_report(outcomes: list[IntentOutcome]) -> str:
    honoured = sum(o.honoured for o in outcomes)
    lines = [f"intent searches honoured: {honoured} of {len(outcomes)} ({honoured / (len(outcomes) or 1):.0%}, "
             f"target {INTENT_SHARE:.0%})"]
    for outcome in outcomes:
        if not outcome.honoured:
            lines.append(f"  '{outcome.search.query}': {'; '.join(outcome.problems)}")
    return "\n".join(lines)
