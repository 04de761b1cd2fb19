"""The words the whole app shares: every fixed list of choices, written once, in the order people see it.

Sectors, ways in, shift patterns, pay bands, interest letters, what a job involves and the quiz's deal-breakers
each live here as ordered data. The catalogue's schema, the filters, the quiz, the matcher and the pages all
build from these lists, so a term added here reaches all of them and a term missing here is refused everywhere.

Plain Python only: no Flask, no database, no pydantic.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar


class _HasId(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def label(self) -> str: ...


T = TypeVar("T", bound=_HasId)


@dataclass(frozen=True)
class Term:
    id: str  # what is stored, filtered on and sent by the API: never changes once in use
    label: str  # what a person reads


@dataclass(frozen=True)
class RouteType:
    id: str
    label: str
    quickest_label: str  # how a result card names it when it is a job's quickest way in
    quickness: int  # 0 is the quickest way to start work; used to pick a job's quickest way in


@dataclass(frozen=True)
class Band:
    """An Agenda for Change (NHS) pay band, lowest first."""

    id: str
    label: str
    group: str  # the "starting pay band" filter joins the top bands into one choice


@dataclass(frozen=True)
class Letter:
    """One of the six RIASEC interest types, in the usual R-I-A-S-E-C order."""

    id: str
    label: str  # in plain words
    name: str  # the usual name, for people who know the model


@dataclass(frozen=True)
class LimitFacts:
    """The facts of one role that a deal-breaker can rule it out on."""

    involves: Collection[str] = ()
    shift_patterns: Collection[str] = ()
    driving_licence_needed: bool = False
    emotional_demand: str = ""  # "low", "medium" or "high"
    title: str = ""
    needs_degree: bool = False  # every way in goes through a degree
    minimum_age: int | None = None
    unpaid: bool = False
    patient_facing: bool = False


@dataclass(frozen=True)
class Dealbreaker:
    """A quiz "definite no", the words that say it in free text, and the role facts that break it."""

    id: str
    label: str
    easy: str  # the same choice in fewer, simpler words (easy-read mode)
    icon: str  # decorative, hidden from screen readers
    cues: tuple[str, ...]  # words that tie a "no" in a person's own words to this deal-breaker
    involvement: str | None = None  # a role that involves this is ruled out
    shift_patterns: frozenset[str] = frozenset()  # a role with any of these shifts is ruled out
    driving_licence: bool = False  # a role that needs a driving licence is ruled out
    emotional_demand: str | None = None  # a role with this emotional demand ("high") is ruled out
    title_words: tuple[str, ...] = ()  # a role whose title says one of these is ruled out
    needs_degree: bool = False  # a role you can only get into through a degree is ruled out
    needs_shift: str | None = None  # a role without this shift pattern is ruled out
    oldest_start: int | None = None  # a role you must be older than this to start (or of no stated age) is ruled out
    unpaid: bool = False  # a role that pays nothing (volunteering) is ruled out
    patient_facing: bool = False  # a role working face to face with patients or clients is ruled out
    in_quiz: bool = True  # False: only understood when said in words; the quiz does not offer it

    def rules_out(self, role: LimitFacts) -> bool:
        lowered = role.title.lower()
        return (
            (self.involvement is not None and self.involvement in role.involves)
            or not self.shift_patterns.isdisjoint(role.shift_patterns)
            or (self.driving_licence and role.driving_licence_needed)
            or (self.emotional_demand is not None and self.emotional_demand == role.emotional_demand)
            or any(word in lowered for word in self.title_words)
            or (self.needs_degree and role.needs_degree)
            or (self.needs_shift is not None and self.needs_shift not in role.shift_patterns)
            or (self.oldest_start is not None and (role.minimum_age is None or role.minimum_age > self.oldest_start))
            or (self.unpaid and role.unpaid)
            or (self.patient_facing and role.patient_facing)
        )


def ids(terms: Iterable[T]) -> tuple[str, ...]:
    return tuple(term.id for term in terms)


def labels(terms: Iterable[T]) -> dict[str, str]:
    """id -> label, in the list's order."""
    return {term.id: term.label for term in terms}


def by_id(terms: Iterable[T]) -> dict[str, T]:
    return {term.id: term for term in terms}


SECTORS: tuple[Term, ...] = (
    Term("nhs", "NHS"),
    Term("social-care", "Social care"),
    Term("primary-care", "GP practices, pharmacies and dentists"),
    Term("public-health", "Public health"),
    Term("local-authority", "Leeds City Council"),
    Term("third-sector", "Charities"),
    Term("private", "Private companies"),
)

ROUTE_TYPES: tuple[RouteType, ...] = (
    RouteType("no-qualifications", "No qualifications needed", "No qualifications needed", 0),
    RouteType("t-level", "T Level", "A T Level", 2),
    RouteType("apprenticeship", "Apprenticeship", "An apprenticeship", 1),
    RouteType("college-course", "College course", "A college course", 3),
    RouteType("degree", "Degree", "A degree", 4),
    RouteType("postgraduate", "Further study after a degree", "Further study after a degree", 6),
    RouteType("experience", "Experience in another job first", "Experience in another job", 5),
)

# Kinds of shared route (roles_catalogue/routes.yaml and the apprenticeship standards): the study and training
# types above, plus first steps that lead to many jobs rather than to one.
ROUTE_KINDS: tuple[Term, ...] = (
    Term("t-level", "T Level"),
    Term("apprenticeship", "Apprenticeship"),
    Term("college-course", "College course"),
    Term("degree", "Degree"),
    Term("short-course", "Free short course"),
    Term("cadets", "Cadets"),
    Term("volunteering", "Volunteering"),
)

# Where a person is now, for "your route from here": the page lays out the steps from this point.
STAGES: tuple[Term, ...] = (
    Term("year-9-11", "In Year 9, 10 or 11 at school"),
    Term("16-18-learning", "16 to 18, at school or college"),
    Term("16-18-not-learning", "16 to 18, not at school, college or work"),
    Term("19-plus", "19 or older"),
    Term("working-in-care", "Already working in care or health"),
)
STAGES_BY_ID = by_id(STAGES)
ROUTE_KINDS_BY_ID = by_id(ROUTE_KINDS)

# What a role is: a paid job, or a way in that pays nothing (volunteering, cadets). The matcher and filters
# treat unpaid roles differently, so the data says which is which rather than leaving it to the pay note.
ROLE_KINDS: tuple[Term, ...] = (
    Term("job", "Paid job"),
    Term("volunteering", "Volunteering"),
    Term("cadets", "Cadets"),
)
UNPAID_KINDS = frozenset({"volunteering", "cadets"})

SHIFT_PATTERNS: tuple[Term, ...] = (
    Term("office-hours", "Office hours"),
    Term("day-shifts", "Day shifts"),
    Term("long-days", "Long days (about 12 hours)"),
    Term("nights", "Nights"),
    Term("weekends", "Weekends"),
    Term("on-call", "On call"),
    Term("part-time-possible", "Part time possible"),
)

BANDS: tuple[Band, ...] = (
    *(Band(number, f"Band {number}", number) for number in ("2", "3", "4", "5", "6", "7")),
    *(Band(band, f"Band {band}", "8-9") for band in ("8a", "8b", "8c", "8d", "9")),
)
BAND_GROUPS: tuple[Term, ...] = (
    *(Term(number, f"Band {number}") for number in ("2", "3", "4", "5", "6", "7")),
    Term("8-9", "Band 8 or 9"),
)

RIASEC_LETTERS: tuple[Letter, ...] = (
    Letter("R", "Hands-on: making, fixing and moving about", "Realistic"),
    Letter("I", "Finding out how things work", "Investigative"),
    Letter("A", "Being creative", "Artistic"),
    Letter("S", "Helping and looking after people", "Social"),
    Letter("E", "Leading and getting things going", "Enterprising"),
    Letter("C", "Keeping things neat, checked and in order", "Conventional"),
)

# Parts of a job that some people rule out. A role lists the ones that apply to it (an empty list is a decision).
INVOLVEMENTS: tuple[Term, ...] = (
    Term("blood-and-needles", "Blood and needles"),
    Term("personal-care", "Helping people wash or use the toilet"),
    Term("heavy-lifting", "Heavy lifting"),
    Term("children", "Working with children"),
    Term("older-people", "Working with older people"),
    Term("driving", "Driving as part of the job"),
    Term("phones", "Working on the phone most of the day"),
)

DEALBREAKERS: tuple[Dealbreaker, ...] = (
    Dealbreaker(
        "blood-and-needles", "Blood and needles", "Blood and needles", "💉",
        cues=("blood", "bleed", "needle", "injection", "jab", "syringe", "gore", "gory", "cut", "cuts", "wound",
              "wounds", "drip", "operation", "operations", "surgery", "stitch", "stitches", "stitching", "gash",
              "gashes", "scalpel", "guts", "cut open", "syringes", "vets", "bleeding"),
        involvement="blood-and-needles",
    ),
    Dealbreaker(
        "personal-care", "Helping people wash or use the toilet", "Washing people", "🛁",
        cues=("toilet", "poo", "wee", "bum", "nappy", "nappies", "washing people", "wash people", "wash and change",
              "washing and changing", "personal care",
              "bodily", "vomit", "sick bowls", "bedpan", "pee", "shower people", "showering people", "wash someone",
              "washing someone", "bathe", "bathing", "wiping", "wipe", "pads", "changing pads", "wash them",
              "bathe them", "wash anyone",
              "the toilet", "washing them", "bed baths", "bed bath", "spoon feeding", "feeding adults", "commode"),
        involvement="personal-care",
    ),
    Dealbreaker(
        "nights-weekends", "Working nights or weekends", "Nights and weekends", "🌙",
        cues=("night", "nights", "weekend", "weekends", "saturday", "saturdays", "sunday", "sundays", "late shift",
              "late shifts", "evenings", "nightshift", "nightshifts", "night shift", "overnight", "night work",
              "working late", "late nights", "work late", "late", "on call", "on-call"),
        shift_patterns=frozenset({"nights", "weekends", "on-call"}),
    ),
    Dealbreaker(
        "driving", "Driving as part of the job", "Driving", "🚗",
        cues=("drive", "driving", "driver", "car", "licence", "license", "van", "passed my test", "driving test",
              "lorry", "taxi", "behind the wheel", "behind a wheel", "motorways", "motorway"),
        involvement="driving",
        driving_licence=True,
    ),
    Dealbreaker(
        "heavy-lifting", "Heavy lifting", "Heavy lifting", "🏋️",
        cues=("lift", "lifting", "heavy", "carry", "carrying", "moving patients", "move patients", "moving people",
              "hoist", "hoisting", "lugging", "hauling", "shift heavy", "heavy stuff"),
        involvement="heavy-lifting",
    ),
    Dealbreaker(
        "children", "Working with children", "Children", "🧒",
        cues=("kid", "kids", "child", "children", "baby", "babies", "toddler", "toddlers", "teenager", "teenagers",
              "young people", "little ones", "childcare", "child care", "nanny", "babysitter", "babysitting",
              "babysit", "young ones", "under 16s", "playgroup", "primary school", "nursery"),
        involvement="children",
    ),
    Dealbreaker(
        "older-people", "Working with older people", "Older people", "👵",
        cues=("old people", "older people", "elderly", "pensioner", "pensioners", "old folk", "old folks",
              "grandparents", "care home", "oldies", "granny", "grannies", "grandad", "grandads", "grandma", "grandmas",
              "old person", "old age", "dementia", "old folks homes", "care home for old people"),
        involvement="older-people",
    ),
    # Said in words only ("nothing stressful, no emergencies"): the quiz's question stays as it was. Roles the
    # catalogue rates as emotionally very demanding, and emergency and critical care by name, are left out.
    Dealbreaker(
        "stress", "Very stressful work or emergencies", "Stress and emergencies", "🚨",
        cues=("stress", "stressful", "stressed", "stressy", "intense", "pressure", "emergency", "emergencies",
              "999", "a&e", "life or death", "life and death", "trauma", "hectic", "chaos", "chaotic", "upsetting",
              "crisis", "crises", "could die", "mess up", "high pressure", "drama", "death", "died", "dying",
              "deadlines", "in your hands", "go wrong", "upset", "crying", "anxiety", "a patient died", "dies",
              "putting them down", "full on", "full-on", "shouting", "shouted at", "screaming", "cry", "poorly",
              "cancer", "siren", "sirens", "blue lights"),
        emotional_demand="high",
        title_words=("emergency", "critical care", "intensive care", "a&e", "trauma", "999", "hazardous area"),
        in_quiz=False,
    ),
    # Said in words only ("phones all day is killing me", "phone calls in english scare me"): the jobs done mostly on
    # the phone, such as call handlers and switchboards, are left out. No bare "call": "no on call" is about nights.
    Dealbreaker(
        "phones", "Working on the phone most of the day", "Phone work", "📞",
        cues=("phone", "phones", "phone calls", "telephone", "telephones", "phoning", "call centre", "call center",
              "call centres", "headset", "headsets", "calls all day", "taking calls", "answering calls",
              "cold calling"),
        involvement="phones",
        in_quiz=False,
    ),
    # Said in words only ("dont want uni", "no degree for me"): jobs you can only reach through university are left
    # out. Only a "no" ties these words to it; "i want to go to uni" is an answer to the study question instead.
    Dealbreaker(
        "degree", "Jobs you can only get with a university degree", "Needing a degree", "🎓",
        cues=("uni", "university", "universities", "degree", "degrees", "student loan", "student debt", "more years",
              "years of school", "more school", "years of studying", "more studying", "more exams", "years at school",
              "classroom", "sixth form", "essays", "more college", "exams"),
        needs_degree=True,
        in_quiz=False,
    ),
    # Said in words only ("a part time job", "only want to do a few hours"): jobs with no part-time hours are left out.
    Dealbreaker(
        "full-time", "Jobs that have to be full time", "Full time only", "⏰",
        cues=("full time", "full-time", "fulltime", "full time hours", "long hours", "40 hours"),
        needs_shift="part-time-possible",
        in_quiz=False,
    ),
    # Said in words only ("something i can start at 16", "a saturday job"): jobs with an older starting age are left
    # out. Only words said without a "no" reach it (text.LIMIT_PHRASES), so it has no cues of its own.
    Dealbreaker(
        "over-16", "Jobs you cannot start at 16", "Not open at 16", "🎂",
        cues=(),
        oldest_start=16,
        in_quiz=False,
    ),
    # The same at 17: "im 17, left sixth form, need a job" asks for work they can start now, not at 18.
    Dealbreaker(
        "over-17", "Jobs you cannot start at 17", "Not open at 17", "🎂",
        cues=(),
        oldest_start=17,
        in_quiz=False,
    ),
    # Said in words only ("not face to face with patients", "no patient contact"): only the quiz's "behind the scenes"
    # came of it, and that is a leaning; said as a no, it is a limit, and a chip the person can take away. The cues
    # name patients or meeting them, never people in general: "not great with loads of people" stays a leaning.
    Dealbreaker(
        "patients", "Working face to face with patients", "Seeing patients", "🩺",
        cues=("patients", "face to face", "face-to-face", "patient contact", "patient facing",
              "patient-facing"),
        patient_facing=True,
        in_quiz=False,
    ),
    # Said in words only ("need PAID work not volunteering", "no unpaid stuff"): volunteering is left out.
    Dealbreaker(
        "unpaid", "Unpaid volunteering", "Unpaid work", "💷",
        cues=("volunteering", "volunteer", "volunteers", "unpaid", "for free", "free work", "no pay", "without pay"),
        unpaid=True,
        in_quiz=False,
    ),
)
QUIZ_DEALBREAKERS = tuple(d for d in DEALBREAKERS if d.in_quiz)

SECTORS_BY_ID = by_id(SECTORS)
ROUTE_TYPES_BY_ID = by_id(ROUTE_TYPES)
SHIFT_PATTERNS_BY_ID = by_id(SHIFT_PATTERNS)
BANDS_BY_ID = by_id(BANDS)
RIASEC_BY_ID = by_id(RIASEC_LETTERS)
INVOLVEMENTS_BY_ID = by_id(INVOLVEMENTS)
DEALBREAKERS_BY_ID = by_id(DEALBREAKERS)


def routes_quickest_first() -> tuple[RouteType, ...]:
    return tuple(sorted(ROUTE_TYPES, key=lambda route: route.quickness))


def riasec_string() -> str:
    """The six letters in order, "RIASEC": a letter's position is its place in an interest vector."""
    return "".join(ids(RIASEC_LETTERS))


@dataclass(frozen=True)
class WishTopic:
    """Something young people love that has no health or care job of its own, and the real work nearest to it.

    When someone writes only about one of these and no role is genuinely close to their words, the results say
    so plainly and show these roles, picked by hand for what they share with the wish, never a chance near miss.
    """

    id: str
    name: str  # how a sentence names it: "There are no jobs about {name} here"
    cues: tuple[str, ...]  # words or phrases that name it in free text
    note: str  # what the results page says, in plain words
    link: str  # the first sentence of each role's reason: what the work shares with the wish
    task_hint: str  # the kind of task a reason names from the role's day to day
    roles: tuple[str, ...]  # role slugs, nearest first (roles missing from a catalogue are skipped)
    # True for a wish the listed jobs are about ("fixing things"): its words alone would otherwise match by
    # chance on jobs that fix people, such as surgeons.
    jobs_about_it: bool = False


WISH_TOPICS: tuple[WishTopic, ...] = (
    WishTopic(
        "animals", "animals",
        cues=("animal", "animals", "pet", "pets", "dog", "dogs", "puppy", "puppies", "cat", "cats", "kitten",
              "kittens", "horse", "horses", "pony", "ponies", "rabbit", "rabbits", "hamster", "vet", "vets", "zoo",
              "veterinary", "vetinary", "vetenary", "vet nurse", "veterinary nurse", "vetinary nurse", "vet nursing",
              "snake", "snakes", "lizard", "lizards", "reptile", "reptiles", "bearded dragon", "gecko", "tortoise",
              "tortoises", "guinea pig", "guinea pigs", "budgie", "parrot", "ferret", "ferrets"),
        note="There are no jobs with animals on this site: it is about caring for people. People who love "
             "animals are often kind, gentle and calm. These jobs need that too.",
        link="People who love animals are often kind, gentle and calm, and this job needs that too.",
        task_hint="gently look after someone and keep them calm and comfortable",
        roles=("care-worker", "healthcare-support-worker", "dementia-support-worker", "home-care-worker",
               "learning-disability-support-worker", "therapy-assistant", "childrens-healthcare-assistant",
               "short-breaks-support-worker"),
    ),
    WishTopic(
        "fixing", "fixing things",
        cues=("fixing things", "fixing stuff", "fix things", "fix stuff", "fixing", "taking things apart",
              "take things apart", "repairing things", "repair things", "mending things", "diy", "tools",
              "machines", "electronics", "gadgets", "building things", "making things"),
        note="Hospitals, care homes and clinics need people who fix things: buildings, machines and the equipment "
             "patients use. Here are some of those jobs.",
        link="You like fixing things, and in this job you fix and look after things people rely on.",
        task_hint="fix, test and look after machines, equipment or buildings",
        roles=("estates-maintenance-technician", "care-home-maintenance-worker", "wheelchair-technician",
               "clinical-engineering-technologist", "ambulance-vehicle-technician", "hospital-electrician",
               "estates-plumber", "joiner", "it-field-technician"),
        jobs_about_it=True,
    ),
    WishTopic(
        "cars", "cars",
        cues=("car", "cars", "engine", "engines", "mechanic", "mechanics", "motor", "motors", "vehicle",
              "vehicles", "motorbike", "motorbikes", "racing", "f1", "formula 1"),
        note="There are no jobs about cars as such here. But health and care needs people who fix vehicles "
             "and people who drive them. Here are some.",
        link="If you like cars, you may like fixing or driving them, and this job does that.",
        task_hint="fix engines, vehicles and machines, or drive a vehicle",
        roles=("ambulance-vehicle-technician", "ambulance-care-assistant", "hospital-driver",
               "pharmacy-delivery-driver", "wheelchair-technician", "estates-maintenance-technician"),
    ),
    WishTopic(
        "fashion", "fashion",
        cues=("fashion", "clothes", "style", "styling", "outfits", "designer clothes", "trainers"),
        note="There are no fashion jobs here. But some health jobs need a good eye for how things look and fit "
             "a person. Here are some.",
        link="A good eye for how things look and fit a person is part of this job.",
        task_hint="help people choose how something looks and make it fit them",
        roles=("dispensing-optician", "clinical-photographer", "maxillofacial-prosthetist",
               "prosthetic-and-orthotic-technician", "dental-technician", "linen-and-laundry-assistant",
               "communications-officer"),
    ),
    WishTopic(
        "beauty", "hair and beauty",
        cues=("hair", "hairdressing", "hairdresser", "hair dresser", "hairdressers", "barber", "barbering", "nails",
              "nail tech", "nail technician", "makeup", "make-up", "make up", "mua", "beauty", "beautician",
              "beauty therapist", "lashes", "brows", "eyebrows", "skincare", "tanning", "salon", "pamper", "skin fade",
              "skin fades", "beard trims"),
        note="There are no hair or beauty jobs here. But some health and care jobs are hands-on and close up, "
             "and help people look or feel good. Here are some.",
        link="Like hair and beauty, this job is hands-on and close up, and it helps people look or feel good.",
        task_hint="work close up with people and help them look or feel their best",
        roles=("care-worker", "podiatry-assistant", "dispensing-optician", "optical-assistant", "dental-nurse",
               "maxillofacial-prosthetist", "activities-coordinator"),
    ),
    WishTopic(
        "sport", "sport",
        cues=("football", "footy", "sport", "sports", "gym", "fitness", "rugby", "netball", "basketball",
              "cricket", "tennis", "swimming", "running", "athletics", "boxing", "leeds united", "hockey", "pe",
              "physical education", "elland road", "sunday league"),
        note="There are no jobs playing sport here. But if you love being active, some jobs keep you on the "
             "move, or help people get fit and strong again. Here are some.",
        link="You like being active, and this job is about moving and getting people fit and strong.",
        task_hint="help people exercise, move about and get strong again",
        roles=("therapy-assistant", "sports-rehabilitator", "clinical-exercise-physiologist", "health-trainer",
               "physiotherapist", "porter", "activities-coordinator", "sport-and-exercise-medicine-doctor"),
    ),
    WishTopic(
        "gaming", "gaming",
        cues=("gaming", "games", "video games", "gamer", "xbox", "playstation", "ps4", "ps5", "nintendo",
              "fortnite", "minecraft", "roblox", "fifa", "console"),
        note="There are no jobs making games here. But health and care needs people who are good with "
             "computers, and people who use games to help others. Here are some.",
        link="If you like gaming, you may like working with computers or using games to help people.",
        task_hint="fix computers and tech, or play games with people to help them",
        roles=("it-service-desk-analyst", "it-field-technician", "software-developer", "health-play-specialist",
               "clinical-systems-administrator", "play-worker", "activities-coordinator"),
    ),
    WishTopic(
        "music", "music",
        cues=("music", "singing", "sing", "songs", "guitar", "piano", "drums", "band", "rapping", "dj"),
        note="There are only a few jobs about music here. These use music, or the things musicians are good at.",
        link="Music is part of this job, or the care and focus that music takes.",
        task_hint="use music, songs and sound with people",
        roles=("music-therapist", "activities-coordinator", "dance-movement-psychotherapist", "audiologist",
               "health-play-specialist", "play-worker"),
    ),
    WishTopic(
        "art", "art",
        cues=("art", "drawing", "draw", "painting", "paint", "sketching", "design", "designing", "photography",
              "crafts", "animation"),
        note="There are only a few jobs about art here. These use art, or a good eye for how things look.",
        link="This job uses art, or a good eye for how things look.",
        task_hint="make art, pictures or models, or help people be creative",
        roles=("art-therapist", "clinical-photographer", "maxillofacial-prosthetist", "activities-coordinator",
               "play-therapist", "dental-technician", "communications-officer"),
        jobs_about_it=True,  # "art" alone is otherwise near "plastic surgeon" and "painter and decorator"
    ),
    WishTopic(
        "cooking", "cooking",
        cues=("cooking", "cook", "baking", "bake", "cakes", "chef", "food", "chippy", "chip shop", "takeaway",
              "kitchen", "bakery"),
        note="There are no cooking jobs about health itself. But hospitals and care homes need cooks, and some "
             "jobs help people eat well. Here are some.",
        link="Hospitals and care homes need good food, and this job is about that.",
        task_hint="cook and serve meals, or help people eat well",
        roles=("hospital-chef", "care-home-cook", "catering-assistant", "dietetic-assistant", "catering-manager",
               "dietitian"),
    ),
)

WISH_TOPICS_BY_ID = {topic.id: topic for topic in WISH_TOPICS}


# Where most people start in health and care: the biggest jobs that take people with no qualifications (care
# workers are the largest group in social care, healthcare support workers the largest NHS support group), and for
# pupils, the youth schemes. With nothing to go on ("idk" and no answers), results show these first, in this order,
# rather than whatever a learned score happens to favour.
STARTING_JOBS: tuple[str, ...] = (
    "care-worker", "healthcare-support-worker", "nhs-cadet", "hospital-volunteer", "porter", "home-care-worker",
    "pharmacy-assistant", "gp-receptionist", "dental-nurse", "catering-assistant", "domestic-assistant",
    "ward-housekeeper",
)
