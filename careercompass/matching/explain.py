"""Why a job was picked, in words that are true. Every rule a reason follows lives here.

A reason rests only on real evidence: the person's own words when they are genuinely close in meaning to the
role, a quiz answer that the role's facts bear out, or a plain fact about the role. A reason never claims what
the role does not have (a phone job is not "face to face") or what the person did not say (a year or two of
study is not "start soon").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from careercompass import vocabulary
from careercompass.matching.quiz import Answers
from careercompass.matching.wording import Fix
from careercompass.vocabulary import WishTopic

# --- when words are evidence -----------------------------------------------------------------------------

# How close in meaning (cosine: 0.7 x the whole role + 0.3 x its closest task) a person's words must be to a role
# before a reason may quote them. Set on real data: the sentences in the labelled personas against the roles an
# adviser accepts for them (91% reach 0.30), and clearly unrelated texts ("i love animals", "tiktok", "my
# favourite colour is blue") against every role (85% of their best roles stay below 0.30).
WORDS_CLOSE = 0.30
# How close in meaning the task a quote names must be to the words quoted. Read on two persona sets' quotes: below this,
# nearly every task named was beside the point ("You wrote 'forensic scientist', and as a clinical scientist you teach
# trainees"); above it, most fit. A role close to the words with no task this close is not quoted.
TASK_QUOTE_CLOSE = 0.27
# Words that only name a topic with no job of its own ("football", "clothes and trainers") draw near misses,
# so they must be closer: no unrelated text in the calibration set reached 0.37.
TOPIC_WORDS_CLOSE = 0.37
# The share of a role's single closest task in how close words are to it (the rest is the role as a whole).
TASK_SHARE = 0.3

# Words that say nothing about what a person likes. Text made only of these, of keyboard mashing or of emoji
# carries no meaning: the results then go on the quiz answers alone, and the page says so. "Health" names every job
# here, so on its own it picks none ("the health t level" put the director of public health first).
FILLER_WORDS = frozenset("""
    i im i'm me my hes shes he's she's his her a an the and or to be it is its it's of so just really
    like likes liked love loves want
    wanna know dont don't do dunno dno donno duno idk idc idek idrk ik kno no not nothing nothin nuffin nowt none
    nada na n/a sure unsure maybe idea clue lol lmao lmfao rofl haha hahaha hehe meh whatever wotever anything
    everything something stuff things thing hmm hm um umm erm er uh ok okay k yes yeah yep ye nah nope tbh rn
    honestly literally bruh bro mate x xx xxx test testing hi hello hey yo sup eh what who why how
    yet thinking think about mad always obsessed into enjoy enjoys keen fan massive proper super very totally
    absolutely good at seriously else health healthcare because cos coz cuz bc so but if when then though
    need can could get job jobs start where somewhere which that here there place work doing also would i'd you
    definitely we us they he she him them now last year next this week month either neither too aswell only
    even possible nhs your ur in on at for with career careers train training while since asap please pls plz
""".split())
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
WORD = re.compile(r"[a-z0-9/'’-]+")


def _is_mash(word: str) -> bool:
    """Keyboard mashing: 'asdf', 'jjjjj', 'qwerty', 'hjkhjk', or no vowel at all in a longer word."""
    if len(set(word)) == 1 and len(word) > 2:
        return True
    if len(word) >= 3 and any(all(ch in row for ch in word) for row in KEYBOARD_ROWS):
        return word not in {"wet", "try", "tree", "pretty", "ask", "flash", "dash", "mix", "pie", "tip", "pit"}
    return len(word) >= 4 and not re.search(r"[aeiouy]", word)


def carries_no_meaning(text: str) -> bool:
    """True for text that says nothing about the person: 'idk', 'dunno', 'asdf', 'nothing', 'lol', only emoji."""
    words = WORD.findall(text.lower().replace("’", "'"))
    return all(word.strip("'-") in FILLER_WORDS or _is_mash(word) for word in words)


# How people say they do a topic ("i love doing makeup", "watching football"): no more than the topic itself.
TOPIC_VERBS = re.compile(r"\b(?:play|playing|plays|do|doing|does|watch|watching|make|making|go|going|"
                         r"(?:work|working|works|a job|jobs?|something|summat) (?:with|around|in|on)|with|around|"
                         r"(?:be|become|being) an?|"
                         r"(?:for |with )?(?:my|me) (?:mates|friends|family|sister|sisters|cousins|mum)|people'?s|"
                         r"(?:have|open|run|start) (?:my|me) own|my own|own|one day|someday|when i'?m older)\b")


# Each wish topic's cues as one pattern, longest first so that "vet nurse" is taken before "vet".
_TOPIC_CUES = {
    topic.id: re.compile("|".join(rf"\b{re.escape(cue)}(?:s|es)?\b"
                                  for cue in sorted(topic.cues, key=len, reverse=True)))
    for topic in vocabulary.WISH_TOPICS
}


def topic_named(clause: str) -> WishTopic | None:
    """The wish topic a clause is only about ("i love animals", "football"), or None.

    A clause that says more than the topic ("I play football and want to help people recover") is judged by its
    meaning like any other words, so it is not a topic clause.
    """
    lowered = f" {clause.lower()} "
    for topic in vocabulary.WISH_TOPICS:
        rest = _TOPIC_CUES[topic.id].sub(" ", lowered)
        if rest != lowered and carries_no_meaning(TOPIC_VERBS.sub(" ", rest)):
            return topic
    return None


def topic_mentioned(clause: str) -> WishTopic | None:
    """The first wish topic a clause names among other words ("makeup n nails, did my sisters prom glam"). Only for
    words no job is close to: there the topic is the one thing they said that points anywhere."""
    lowered = clause.lower()
    return next((topic for topic in vocabulary.WISH_TOPICS if _TOPIC_CUES[topic.id].search(lowered)), None)


# --- facts about a role that reasons must respect --------------------------------------------------------

DEGREE_LEVEL = 6  # apprenticeships at level 6 or 7 are degree apprenticeships: three years or more


def ways_in(routes: Collection[tuple[str, int | None, bool]]) -> frozenset[str]:
    """A role's kinds of way in, from (kind, apprenticeship level, only for people in post) for each: degree
    apprenticeships count as a degree (not a year or two of study), and a way in only for people already working in
    the field counts as experience, as it needs a job in the field first."""
    kinds = set()
    for kind, level, in_post in routes:
        if in_post:
            kinds.add("experience")
        elif kind == "apprenticeship" and level is not None and level >= DEGREE_LEVEL:
            kinds.add("degree-apprenticeship")
        else:
            kinds.add(kind)
    return frozenset(kinds)


# How well each way in suits someone who wants to start soon ("asap") or study for a year or two ("some");
# ways in not listed count against the role. A pupil cannot start most jobs until 16 or 18, so for them the
# quickest real start is a T Level or an apprenticeship at 16.
STUDY_ROUTE_FIT: dict[str, dict[str, float]] = {
    "asap": {"no-qualifications": 1.0, "apprenticeship": 0.7, "t-level": 0.5, "college-course": 0.5},
    "some": {"no-qualifications": 0.6, "apprenticeship": 1.0, "t-level": 1.0, "college-course": 0.9},
}
PUPIL_STARTING_SOON = {"apprenticeship": 1.0, "t-level": 1.0, "no-qualifications": 0.5, "college-course": 0.6}


def study_fit(study: str | None, stage: str | None, kinds: Collection[str]) -> float | None:
    """From -1 (every way in is longer than they want) to 1 (a way in fits), or None when study was not answered."""
    if study not in STUDY_ROUTE_FIT:
        return None
    fit = dict(PUPIL_STARTING_SOON if (study == "asap" and stage == "pupil") else STUDY_ROUTE_FIT[study])
    if stage == "19-plus":
        fit.pop("t-level", None)  # T Levels are for 16 to 19 year olds
    return max((fit.get(kind, -1.0) for kind in kinds), default=-1.0)


VOLUNTEER_WORDS = re.compile(r"\b(volunteer\w*|unpaid|for free|charity work|work experience|cadets?)\b", re.I)


def volunteering_welcome(answers: Answers, dealbreakers: Collection[str] = ()) -> bool:
    """Unpaid roles may lead the list only for someone who asks to volunteer or is too young for paid work. A pupil
    who wants a wage or a job they can start at their age (`dealbreakers` holds "over-16" or "over-17") is looking for
    paid work."""
    if "unpaid" in dealbreakers:  # "need PAID work not volunteering" names volunteering to say no to it
        return False
    if VOLUNTEER_WORDS.search(answers.text or ""):
        return True
    work_at_their_age = any(vocabulary.DEALBREAKERS_BY_ID[d].oldest_start for d in dealbreakers)
    wants_paid_work = "earn" in {o.id for o in answers.chosen("values")} or work_at_their_age
    return answers.one("stage") == "pupil" and not wants_paid_work


# --- the reasons -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleView:
    """The facts of one role that reasons may rest on."""

    title: str
    riasec: str
    patient_facing: bool
    by_phone: bool
    physical: str
    earn_while_you_learn: bool
    kinds: frozenset[str]  # from ways_in
    minimum_age: int | None
    unpaid: bool
    starting_job: bool = False  # one of the jobs most people start in (vocabulary.STARTING_JOBS)
    pay_max: int = 0  # the top of its pay range, a year


def as_role(title: str) -> str:
    """'as a care worker' (keeping capitals for short forms like IT and names like Shared Lives)."""
    words = title.split()
    keep = title[:2].isupper() or any(w[0].isupper() for w in words[1:])
    title = title if keep else title[0].lower() + title[1:]
    article = "an" if title[0].lower() in "aeiou" else "a"
    return f"as {article} {title}"


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def words_reason(clause: str, closeness: float, role: RoleView, task: str | None,
                 read_as: tuple[Fix, ...] = ()) -> str | None:
    """Quote the person only when their words are genuinely close to this role, and name the task that is. `read_as`:
    the spelling fixes undone in the quote, named so that the match they led to makes sense."""
    if closeness < WORDS_CLOSE or not task:
        return None
    fixed = "".join(f" (we read “{fix.typed}” as “{fix.read_as}”)" for fix in read_as)
    return f"You wrote “{shorten(clause)}”{fixed}, and {as_role(role.title)} you {task}."


def topic_reason(topic: WishTopic, role: RoleView, task: str | None) -> str:
    opening = as_role(role.title)
    detail = f" {opening[0].upper()}{opening[1:]} you {task}." if task else ""
    return f"{topic.link}{detail}"


# Quiz interests a reason may tie to a role's main kinds of work (its first two interest letters), in plain words.
LETTER_WORK = {
    "R": "hands-on, practical work",
    "I": "finding out how things work",
    "A": "being creative",
    "S": "helping and looking after people",
    "E": "leading and getting things going",
    "C": "keeping things neat, checked and in order",
}
# Answers whose letters say too little on their own: they are only quoted when a fact of the role bears them out.
FACT_ANSWERS = {"computers", "tech", "earn", "pay", "calm", "excitement", "active", "helping"}


def answer_reason(answers: Answers, role: RoleView, leaning: dict[str, float]) -> str | None:
    """One quiz answer this role's facts bear out, strongest first.

    `leaning` is how much the role leans towards some answers by meaning (standard units over all roles), for
    answers no single fact can show: "tech", "excitement", "calm".
    """
    for option in answers.chosen("activities"):
        if option.id in FACT_ANSWERS or not option.riasec:
            continue
        letter = option.riasec[0]
        # A second letter is a leaning, not what the job is about: a payroll officer's "S" is helping staff with
        # their pay, not looking after people, so it only counts for a job that meets patients or clients.
        if letter == role.riasec[:1] or (letter == role.riasec[1:2] and (letter != "S" or role.patient_facing)):
            return f"You said {option.reason}, and this job is about {LETTER_WORK[letter]}."
    chosen = {o.id: o for group in ("activities", "values") for o in answers.chosen(group)}
    facts = {
        "helping": role.patient_facing,
        "active": role.physical == "high",
        "computers": leaning.get("tech", 0.0) >= LEANS,
        "tech": leaning.get("tech", 0.0) >= LEANS,
        "excitement": leaning.get("excitement", 0.0) >= LEANS,
        "calm": leaning.get("calm", 0.0) >= LEANS,
        "science": role.riasec[0] == "I",
        "creative": "A" in role.riasec[:2],
        "pay": role.pay_max >= GOOD_PAY_FROM,
    }
    says = {
        "helping": "you help people directly",
        "active": "you are on your feet and moving most of the day",
        "computers": "you use computers and technology a lot",
        "tech": "you use computers and technology a lot",
        "excitement": "it is busy, with no two days the same",
        "calm": "the work is mostly calm and steady",
        "science": "you use science every day",
        "creative": "you get to be creative",
        "pay": f"you can earn up to £{role.pay_max:,} a year",
    }
    if answers.one("physical") == "yes":
        facts["active"] = False  # physical_reason says the same of every job this would
    for option_id, holds in facts.items():
        if holds and option_id in chosen:
            return f"You said {chosen[option_id].reason}, and in this job {says[option_id]}."
    return None


# Pay worth naming to someone who wants good pay. A line drawn here, not a public figure: about the top of a
# starting job's range in the catalogue, so it names pay that grows.
GOOD_PAY_FROM = 35_000

# A role leans towards an answer given by meaning ("excitement") when it is this many standard units above the
# average role: about the top 7%.
LEANS = 1.5


def study_reason(answers: Answers, role: RoleView) -> str | None:
    """How the role fits the study answer, in the person's own terms; honest when it takes longer."""
    study, stage = answers.one("study"), answers.one("stage")
    kinds = role.kinds - ({"t-level"} if stage == "19-plus" else set())
    if study == "asap":
        if stage == "pupil" and {"t-level", "apprenticeship"} & kinds:
            way = "a T Level or an apprenticeship" if {"t-level", "apprenticeship"} <= kinds else (
                "a T Level" if "t-level" in kinds else "an apprenticeship")
            return f"You want to start soon, and at 16 you could begin {way} for this job."
        if "no-qualifications" in kinds:
            return "You want to start work soon, and you can apply for this job with no qualifications."
        if "apprenticeship" in kinds:
            return "You want to start work soon, and you can start this job as a paid apprentice."
    elif study == "some":
        for kind, words in (("apprenticeship", "an apprenticeship"), ("t-level", "a T Level"),
                            ("college-course", "a college course")):
            if kind in kinds:
                return f"You'd study for a year or two, and {words} is a way into this job."
        if "no-qualifications" in kinds:
            return "You'd study for a year or two, but you could start this job straight away too."
    elif study == "university" and {"degree", "degree-apprenticeship"} & kinds:
        return "You're happy to go to university, and a degree is a way into this job."
    if study in ("asap", "some") and not ({"no-qualifications", "apprenticeship", "t-level", "college-course"}
                                           & kinds):
        return f"{LONGER_START} this job takes longer to get into than you said, as you need a degree first."
    return None


LONGER_START = "Good to know:"


def people_reason(answers: Answers, role: RoleView) -> str | None:
    people = answers.one("people")
    if people == "behind" and not role.patient_facing:
        return "You'd rather work behind the scenes, and this job does not involve caring for patients."
    if people == "lots" and role.patient_facing:
        if role.by_phone:
            return "You want to work with people, and in this job you talk with people on the phone all day."
        return "You want to work with people face to face, and this job is with people all day."
    return None


def physical_reason(answers: Answers, role: RoleView) -> str | None:
    physical = answers.one("physical")
    if physical == "yes" and role.physical == "high":
        return "You want to be on your feet, and in this job you are moving about most of the day."
    if physical == "sitting" and role.physical == "low":
        return "You'd rather sit most of the time, and this job is not physical."
    return None


def earn_reason(answers: Answers, role: RoleView) -> str | None:
    if ("earn" in {o.id for o in answers.chosen("values")} and role.earn_while_you_learn
            and answers.one("study") != "asap"):
        return "You want to earn while you learn, and you can train for this job while being paid."
    return None


def age_reason(answers: Answers, role: RoleView) -> str | None:
    if answers.one("stage") == "pupil" and role.minimum_age and role.minimum_age >= 18:
        if {"t-level", "college-course"} & role.kinds:
            return (f"You can start this job from {role.minimum_age}; a T Level or college course at 16 "
                    "gets you ready.")
    return None


UNPAID_REASON = "This is unpaid volunteering, not a paid job. It is a good way to get experience."


# How a job the person's limit allows is free of it, one for each deal-breaker (a test checks there is one).
FREE_OF = {
    "blood-and-needles": "it has no blood or needles", "personal-care": "you do not help people wash or use the toilet",
    "nights-weekends": "it has no nights or weekends", "driving": "you do not drive for it",
    "heavy-lifting": "it has no heavy lifting", "children": "you do not work with children",
    "older-people": "you do not work with older people", "stress": "it is not one of the most stressful jobs",
    "degree": "you can get in without a degree", "full-time": "you can do it part time",
    "over-16": "you can start it at 16", "over-17": "you can start it at 17", "unpaid": "it is a paid job",
    "patients": "you do not work face to face with patients", "phones": "you are not on the phone most of the day",
}


def like_blocked_reason(dealbreaker: str) -> str:
    """For a job like the work someone's words pointed to, which their own "no" ruled out."""
    return f"It is like the jobs your words pointed to, but {FREE_OF[dealbreaker]}."


def step_towards_reason(named_title: str, dealbreaker: str) -> str:
    """For a job that leads on to one the person named, which their own "no" ruled out ("physio but no uni")."""
    return f"This job can lead on to working {as_role(named_title)}, and {FREE_OF[dealbreaker]}."


# A job named by where it is done, as people say it: "reception or summat" is the receptionist's job.
NAMED_BY_PLACE = {"reception": "receptionist"}


def named_reason(name: str, role: RoleView) -> str:
    """For a job the person named outright: "physio" is what people call a physiotherapist."""
    if name.lower() == role.title.lower():
        return f"You named this job: “{name}”."
    if name.lower() in NAMED_BY_PLACE:
        return f"You wrote “{name}”, and this job is working on {name.lower()}."
    return f"You wrote “{name}”, which is another name for this job."


def nothing_special(answered: bool, role: RoleView, wrote: bool = False) -> str:
    """The reason for a job nothing in particular points to: it never claims a fit that is not there.

    `answered`: the quiz was answered; `wrote`: only their words were matched on, and not closely enough to quote."""
    if answered:
        return "It fits the mix of your answers, and it may be a job you have not thought of before."
    if wrote:
        return "It is a little like what you wrote, and it may be a job you have not thought of before."
    if role.starting_job:
        return "Lots of people start out in health and care in this job, and you need no qualifications for it."
    if "no-qualifications" in role.kinds:
        return "Anyone can start this job with no qualifications. It may be one you have not thought of."
    return "A job you may not have thought of. Answer a few questions to see if it fits you."


# --- how strong a match is -------------------------------------------------------------------------------

# A match's strength comes from how far its score stands above the average allowed role (in standard units) and
# from how much real evidence backs it. The cut-offs were set on the labelled personas so that a typical page of
# ten shows a mix: about three strong, four good and three worth a look.
STRONG_AT = 2.9
GOOD_AT = 2.2

STRENGTHS = {
    "strong": ("Strong match", "Your answers and words point right at this job."),
    "strong-answers": ("Strong match", "Lots of your answers point to this job."),
    "good": ("Good match", "Some of what you told us fits this job well."),
    "look": ("Worth a look", "It fits a little, and it may be new to you."),
    "topic": ("Worth a look", "It is not about {topic}, but it uses what you enjoy."),
    "topic-about-it": ("Good match", "You said you like {topic}, and this job uses that."),
    "no-evidence": ("Worth a look", "We need more answers to say how well it fits."),
}


def strength(standing: float, quoted_words: bool, evidence: int, topic: WishTopic | None = None,
             unpaid: bool = False) -> tuple[str, str]:
    """(label, reason in words) for a match that stands `standing` standard units above the average role,
    with `evidence` reasons resting on the person's words or answers."""
    if topic is not None:
        label, why = STRENGTHS["topic-about-it" if topic.jobs_about_it else "topic"]
        return label, why.format(topic=topic.name)
    if evidence == 0:
        return STRENGTHS["no-evidence"]
    if standing >= STRONG_AT and not unpaid and (quoted_words or evidence >= 2):
        return STRENGTHS["strong" if quoted_words else "strong-answers"]
    if standing >= GOOD_AT:
        return STRENGTHS["good"]
    return STRENGTHS["look"]
