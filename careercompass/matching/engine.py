"""The recommender: quiz answers and free text in, ten varied and explained roles out.

A role's score mixes three things, each scaled to be comparable across roles:
  - interests: the person's RIASEC profile (from the activities and values they chose) against the role's;
  - their own words: how close the free text is to the role, by sentence embeddings;
  - practical fit: people or behind the scenes, pace, feelings, being active, how long they want to study.
Deal-breakers are hard filters, never just a lower score. The top of the list is then re-picked by maximal
marginal relevance, so ten results span the sector instead of ten kinds of nurse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from careercompass import vocabulary
from careercompass.matching import explain
from careercompass.matching.quiz import RIASEC, Answers
from careercompass.matching.reranker import BLEND, Reranker
from careercompass.matching.text import ReadText, read_text
from careercompass.matching.wording import Fix, Spelling, as_typed, meaning, singular
from careercompass.vocabulary import WishTopic

ROLE_LETTER_WEIGHTS = (1.0, 0.6, 0.35)
ANSWER_LETTER_WEIGHTS = (1.0, 0.5)
DIVERSITY_POOL = 40
DIVERSITY_LAMBDA = 0.85
MAX_PER_FAMILY = 3

STUDY_ROUTE_FIT = explain.STUDY_ROUTE_FIT
LEFT_EDUCATION_NUDGE = 0.6  # "i left school": ways in that start now come a little higher (see practical_scores)

# Weights of the parts of the score, found on the persona set (careercompass evaluate). "topic" lifts the real
# work nearest to a wish that has no job here (animals, cars), in place of words that match nothing.
STARTING_JOB_ORDER = {slug: place for place, slug in enumerate(vocabulary.STARTING_JOBS)}
WEIGHTS = {"interests": 1.0, "text": 1.6, "practical": 0.8, "topic": 1.6,
           "kin": 1.6,  # like the work a wish points to, where the person's own limits rule that work out
           "named": 4.0,  # a job named outright ("physio") comes near the top whatever else the words say
           # A job that leads on to one the person named but their own limits rule out: a therapy assistant for
           # "i want to be a physio but i dont want uni".
           "steps": 3.0}
KIN_CLOSE = 1.5  # standard units above the average role: like that work enough to say so in a reason
# A name shared by more roles than this ("support worker") says too little to lift any of them.
MOST_ROLES_PER_NAME = 4
POSSESSIVES = frozenset({"my", "me", "our", "his", "her", "their", "your"})  # see named_roles
# Words whose closest roles (this many) are all ruled out by one of the person's own limits are a wish that cannot be
# met here: they are never quoted for the roles left, and the page says why.
CLOSEST_CHECKED = 5
MOST_RULED_OUT_TO_BLOCK = 0.45  # the share of all roles a deal-breaker may rule out and still block words
# The share of those closest roles that must be ruled out: all but one, since a near miss often slips in among them
# ("want to be a nurse like my auntie": four nursing jobs, and a ward housekeeper).
CLOSEST_RULED_OUT_SHARE = 0.8
NAME_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Unpaid volunteering sinks below paid jobs unless the person asks to volunteer or is too young for paid work.
VOLUNTEER_DROP = 3.0
# The jobs most people start in come a little higher whatever was said: a base rate, which decides between roles
# the evidence rates alike (the quiz alone rates dozens of care roles the same), and too small to overturn words.
COMMON_NUDGE = 0.6
# Words not even this close in meaning to any role (see explain.WORDS_CLOSE) match nothing: ranking on them
# would only pick a random near miss, so the results go on the quiz answers and the page says so.
WORDS_RELEVANT = 0.25
NEAR_WORDS = 1.5  # standard units: words near enough a role to call it "a little like what you wrote"
# How many of the jobs closest to some words set the kinds of work (families) a quote of them may be for. Read on
# the quotes of eight persona sets: with 10, 61 of 822 went, most of them resting on a shared word ("the nhs or do
# they all want a 4" for a 111 health adviser); with 20, the IT field technician was still quoted "nurse".
KIND_OF_WORK_CLOSEST = 10

# Soft preferences judged by meaning: a phrase per answer, compared with each role's embedding.
PREFERENCE_PHRASES = {
    ("setting", "hospital"): "working on hospital wards and departments",
    ("setting", "homes"): "caring for people in their own homes and care homes",
    ("setting", "lab"): "working in a laboratory or workshop with equipment and samples",
    ("setting", "office"): "office work at a computer with records, data and phone calls",
    ("setting", "road"): "driving out on the road to emergencies and to people's homes",
    ("setting", "community"): "working in schools, clinics and community centres",
    ("pace", "calm"): "calm, steady and quiet routine work",
    ("pace", "fast"): "fast-paced emergencies, busy and exciting with no two days the same",
    # "Fixing" shares its interest letter with "being active"; only its meaning tells a joiner from a porter.
    ("activities", "fixing"): "fixing, repairing and building things with tools, and maintaining equipment",
    # "Keeping things neat, checked and in order" reads to young people as cleaning and stocking as much as paperwork.
    ("activities", "tidy"): "keeping wards, stores and records clean, tidy, checked and in order",
    ("values", "excitement"): "exciting and varied work, emergencies and quick decisions",
    ("values", "calm"): "calm, steady and quiet routine work",
    ("values", "science"): "using science, tests and the human body",
    ("values", "tech"): "using computers, technology and data",
    ("values", "creative"): "creative work with art, music, drama and making things",
}


@dataclass(frozen=True)
class RoleFacts:
    """What the matcher needs to know about one role (read from the database once, then kept in memory)."""

    slug: str
    title: str
    family: str
    riasec: str
    patient_facing: bool
    physical: str
    emotional: str
    route_types: frozenset[str]
    earn_while_you_learn: bool
    pay_max: int
    shift_patterns: frozenset[str]
    driving_licence_needed: bool
    involves: frozenset[str]
    minimum_age: int | None
    tasks: tuple[str, ...]
    interests: tuple[str, ...] = ()
    other_titles: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    routes: tuple[tuple[str, int | None, bool], ...] = ()  # (kind, apprenticeship level, only for people in post)
    unpaid: bool = False  # volunteering
    needs_degree: bool = False  # every way in goes through a degree (catalogue.facets.needs_degree)
    next_steps: tuple[str, ...] = ()  # the roles this one leads on to, up the ladder
    by_phone: bool = False  # works with people by phone or from a control room, not face to face

    def ways_in(self) -> frozenset[str]:
        kinds = explain.ways_in(self.routes or tuple((kind, None, False) for kind in self.route_types))
        # Where every way in goes through a degree, a T Level is a first step towards it ("Health T Level, then
        # university" for a physiotherapist), not a way into the job after a year or two of study.
        return kinds - {"t-level"} if self.needs_degree else kinds

    def view(self) -> explain.RoleView:
        return explain.RoleView(
            title=self.title, riasec=self.riasec, patient_facing=self.patient_facing, by_phone=self.by_phone,
            physical=self.physical, earn_while_you_learn=self.earn_while_you_learn, kinds=self.ways_in(),
            minimum_age=self.minimum_age, unpaid=self.unpaid, starting_job=self.slug in STARTING_JOB_ORDER,
            pay_max=int(self.pay_max),
        )

    def rules_out(self, dealbreaker: str) -> bool:
        """True when this role breaks the deal-breaker (an id from the vocabulary; an unknown one is an error)."""
        return vocabulary.DEALBREAKERS_BY_ID[dealbreaker].rules_out(vocabulary.LimitFacts(
            involves=self.involves, shift_patterns=self.shift_patterns,
            driving_licence_needed=self.driving_licence_needed, emotional_demand=self.emotional, title=self.title,
            needs_degree=self.needs_degree, minimum_age=self.minimum_age, unpaid=self.unpaid,
            patient_facing=self.patient_facing,
        ))


@dataclass
class MatchData:
    roles: list[RoleFacts]
    vectors: np.ndarray  # role embeddings, one unit row per role, in the order of `roles`
    task_vectors: np.ndarray  # one unit row per task sentence
    task_owner: np.ndarray  # index into `roles` for each task row
    encode: Callable[[list[str]], np.ndarray]
    reranker: Reranker | None = None
    _riasec: np.ndarray = field(init=False)
    _phrases: dict[tuple[str, str], np.ndarray] = field(init=False)

    def __post_init__(self) -> None:
        self._riasec = np.stack([letter_vector(r.riasec, ROLE_LETTER_WEIGHTS) for r in self.roles])
        keys = list(PREFERENCE_PHRASES)
        phrase_vectors = self.encode([PREFERENCE_PHRASES[k] for k in keys])
        self._phrases = {key: _standardise(self.vectors @ vector) for key, vector in zip(keys, phrase_vectors)}
        self.index = {role.slug: i for i, role in enumerate(self.roles)}
        level = {"low": 0.0, "medium": 0.5, "high": 1.0}
        self._role_features = np.array(
            [[r.patient_facing, level[r.physical], level[r.emotional], r.earn_while_you_learn] for r in self.roles],
            dtype=np.float32,
        )
        self._pay = _standardise(np.array([r.pay_max for r in self.roles], dtype=np.float32))
        # For "Good pay": on a log scale, so that a chief executive's salary does not swamp the rest.
        self._log_pay = _standardise(np.log(np.array([max(r.pay_max, 1) for r in self.roles], dtype=np.float32)))
        self._views = [r.view() for r in self.roles]
        self._unpaid = np.array([r.unpaid for r in self.roles], dtype=bool)
        # The words that name a job ("nurse", "doctor", "surgeon"): the last word of every title.
        self._job_words = frozenset(_stems(r.title)[-1] for r in self.roles if r.title.split())
        self._ruled_out: dict[str, np.ndarray] = {}
        # With nothing to go on: the jobs most people start in, in their order, above the rest anyone can start.
        # Small beside a wish's own roles (topic_lift), so that "i love animals" still shows those first.
        # The same jobs as a base rate whatever was said, the first highest (see COMMON_NUDGE).
        self._common = np.array([1.0 - 0.04 * STARTING_JOB_ORDER[r.slug] if r.slug in STARTING_JOB_ORDER else 0.0
                                 for r in self.roles], dtype=np.float32)
        self._starting = np.array(
            [(1.0 if "no-qualifications" in r.route_types else 0.0)
             + (0.5 - 0.02 * STARTING_JOB_ORDER[r.slug] if r.slug in STARTING_JOB_ORDER else 0.0) for r in self.roles],
            dtype=np.float32,
        )

    def ruled_out_by(self, dealbreaker: str) -> np.ndarray:
        """Which roles the deal-breaker rules out, worked out once per deal-breaker (an unknown one is an error)."""
        if dealbreaker not in self._ruled_out:
            self._ruled_out[dealbreaker] = np.array([r.rules_out(dealbreaker) for r in self.roles], dtype=bool)
        return self._ruled_out[dealbreaker]

    @cached_property
    def names(self) -> dict[tuple[str, ...], tuple[int, ...]]:
        """Each role's title and other titles as words ("physio", "mental health nurse"), to the roles so named."""
        named: dict[tuple[str, ...], set[int]] = {}
        for i, role in enumerate(self.roles):
            for name in (role.title, *role.other_titles):
                words = tuple(NAME_WORD.findall(name.lower()))
                if words and not any(word.isdigit() for word in words):
                    named.setdefault(words, set()).add(i)
        return {words: tuple(sorted(found)) for words, found in named.items() if len(found) <= MOST_ROLES_PER_NAME}

    @cached_property
    def spelling(self) -> Spelling:
        """Spelling fixes from these roles' own words, worked out once per version of the roles."""
        return Spelling.from_texts(((r.title, *r.other_titles, *r.tasks, *r.skills, *r.interests) for r in self.roles),
                                   job_names=(name for r in self.roles for name in (r.title, *r.other_titles)))


@dataclass(frozen=True)
class Match:
    slug: str
    title: str
    family: str
    score: float  # 0 to 100: how well the role fits, relative to the rest of the catalogue
    reasons: tuple[str, ...]
    features: tuple[float, ...] = ()  # what the ranking saw, kept with feedback to train the re-ranker
    strength: str = ""  # "Strong match", "Good match" or "Worth a look"
    strength_why: str = ""  # the strength's reason, in words
    unpaid: bool = False


@dataclass(frozen=True)
class MatchResult:
    matches: list[Match]
    dealbreakers: frozenset[str]  # from the quiz and from the person's own words
    excluded_by_dealbreakers: int
    read: ReadText
    words: Words | None = None  # what the person's own words could and could not be matched on
    text: str = ""  # the words as the person typed them

    @cached_property
    def words_looked_for(self) -> tuple[str, ...]:
        """The person's words that jobs were looked for with, as typed: close to some job, a wish with no job here, or
        a wish their own limits rule out. Words that carry no meaning ("idk") and words close to no job are not."""
        if self.words is None:
            return ()
        used = {*self.words.clauses, *(clause for _, clause in self.words.topics),
                *(clause for clause, _ in self.words.blocked)}
        return self._as_typed(clause for clause in self.read.likes if clause in used)

    @cached_property
    def words_not_used(self) -> tuple[str, ...]:
        """The person's words that no job here is close to, as typed."""
        return self._as_typed(self.words.unmatched) if self.words is not None else ()

    def _as_typed(self, clauses: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(as_typed(clause, self.read.fixes, self.text)[0] for clause in clauses))


@dataclass(frozen=True)
class Words:
    """The person's words, judged as evidence: which clauses are close to some role, which name a wish with no
    job here, and whether they carried any meaning at all."""

    clauses: tuple[str, ...] = ()  # clauses close enough in meaning to some role to match on
    closeness: np.ndarray | None = None  # one row per clause, one column per role (explain.WORDS_CLOSE)
    vectors: np.ndarray | None = None  # one row per clause
    topics: tuple[tuple[WishTopic, str], ...] = ()  # wishes with no job here, with the clause that said each
    unmatched: tuple[str, ...] = ()  # clauses with meaning that are close to no role
    # Clauses whose closest roles the person's own "definite no" answers all rule out ("want to be a nurse" with no
    # blood), with that deal-breaker: the page says so, and they are never quoted for the roles that are left.
    blocked: tuple[tuple[str, str], ...] = ()
    # The roles closest to those clauses: the work they point to. Jobs like these that the person's limits allow
    # rank in their place ("a nurse, but no blood": care and support work), with a reason saying so.
    blocked_roles: tuple[int, ...] = ()
    no_meaning: bool = False  # they wrote something, but nothing in it says what they like ("idk", "lol")
    fixes: tuple[Fix, ...] = ()  # spelling put right in the clauses, undone where they are quoted
    # Clauses that name a job ("i want to be a paramedic"), with the families of the jobs named: quoted only for jobs
    # in those families, since "You wrote 'i want to be a paramedic', and as a physiotherapist you..." would say they
    # asked for that.
    naming: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def used(self) -> bool:
        return bool(self.clauses or self.topics)


def letter_vector(letters: str, weights: Sequence[float]) -> np.ndarray:
    vector = np.zeros(len(RIASEC), dtype=np.float32)
    for letter, weight in zip(letters, weights):
        vector[RIASEC.index(letter)] += weight
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def _standardise(values: np.ndarray) -> np.ndarray:
    spread = values.std()
    return (values - values.mean()) / spread if spread > 1e-9 else np.zeros_like(values)


def interest_profile(answers: Answers) -> np.ndarray:
    total = np.zeros(len(RIASEC), dtype=np.float32)
    for question_id in ("activities", "values", "people", "setting", "pace", "physical"):
        for option in answers.chosen(question_id):
            total += letter_vector(option.riasec, ANSWER_LETTER_WEIGHTS) if option.riasec else 0
    norm = np.linalg.norm(total)
    return total / norm if norm else total


def practical_scores(data: MatchData, answers: Answers, left_education: bool = False) -> np.ndarray:
    """Practical fit per role, in rough standard units (positive is better).

    `left_education`: they said they have left school or college ("i left school"). Unless the quiz's study question
    says otherwise, ways in that start now (a job or an apprenticeship) come a little higher. No reason claims they
    asked for that: the words only nudge the order.
    """
    score = np.zeros(len(data.roles), dtype=np.float32)
    facing, physical, emotional, earns = data._role_features.T  # worked out once per catalogue (MatchData)

    people = answers.one("people")
    if people == "lots":
        score += 0.8 * (facing - 0.5)
    elif people == "behind":
        score -= 1.6 * (facing - 0.5)
    physical_answer = answers.one("physical")
    if physical_answer == "yes":
        score += 0.8 * (physical - 0.5)
    elif physical_answer == "sitting":
        score -= 1.2 * (physical - 0.5)
    feelings = answers.one("feelings")
    if feelings == "rather_not":
        score -= 1.2 * (emotional - 0.3)
    elif feelings == "fine":
        score += 0.3 * (emotional - 0.5)

    study = answers.one("study")
    if study in STUDY_ROUTE_FIT:
        stage = answers.one("stage")
        best = np.array([explain.study_fit(study, stage, view.kinds) for view in data._views], dtype=np.float32)
        score += (1.4 if study == "asap" else 0.8) * best
    elif left_education:
        best = np.array([explain.study_fit("asap", None, view.kinds) for view in data._views], dtype=np.float32)
        score += LEFT_EDUCATION_NUDGE * best

    chosen_values = {o.id for o in answers.chosen("values")}
    if "earn" in chosen_values:
        score += np.where(earns > 0, 0.8, -0.4).astype(np.float32)
    if "pay" in chosen_values:
        score += 0.6 * data._log_pay
    if "helping" in chosen_values and people != "behind":  # helping from behind the scenes is helping too
        score += 0.4 * (facing - 0.5)

    said: set[str] = set()  # a calm pace and a calm day are one wish, not two: counted twice, it favoured desk jobs
    for question_id in ("activities", "setting", "pace", "values"):
        keys = [(question_id, o.id) for o in answers.chosen(question_id) if (question_id, o.id) in data._phrases]
        picked = [data._phrases[key] for key in keys if PREFERENCE_PHRASES[key] not in said]
        said.update(PREFERENCE_PHRASES[key] for key in keys)
        if picked:
            score += 0.5 * np.mean(picked, axis=0)
    return score


def match(data: MatchData, answers: Answers, limit: int = 10, exclude: Sequence[str] = (),
          set_aside: Collection[str] = ()) -> MatchResult:
    """`set_aside`: what the person took back from what was read in their words (see text.read_text)."""
    read = read_text(answers.text, data.spelling, set_aside)
    quiz_answered = bool(answers.choices)  # before what was said in words fills in skipped questions
    profile = interest_profile(read.filling_in(answers, values=False))
    answers = read.filling_in(answers)  # a stage said in words counts when the quiz's question was skipped
    dealbreakers = frozenset(o.id for o in answers.chosen("dealbreakers")) | read.dealbreakers
    ruled_out = np.zeros(len(data.roles), dtype=bool)
    for dealbreaker in dealbreakers:
        ruled_out |= data.ruled_out_by(dealbreaker)
    excluded = set(exclude)
    dismissed = np.array([r.slug in excluded for r in data.roles])
    allowed = ~ruled_out & ~dismissed
    excluded_by_dealbreakers = int(ruled_out.sum())

    parts: dict[str, np.ndarray] = {}
    if profile.any():
        parts["interests"] = _standardise(data._riasec @ profile)
    words = read_words(data, answers, read, dealbreakers)
    if words.clauses:
        text_vector = data.encode([". ".join(meaning(c) for c in words.clauses)])[0]
        parts["text"] = _standardise(data.vectors @ text_vector)
    if words.blocked_roles:
        parts["kin"] = _standardise(data.vectors @ data.vectors[list(words.blocked_roles)].mean(axis=0))
    if words.topics:
        parts["topic"] = topic_lift(data, [topic for topic, _ in words.topics])
    named, names_said, naming = named_roles(data, read.likes)
    if naming:
        words = replace(words, naming=naming)
    if named.any():
        parts["named"] = named
        steps = stepping_stones(data, named > 0, ruled_out)
        if steps.any():
            parts["steps"] = steps
    practical = practical_scores(data, answers, left_education=read.left_education)
    if practical.any():
        parts["practical"] = practical
    # Nothing else to go on (no answers, or only a wish with no job here): the jobs most people start in, then
    # others anyone can start. A learned score has no evidence to work on here, so it is not asked. Practical facts
    # alone (age, how soon, needing a wage) say how a person can get in, not which work they would like: they start
    # from the same jobs.
    nothing_to_go_on = not parts.keys() - {"topic"}
    nothing_liked = not parts.keys() - {"topic", "practical", "named"}  # and below a job named, the same
    total = data._starting if nothing_liked else COMMON_NUDGE * data._common
    total = total + sum(WEIGHTS[name] * values for name, values in parts.items())
    total = np.asarray(total, dtype=np.float32)
    features = feature_matrix(data, parts)
    if data.reranker is not None and not nothing_to_go_on:
        total = total + BLEND * _standardise(data.reranker.scores(features))
    if not explain.volunteering_welcome(answers, dealbreakers):
        total = total - VOLUNTEER_DROP * data._unpaid

    chosen = diverse_top(data, total, allowed, limit)
    strengths = _strengths(total, allowed)
    standing = _standing(total, allowed)
    leaning = {name: data._phrases[("values", name)] for name in ("tech", "excitement", "calm")}
    matches = []
    used_tasks: set[int] = set()
    kin_limit = words.blocked[0][1] if words.blocked else None
    towards = _steps_towards(data, named, ruled_out, dealbreakers) if "steps" in parts else {}
    for i in chosen:
        if i in towards:
            blocked_reason: str | None = towards[i]
        elif kin_limit is not None and "kin" in parts and parts["kin"][i] >= KIN_CLOSE:
            blocked_reason = explain.like_blocked_reason(kin_limit)
        else:
            blocked_reason = None
        reasons, quoted, evidence, topic = _reasons(data, i, answers, words, leaning, used_tasks, names_said.get(i),
                                                    blocked_reason, quiz_answered)
        label, why = explain.strength(float(standing[i]), quoted, evidence, topic, data.roles[i].unpaid)
        matches.append(Match(
            slug=data.roles[i].slug,
            title=data.roles[i].title,
            family=data.roles[i].family,
            score=round(float(strengths[i]), 1),
            reasons=tuple(reasons),
            features=tuple(round(float(v), 4) for v in features[i]),
            strength=label,
            strength_why=why,
            unpaid=data.roles[i].unpaid,
        ))
    return MatchResult(matches=matches, dealbreakers=dealbreakers,
                       excluded_by_dealbreakers=excluded_by_dealbreakers, read=read, words=words, text=answers.text)


def read_words(data: MatchData, answers: Answers, read: ReadText, dealbreakers: Collection[str] = ()) -> Words:
    """Judge the person's words as evidence (see Words): never match on words that say nothing or match nothing,
    and note the words whose closest jobs the person has ruled out, so that they are never quoted."""
    likes = [clause for clause in read.likes if not explain.carries_no_meaning(clause)]
    said_something = bool(likes or read.dealbreakers or read.stage
                          or any(not explain.carries_no_meaning(d) for d in read.dislikes))
    no_meaning = bool(answers.text.strip()) and not said_something
    if not likes:
        return Words(no_meaning=no_meaning)
    vectors = data.encode([meaning(clause) for clause in likes])
    closeness = _closeness(data, vectors)
    kept, topics, unmatched, blocked = [], [], [], []
    blocked_roles: dict[int, None] = {}
    for row, clause in enumerate(likes):
        best = float(closeness[row].max())
        if (ruled_out_by := _closest_ruled_out(data, closeness[row], dealbreakers)) is not None:
            blocked.append((clause, ruled_out_by))  # ranked on through the jobs it points to, never quoted
            blocked_roles.update(dict.fromkeys(int(i) for i in np.argsort(-closeness[row])[:CLOSEST_CHECKED]))
            continue
        topic = explain.topic_named(clause)
        if topic is None and best < WORDS_RELEVANT:
            topic = explain.topic_mentioned(clause)
        elif topic is None and best < explain.WORDS_CLOSE:
            # Not close enough to any job to quote, and naming a wish with no job here: "i cut all the lads hair on my
            # estate" (a job as close as a quote needs, such as a zoo keeper added by staff, is matched as usual).
            # Work that is about the wish ("i like fixing bikes") is still matched on the words themselves.
            mentioned = explain.topic_mentioned(clause)
            topic = mentioned if mentioned is not None and not mentioned.jobs_about_it else None
        if topic is not None and (topic.jobs_about_it or best < explain.TOPIC_WORDS_CLOSE):
            if topic not in [t for t, _ in topics]:
                topics.append((topic, clause))
        elif best < WORDS_RELEVANT:
            unmatched.append(clause)
        else:
            kept.append(row)
    return Words(clauses=tuple(likes[row] for row in kept), closeness=closeness[kept], vectors=vectors[kept],
                 topics=tuple(topics), unmatched=tuple(unmatched), no_meaning=no_meaning, blocked=tuple(blocked),
                 blocked_roles=tuple(blocked_roles), fixes=read.fixes)


def _closest_ruled_out(data: MatchData, closeness: np.ndarray, dealbreakers: Collection[str]) -> str | None:
    """A deal-breaker that rules out nearly all of the roles closest to some words, when that says something: one
    that rules out most jobs anyway (nights and weekends) would block any words by chance."""
    closest = np.argsort(-closeness)[:CLOSEST_CHECKED]
    for dealbreaker in sorted(dealbreakers):
        ruled_out = data.ruled_out_by(dealbreaker)
        if ruled_out.mean() <= MOST_RULED_OUT_TO_BLOCK and ruled_out[closest].mean() >= CLOSEST_RULED_OUT_SHARE:
            return dealbreaker
    return None


def _closeness(data: MatchData, vectors: np.ndarray) -> np.ndarray:
    """How close each text is to each role: the role as a whole, and its single closest task (see TASK_SHARE)."""
    whole = vectors @ data.vectors.T
    task = np.full_like(whole, -1.0)
    task_similarity = vectors @ data.task_vectors.T
    for row in range(len(vectors)):
        np.maximum.at(task[row], data.task_owner, task_similarity[row])
    return (1 - TASK_SHARE) * whole + TASK_SHARE * task


def named_roles(data: MatchData, likes: Sequence[str]
                ) -> tuple[np.ndarray, dict[int, str], dict[str, frozenset[str]]]:
    """1 for a role the person names in what they like ("physio for leeds united", "be a paramedic"), shared between
    the roles with that name; the name as written for each; and for each like that names a job, the families of the
    jobs it names (see Words.naming). The longest name found wins ("mental health nurse", not "nurse")."""
    lift = np.zeros(len(data.roles), dtype=np.float32)
    said: dict[int, str] = {}
    naming: dict[str, frozenset[str]] = {}
    longest = max((len(words) for words in data.names), default=0)
    for like in likes:
        families: set[str] = set()
        words = [word.removesuffix("s") if word.endswith("s") and word[:-1] else word
                 for word in NAME_WORD.findall(like.lower())]
        taken: set[int] = set()
        for size in range(min(longest, len(words)), 0, -1):
            for at in range(len(words) - size + 1):
                span = set(range(at, at + size))
                span_words = words[at:at + size]
                found = (data.names.get(tuple(span_words))
                         or data.names.get(tuple(NAME_WORD.findall(" ".join(span_words) + "s")))
                         or data.names.get(tuple(explain.NAMED_BY_PLACE.get(word, word) for word in span_words)))
                # "my sisters prom", "me nan's nurse": someone in their life, not a job they name.
                if found and at > 0 and words[at - 1] in POSSESSIVES:
                    continue
                if found and not span & taken:
                    taken |= span
                    for index in found:
                        lift[index] = max(lift[index], 1.0 / len(found))
                        said.setdefault(index, " ".join(span_words))
                        families.add(data.roles[index].family)
        if families:
            naming[like] = naming.get(like, frozenset()) | families
    return lift, said, naming


def stepping_stones(data: MatchData, named: np.ndarray, ruled_out: np.ndarray) -> np.ndarray:
    """1 for each role that leads on (next_steps) to a named role the person's own limits rule out: the way towards
    that job they can take now. Nothing when no named role is ruled out."""
    blocked = {data.roles[i].slug for i in np.flatnonzero(named & ruled_out)}
    return np.array([bool(blocked & set(role.next_steps)) for role in data.roles], dtype=np.float32)


def _steps_towards(data: MatchData, named: np.ndarray, ruled_out: np.ndarray,
                   dealbreakers: Collection[str]) -> dict[int, str]:
    """For each stepping stone (see stepping_stones), the reason: which named job it leads to, and what about it is
    free of the limit that ruled that job out."""
    reasons: dict[int, str] = {}
    for blocked in np.flatnonzero((named > 0) & ruled_out):
        target = data.roles[blocked]
        limit = next(d for d in sorted(dealbreakers) if target.rules_out(d))
        for i, role in enumerate(data.roles):
            if target.slug in role.next_steps and not role.rules_out(limit):
                reasons.setdefault(i, explain.step_towards_reason(target.title, limit))
    return reasons


def topic_lift(data: MatchData, topics: Sequence[WishTopic]) -> np.ndarray:
    """The hand-picked roles nearest to wishes with no job here, nearest first; nothing for any other role."""
    lift = np.zeros(len(data.roles), dtype=np.float32)
    for topic in topics:
        present = [data.index[slug] for slug in topic.roles if slug in data.index]
        for position, index in enumerate(present):
            lift[index] = max(lift[index], 2.5 - 0.1 * position)
    return lift


def _standing(total: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """How far each score stands above the average allowed role, in standard units."""
    pool = total[allowed] if allowed.any() else total
    spread = float(pool.std())
    return (total - float(pool.mean())) / spread if spread > 1e-9 else np.zeros_like(total)


def feature_matrix(data: MatchData, parts: dict[str, np.ndarray]) -> np.ndarray:
    """One row per role, in the order of reranker.FEATURE_NAMES."""
    count = len(data.roles)
    zeros = np.zeros(count, dtype=np.float32)
    columns = [parts.get("interests", zeros), parts.get("text", zeros), parts.get("practical", zeros)]
    return np.column_stack([*columns, data._role_features, data._pay]).astype(np.float32)


def diverse_top(data: MatchData, total: np.ndarray, allowed: np.ndarray, limit: int) -> list[int]:
    """Maximal marginal relevance over the best candidates, with at most MAX_PER_FAMILY from one family."""
    candidates = [int(i) for i in np.argsort(-total) if allowed[i]][:DIVERSITY_POOL]
    if not candidates:
        return []
    scores = total[candidates]
    relevance = (scores - scores.min()) / (np.ptp(scores) or 1.0)
    chosen: list[int] = []
    per_family: dict[str, int] = {}
    remaining = list(range(len(candidates)))
    while remaining and len(chosen) < limit:
        best, best_value = None, -np.inf
        for position in remaining:
            index = candidates[position]
            family = data.roles[index].family
            if per_family.get(family, 0) >= MAX_PER_FAMILY:
                continue
            similarity = 0.0
            if chosen:
                similarity = float(np.max(data.vectors[chosen] @ data.vectors[index]))
                similarity = 0.6 * similarity + 0.4 * min(1.0, per_family.get(family, 0) / 2)
            value = DIVERSITY_LAMBDA * relevance[position] - (1 - DIVERSITY_LAMBDA) * similarity
            if value > best_value:
                best, best_value = position, value
        if best is None:
            break
        remaining.remove(best)
        index = candidates[best]
        chosen.append(index)
        per_family[data.roles[index].family] = per_family.get(data.roles[index].family, 0) + 1
    return chosen


def _strengths(total: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Turn raw scores into 0-100: the share of allowed roles this one beats."""
    pool = np.sort(total[allowed]) if allowed.any() else np.sort(total)
    return 100.0 * np.searchsorted(pool, total, side="right") / max(1, len(pool))


# How much a role's single closest task counts against its description as a whole, when searching by meaning.
TASK_SHARE = explain.TASK_SHARE


def closest_in_meaning(data: MatchData, text: str, limit: int = 10) -> list[tuple[str, float]]:
    """Roles closest in meaning to `text`, with a similarity from -1 to 1.

    A task can say exactly what someone typed ("you look after people's feet") when the whole role says it
    less clearly, so the closest task counts too, but less: alone, one lucky sentence let unrelated roles in.
    On the labelled descriptions this mix found a right role in the top five more often than either part.
    """
    vector = data.encode([text])[0]
    whole = data.vectors @ vector
    task = np.full_like(whole, -1.0)
    np.maximum.at(task, data.task_owner, data.task_vectors @ vector)
    best = (1 - TASK_SHARE) * whole + TASK_SHARE * task
    order = np.argsort(-best)[:limit]
    return [(data.roles[i].slug, round(float(best[i]), 3)) for i in order]


# --- reasons ---------------------------------------------------------------------------------------------


def _reasons(data: MatchData, index: int, answers: Answers, words: Words, leaning: dict[str, np.ndarray],
             used_tasks: set[int], name_said: str | None = None,
             blocked_reason: str | None = None,
             quiz_answered: bool = True) -> tuple[list[str], bool, int, WishTopic | None]:
    """Up to three reasons (the rules are in explain.py), whether the person's words were quoted, how many reasons
    rest on what they said or chose, and the wish with no job here that this role stands in for, if any.
    `blocked_reason`: why this role stands in for work the person's words pointed to but their own limits ruled out
    (a job like it, or one that leads on to it). `quiz_answered`: the person answered the quiz itself, not only said
    things that fill it in."""
    role = data.roles[index]
    view = data._views[index]
    reasons: list[str] = []
    quoted, evidence, topic = False, 0, None
    if role.unpaid:
        reasons.append(explain.UNPAID_REASON)
    blocked = {said for said, _ in words.blocked}
    quotable = [row for row, clause in enumerate(words.clauses)
                if clause not in blocked and role.family in words.naming.get(clause, {role.family})]
    if quotable:
        row = max(quotable, key=lambda r: float(words.closeness[r, index]))
        closeness = float(words.closeness[row, index])
        # Quoted only for a job the words stand out for as a whole: one task near "have to help my mum with bills"
        # does not make an emergency care assistant's job what they asked for.
        task = (_closest_task(data, index, words.vectors[row], used_tasks, floor=explain.TASK_QUOTE_CLOSE,
                              said=words.clauses[row])
                if _stands_out(words.closeness[row:row + 1], index)
                and _same_kind_of_work(data, words.closeness[row], index) else None)
        # "You wrote" shows what they typed, and says which words were read as others: "injera" read as "injury" had
        # been quoted as "find good injury"; quoted as typed alone, the job the misreading found made no sense.
        said, read_as = as_typed(words.clauses[row], words.fixes, answers.text)
        reason = explain.words_reason(said, closeness, view, task, read_as)
        if reason:
            reasons.append(reason)
            quoted, evidence = True, evidence + 1
    if not quoted and name_said:
        reasons.append(explain.named_reason(name_said, view))
        quoted, evidence = True, evidence + 1
    if not quoted and blocked_reason:
        reasons.append(blocked_reason)
        evidence += 1
    if not quoted:
        for candidate, _ in words.topics:
            if role.slug in candidate.roles:
                task = _closest_task(data, index, data.encode([candidate.task_hint])[0], used_tasks)
                reasons.append(explain.topic_reason(candidate, view, task))
                topic = candidate
                break
    role_leaning = {name: float(values[index]) for name, values in leaning.items()}
    answer = explain.answer_reason(answers, view, role_leaning)
    if answer:
        reasons.append(answer)
        evidence += 1
    for rule in (explain.study_reason, explain.people_reason, explain.physical_reason, explain.earn_reason,
                 explain.age_reason):
        reason = rule(answers, view)
        if reason:
            reasons.append(reason)
            evidence += rule is not explain.age_reason and not reason.startswith(explain.LONGER_START)
    if not reasons:
        # "A little like what you wrote" only where the words are near it at all: a plumber is not, for "midwife".
        near_words = bool(words.clauses) and _stands_out(words.closeness, index)
        reasons.append(explain.nothing_special(quiz_answered, view, wrote=near_words))
    return reasons[:3], quoted, evidence, topic


def _stands_out(closeness: np.ndarray, index: int) -> bool:
    """Whether some of the person's words are nearer this role than to most roles (one standard unit above the
    average role). Raw closeness will not do: "i want to be a midwife" is 0.25 close to a plumber, as every role's
    words are about a job."""
    spread = closeness.std(axis=1)
    standing = (closeness[:, index] - closeness.mean(axis=1)) / np.where(spread > 1e-9, spread, 1.0)
    return bool((standing >= NEAR_WORDS).any())


def _same_kind_of_work(data: MatchData, closeness: np.ndarray, index: int) -> bool:
    """Whether the role is in a family of the jobs closest to the words. A word shared by chance is not evidence:
    "nurse" is near an IT field technician, who fixes "the computers on wheels that nurses use", and "dental knees"
    near a prosthetic technician, who fits knees; neither is the kind of work the words are about."""
    closest = np.argsort(-closeness)[:KIND_OF_WORK_CLOSEST]
    return data.roles[index].family in {data.roles[i].family for i in closest}


def _stems(text: str) -> list[str]:
    return [singular(word) for word in explain.WORD.findall(text.lower())]


# Places a task may name ("plan services across Leeds"): sharing one with the words says nothing about the work.
PLACE_WORDS = frozenset({"leed", "yorkshire", "bradford", "wakefield", "city", "region", "england", "uk"})


def _only_another_job_in_common(data: MatchData, index: int, said: str, task: str) -> bool:
    """Whether all the task shares with the words is the name of another job or a place: "You wrote 'Doctor', and as
    a medical secretary you manage a doctor's diary" quotes a doctor, not the secretary's work, and "in my gcses at
    leeds east" is not about planning services across Leeds. A name that begins like a word of the role's own title is
    its own ("nurse" for a nursing associate)."""
    shared = set(_stems(said)) & set(_stems(task))
    own = {word[:4] for word in _stems(data.roles[index].title)}
    return bool(shared) and shared <= data._job_words | PLACE_WORDS and not {word[:4] for word in shared} & own


def _closest_task(data: MatchData, index: int, vector: np.ndarray, used: set[int], floor: float = -1.0,
                  said: str = "") -> str | None:
    """The role's day-to-day task closest in meaning to the vector, not already quoted on this page, and at least
    `floor` close. With the words `said`: none, when the closest has only another job's name in common with them."""
    rows = np.flatnonzero(data.task_owner == index)
    if len(rows) == 0:
        return None
    similarities = data.task_vectors[rows] @ vector
    for position in np.argsort(-similarities):
        if similarities[position] < floor:
            return None
        if said and _only_another_job_in_common(data, index, said, data.roles[index].tasks[int(position)]):
            return None  # the words are near this job only through another job's name: not evidence for it
        if int(rows[position]) not in used:
            used.add(int(rows[position]))
            return _as_you_clause(data.roles[index].tasks[int(position)])
    return None


# A task that opens with where or when it is done: "On a hospital ward, go through patients' medicines".
SETTING_FIRST = re.compile(r"^((?:in|on|at|during|with|after|before|when|while|once|if|from|for|as|by|every|each)"
                           r"\b[^,]{2,60}),\s+(.+)$", re.I)


def _as_you_clause(task: str) -> str:
    """'Help patients wash and dress.' -> 'help patients wash and dress' (tasks are written as instructions), and
    'On a ward, check the drugs.' -> 'check the drugs on a ward', so that it follows 'as a nurse you'."""
    task = task.strip().rstrip(".")
    if found := SETTING_FIRST.match(task):
        setting, action = found.groups()
        task = f"{action} {setting[0].lower()}{setting[1:]}"
    if len(task) > 1 and task[1].islower():
        task = task[0].lower() + task[1:]
    return task


__all__ = ["Match", "MatchData", "MatchResult", "RoleFacts", "match"]
