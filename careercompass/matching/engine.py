"""The recommender: quiz answers and free text in, ten varied and explained roles out.

A role's score mixes three things, each scaled to be comparable across roles:
  - interests: the person's RIASEC profile (from the activities and values they chose) against the role's;
  - their own words: how close the free text is to the role, by sentence embeddings;
  - practical fit: people or behind the scenes, pace, feelings, being active, how long they want to study.
Deal-breakers are hard filters, never just a lower score. The top of the list is then re-picked by maximal
marginal relevance, so ten results span the sector instead of ten kinds of nurse.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from careercompass import vocabulary
from careercompass.matching.quiz import RIASEC, Answers, Option
from careercompass.matching.reranker import BLEND, Reranker
from careercompass.matching.text import ReadText, read_text
from careercompass.matching.wording import Spelling

ROLE_LETTER_WEIGHTS = (1.0, 0.6, 0.35)
ANSWER_LETTER_WEIGHTS = (1.0, 0.5)
DIVERSITY_POOL = 40
DIVERSITY_LAMBDA = 0.85
MAX_PER_FAMILY = 3

# How well each way in suits someone who wants to start soon ("asap") or study for a year or two ("some");
# ways in not listed count against the role.
STUDY_ROUTE_FIT: dict[str, dict[str, float]] = {
    "asap": {"no-qualifications": 1.0, "apprenticeship": 0.7, "t-level": 0.5, "college-course": 0.5},
    "some": {"no-qualifications": 0.6, "apprenticeship": 1.0, "t-level": 1.0, "college-course": 0.9},
}

# Weights of the three parts of the score, found on the persona set (careercompass evaluate).
WEIGHTS = {"interests": 1.0, "text": 1.6, "practical": 0.8}

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

    def rules_out(self, dealbreaker: str) -> bool:
        """True when this role breaks the deal-breaker (an id from the vocabulary; an unknown one is an error)."""
        return vocabulary.DEALBREAKERS_BY_ID[dealbreaker].rules_out(
            self.involves, self.shift_patterns, self.driving_licence_needed, self.emotional, self.title
        )


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

    @cached_property
    def spelling(self) -> Spelling:
        """Spelling fixes from these roles' own words, worked out once per version of the roles."""
        return Spelling.from_texts((r.title, *r.other_titles, *r.tasks, *r.skills, *r.interests) for r in self.roles)


@dataclass(frozen=True)
class Match:
    slug: str
    title: str
    family: str
    score: float  # 0 to 100: how well the role fits, relative to the rest of the catalogue
    reasons: tuple[str, ...]
    features: tuple[float, ...] = ()  # what the ranking saw, kept with feedback to train the re-ranker


@dataclass(frozen=True)
class MatchResult:
    matches: list[Match]
    dealbreakers: frozenset[str]  # from the quiz and from the person's own words
    excluded_by_dealbreakers: int
    read: ReadText


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


def practical_scores(data: MatchData, answers: Answers) -> np.ndarray:
    """Practical fit per role, in rough standard units (positive is better)."""
    roles = data.roles
    score = np.zeros(len(roles), dtype=np.float32)
    facing = np.array([r.patient_facing for r in roles], dtype=np.float32)
    physical = np.array([{"low": 0.0, "medium": 0.5, "high": 1.0}[r.physical] for r in roles], dtype=np.float32)
    emotional = np.array([{"low": 0.0, "medium": 0.5, "high": 1.0}[r.emotional] for r in roles], dtype=np.float32)

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
        quick = dict(STUDY_ROUTE_FIT[study])
        if answers.one("stage") == "19-plus":
            quick.pop("t-level")  # T Levels are for 16 to 19 year olds
        best = np.array([max((quick.get(t, -1.0) for t in r.route_types), default=-1.0) for r in roles])
        score += (1.4 if study == "asap" else 0.8) * best.astype(np.float32)

    chosen_values = {o.id for o in answers.chosen("values")}
    if "earn" in chosen_values:
        score += np.array([0.8 if r.earn_while_you_learn else -0.4 for r in roles], dtype=np.float32)
    if "pay" in chosen_values:
        score += 0.6 * _standardise(np.array([r.pay_max for r in roles], dtype=np.float32))
    if "helping" in chosen_values:
        score += 0.4 * (facing - 0.5)

    for question_id in ("setting", "pace", "values"):
        picked = [data._phrases[(question_id, o.id)] for o in answers.chosen(question_id)
                  if (question_id, o.id) in data._phrases]
        if picked:
            score += 0.5 * np.mean(picked, axis=0)
    return score


def match(data: MatchData, answers: Answers, limit: int = 10, exclude: Sequence[str] = (),
          set_aside: Collection[str] = ()) -> MatchResult:
    """`set_aside`: what the person took back from what was read in their words (see text.read_text)."""
    read = read_text(answers.text, data.spelling, set_aside)
    answers = read.filling_in(answers)  # a stage said in words counts when the quiz's question was skipped
    dealbreakers = frozenset(o.id for o in answers.chosen("dealbreakers")) | read.dealbreakers
    ruled_out = np.array([any(r.rules_out(d) for d in dealbreakers) for r in data.roles])
    excluded = set(exclude)
    dismissed = np.array([r.slug in excluded for r in data.roles])
    allowed = ~ruled_out & ~dismissed
    excluded_by_dealbreakers = int(ruled_out.sum())

    parts: dict[str, np.ndarray] = {}
    profile = interest_profile(answers)
    if profile.any():
        parts["interests"] = _standardise(data._riasec @ profile)
    text_vector = None
    if read.likes:
        text_vector = data.encode([read.likes_text])[0]
        parts["text"] = _standardise(data.vectors @ text_vector)
    practical = practical_scores(data, answers)
    if practical.any():
        parts["practical"] = practical
    if parts:
        total = sum(WEIGHTS[name] * values for name, values in parts.items())
    else:  # nothing answered: show the breadth of the sector, entry-level jobs first
        total = np.array([1.0 if "no-qualifications" in r.route_types else 0.0 for r in data.roles])
    total = np.asarray(total, dtype=np.float32)
    features = feature_matrix(data, parts)
    if data.reranker is not None:
        total = total + BLEND * _standardise(data.reranker.scores(features))

    chosen = diverse_top(data, total, allowed, limit)
    strengths = _strengths(total, allowed)
    matches = [
        Match(
            slug=data.roles[i].slug,
            title=data.roles[i].title,
            family=data.roles[i].family,
            score=round(float(strengths[i]), 1),
            reasons=tuple(explain(data, i, answers, read, text_vector, parts)),
            features=tuple(round(float(v), 4) for v in features[i]),
        )
        for i in chosen
    ]
    return MatchResult(matches=matches, dealbreakers=dealbreakers,
                       excluded_by_dealbreakers=excluded_by_dealbreakers, read=read)


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
TASK_SHARE = 0.3


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


# A task is quoted in a reason only when it is at least this close in meaning to what the person said.
TASK_SIMILARITY_FLOOR = 0.2


def explain(data: MatchData, index: int, answers: Answers, read: ReadText, text_vector, parts) -> list[str]:
    role = data.roles[index]
    reasons: list[str] = []
    used: set[int] = set()
    if text_vector is not None and read.likes:
        clause = _closest_clause(data, index, read)
        task = _task_for(data, index, clause, used)
        if task:
            reasons.append(f"You wrote “{_shorten(clause)}”, and {_as_role(role)} you {task}.")
        elif parts.get("text") is not None and parts["text"][index] > 1.0:
            reasons.append(f"You wrote “{_shorten(clause)}”, and this job is one of the closest to your words.")
    interest = _best_interest_answer(answers, role)
    if interest is not None:
        task = _task_for(data, index, interest.label, used)
        if task:
            reasons.append(f"You said {interest.reason}, and {_as_role(role)} you {task}.")
        elif role.interests:
            reasons.append(f"You said {interest.reason}, and this job suits people who like "
                           f"{role.interests[0][0].lower() + role.interests[0][1:]}.")
    reasons.extend(_practical_reasons(answers, role))
    if not reasons:
        reasons.append("It fits the mix of your answers, and it may be a job you have not thought of before.")
    return reasons[:3]


def _best_interest_answer(answers: Answers, role: RoleFacts) -> Option | None:
    best, best_weight = None, 0.0
    for question_id in ("activities", "values"):
        for option in answers.chosen(question_id):
            weight = sum(ROLE_LETTER_WEIGHTS[role.riasec.index(letter)] for letter in option.riasec
                         if letter in role.riasec)
            if weight > best_weight:
                best, best_weight = option, weight
    return best if best_weight >= 0.6 else None


def _practical_reasons(answers: Answers, role: RoleFacts) -> list[str]:
    reasons = []
    study = answers.one("study")
    if study == "asap" and "no-qualifications" in role.route_types:
        reasons.append("You want to start work soon, and you can apply for this job with no qualifications.")
    elif study in ("asap", "some") and "apprenticeship" in role.route_types:
        reasons.append("You want to start soon, and there is a paid apprenticeship into this job.")
    if "earn" in {o.id for o in answers.chosen("values")} and role.earn_while_you_learn and study != "asap":
        reasons.append("You want to earn while you learn, and you can train for this job while being paid.")
    if answers.one("stage") == "pupil" and role.minimum_age and role.minimum_age >= 18:
        if {"t-level", "college-course"} & role.route_types:
            reasons.append(f"You can start this job from {role.minimum_age}; a T Level or college course at 16 "
                           "gets you ready.")
    people = answers.one("people")
    if people == "behind" and not role.patient_facing:
        reasons.append("You'd rather work behind the scenes, and this job does not involve caring for patients.")
    elif people == "lots" and role.patient_facing:
        reasons.append("You want to work with people face to face, and this job is with people all day.")
    return reasons


def _task_for(data: MatchData, index: int, phrase: str, used: set[int]) -> str | None:
    """The role's day-to-day task closest in meaning to the phrase, not already quoted, if close enough."""
    rows = np.flatnonzero(data.task_owner == index)
    if len(rows) == 0:
        return None
    similarities = data.task_vectors[rows] @ data.encode([phrase])[0]
    for position in np.argsort(-similarities):
        if similarities[position] < TASK_SIMILARITY_FLOOR:
            return None
        if int(position) not in used:
            used.add(int(position))
            return _as_you_clause(data.roles[index].tasks[int(position)])
    return None


def _closest_clause(data: MatchData, index: int, read: ReadText) -> str:
    if len(read.likes) == 1:
        return read.likes[0]
    vectors = data.encode(list(read.likes))
    return read.likes[int(np.argmax(vectors @ data.vectors[index]))]


def _as_you_clause(task: str) -> str:
    """'Help patients wash and dress.' -> 'help patients wash and dress' (tasks are written as instructions)."""
    task = task.strip().rstrip(".")
    if len(task) > 1 and task[1].islower():
        task = task[0].lower() + task[1:]
    return task


def _as_role(role: RoleFacts) -> str:
    # Lower-case the first letter unless the title starts with a short form (IT, NHS) or names something (Shared Lives).
    words = role.title.split()
    keep = role.title[:2].isupper() or any(w[0].isupper() for w in words[1:])
    title = role.title if keep else role.title[0].lower() + role.title[1:]
    article = "an" if title[0].lower() in "aeiou" else "a"
    return f"as {article} {title}"


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


__all__ = ["Match", "MatchData", "MatchResult", "RoleFacts", "match"]
