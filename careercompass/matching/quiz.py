"""The quiz: its questions, the answers each allows, and turning a set of answers into a profile.

Questions are data, so the quiz pages, the API description and the matcher all read the same list.
Every question can be skipped; an answer that is not allowed is an error naming the question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from careercompass import vocabulary

RIASEC = vocabulary.riasec_string()
MAX_TEXT_LENGTH = 500


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    easy: str  # the same choice in fewer, simpler words (easy-read mode)
    icon: str  # a short emoji shown beside the label; decorative, hidden from screen readers
    riasec: str = ""  # interest letters this choice points to, strongest first
    reason: str = ""  # how a reason quotes this answer: "you like fixing things"


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "one" (pick one), "many" (pick up to `most`) or "text"
    text: str
    easy: str
    hint: str = ""
    options: tuple[Option, ...] = ()
    most: int = 1

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


Q = Question
O = Option

QUESTIONS: tuple[Question, ...] = (
    Q("activities", "many", "Which of these sound fun to you?", "What do you like doing?",
      hint="Pick up to 3.", most=3, options=(
          O("fixing", "Fixing or building things", "Fixing things", "🔧", "R", "you like fixing or building things"),
          O("active", "Being active and on the move", "Moving about", "🏃", "R", "you like being active"),
          O("science", "Finding out how the body or science works", "Science", "🔬", "I",
            "you like finding out how things work"),
          O("puzzles", "Solving puzzles and problems", "Puzzles", "🧩", "I", "you like solving problems"),
          O("creative", "Art, music, drama or making things look good", "Art and music", "🎨", "A",
            "you like being creative"),
          O("caring", "Looking after people or animals", "Looking after people", "🤝", "S",
            "you like looking after people"),
          O("talking", "Talking, listening and cheering people up", "Talking to people", "💬", "S",
            "you like talking and listening to people"),
          O("leading", "Leading a team or organising an event", "Being in charge", "📣", "E",
            "you like leading and organising"),
          O("tidy", "Keeping things neat, checked and in order", "Keeping things tidy", "🗂️", "C",
            "you like keeping things in order"),
          O("computers", "Computers, gaming and tech", "Computers", "💻", "CI", "you like computers and tech"),
      )),
    Q("values", "many", "What matters most to you in a job?", "What is most important?",
      hint="Pick up to 3.", most=3, options=(
          O("helping", "Making a difference to people", "Helping people", "❤️", "S", "you want to help people"),
          O("science", "Using science", "Science", "🧪", "I", "you want to use science"),
          O("tech", "Using technology", "Technology", "📱", "CI", "you want to use technology"),
          O("active", "Not sitting down all day", "Not sitting all day", "👟", "R", "you don't want to sit all day"),
          O("creative", "Being creative", "Being creative", "✨", "A", "you want to be creative"),
          O("earn", "Earning money while I learn", "Earning while I learn", "💷", "", "you want to earn while you learn"),
          O("pay", "Good pay in the end", "Good pay", "📈", "", "you want good pay in the end"),
          O("calm", "A calm, steady day", "A calm day", "🌿", "C", "you want a calm, steady day"),
          O("excitement", "Excitement and no two days the same", "Excitement", "⚡", "RE", "you want excitement"),
      )),
    Q("people", "one", "How much do you want to work face to face with patients or the people you support?",
      "Do you want to be with patients?", options=(
          O("lots", "Lots: that is the best part", "Yes, lots", "🙋", "S", "you want to work with people face to face"),
          O("some", "Some is fine", "Some", "🙂", "", "you are happy to meet patients some of the time"),
          O("behind", "I'd rather work behind the scenes", "No, behind the scenes", "🛠️", "",
            "you'd rather work behind the scenes"),
      )),
    Q("setting", "many", "Where would you like to work?", "Where do you want to work?", hint="Pick any.", most=6,
      options=(
          O("hospital", "A busy hospital", "Hospital", "🏥", "", "you'd like to work in a hospital"),
          O("homes", "In people's homes or a care home", "Homes", "🏠", "S", "you'd like to work in people's homes"),
          O("lab", "A lab or workshop", "Lab or workshop", "🧫", "IR", "you'd like to work in a lab or workshop"),
          O("office", "An office, with a computer", "Office", "🖥️", "C", "you'd like to work in an office"),
          O("road", "Out and about, on the road", "On the road", "🚑", "R", "you'd like to be out on the road"),
          O("community", "Schools, clinics and the community", "Community", "🏫", "S",
            "you'd like to work out in the community"),
      )),
    Q("pace", "one", "Do you like things calm or fast?", "Calm or fast?", options=(
        O("calm", "Calm and steady", "Calm", "🐢", "C", "you like things calm and steady"),
        O("mix", "A bit of both", "Both", "⚖️"),
        O("fast", "Fast, busy, even a bit of drama", "Fast", "🐇", "E", "you like things fast and busy"),
    )),
    Q("feelings", "one", "How do you feel about supporting people who are very upset or very ill?",
      "Can you help people who are very ill or sad?", options=(
          O("fine", "I think I could handle it", "Yes", "💪", "S", "you feel you could support people at hard times"),
          O("sometimes", "Sometimes, but not all the time", "Sometimes", "🤔"),
          O("rather_not", "I'd rather not", "No", "🙅", "", "you'd rather not deal with a lot of upset"),
      )),
    Q("physical", "one", "Do you want a job where you're on your feet?", "On your feet, or sitting?", options=(
        O("yes", "Yes, I like being active", "On my feet", "🚶", "R", "you want to be on your feet"),
        O("mix", "A mix", "A mix", "🔁"),
        O("sitting", "I'd rather sit most of the time", "Sitting", "🪑", "C", "you'd rather sit most of the time"),
    )),
    Q("dealbreakers", "many", "Is anything a definite no for you?", "Is anything a big no?",
      hint="Pick any. We will not show jobs that need them.", most=8,
      options=tuple(O(d.id, d.label, d.easy, d.icon) for d in vocabulary.QUIZ_DEALBREAKERS)),
    Q("study", "one", "How long do you want to study after school?", "How long do you want to study?", options=(
        O("asap", "I want to start work as soon as I can", "Start work soon", "🚀", "",
          "you want to start work soon"),
        O("some", "A year or two: college or an apprenticeship", "1 or 2 years", "📘", "",
          "you'd study for a year or two"),
        O("university", "University is fine by me", "University is fine", "🎓", "", "you're happy to go to university"),
        O("unsure", "Not sure yet", "Not sure", "❓"),
    )),
    Q("stage", "one", "Where are you now?", "How old are you?", options=(
        O("pupil", "At school, aged 11 to 16", "11 to 16", "🎒"),
        O("16-18", "16 to 18", "16 to 18", "🧑"),
        O("19-plus", "19 or older", "19 or older", "🧑‍💼"),
    )),
    Q("interests", "text", "What are you into? Tell us in your own words.", "What do you like? Write a few words.",
      hint="For example: I like fixing bikes and gaming, but needles make me queasy."),
)
QUESTIONS_BY_ID = {q.id: q for q in QUESTIONS}


class AnswerError(ValueError):
    """An answer the quiz does not allow; `field` names the question."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True)
class Answers:
    """Checked answers: option ids per question, and the free text. Anything skipped is simply absent."""

    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    text: str = ""

    def chosen(self, question_id: str) -> tuple[Option, ...]:
        question = QUESTIONS_BY_ID[question_id]
        return tuple(o for o in question.options if o.id in self.choices.get(question_id, ()))

    def one(self, question_id: str) -> str | None:
        values = self.choices.get(question_id, ())
        return values[0] if values else None

    def in_words(self) -> list[tuple[str, str]]:
        """(question, the options chosen) for each answered pick question, as a person reads them."""
        return [(q.text, ", ".join(o.label for o in self.chosen(q.id))) for q in QUESTIONS
                if q.kind != "text" and self.chosen(q.id)]

    def to_stored(self) -> dict[str, Any]:
        """These answers as plain JSON, as the cookie and saved shortlists keep them: an option id for a
        pick-one question, a list of ids for a pick-many one, and the person's own words."""
        stored: dict[str, Any] = {}
        for question in QUESTIONS:
            if question.kind == "text":
                if self.text:
                    stored[question.id] = self.text
            elif question.id in self.choices:
                values = list(self.choices[question.id])
                stored[question.id] = values[0] if question.kind == "one" else values
        return stored

    @classmethod
    def from_stored(cls, data: Any) -> Answers:
        """Answers from `to_stored`'s form. Any other shape (an older quiz's, or one altered) is an AnswerError."""
        if not isinstance(data, dict):
            raise AnswerError("answers", "should be an object of question: answer pairs")
        for question_id, value in data.items():
            question = QUESTIONS_BY_ID.get(question_id) if isinstance(question_id, str) else None
            if question is None:
                raise AnswerError(str(question_id), "is not a question")
            if not isinstance(value, list if question.kind == "many" else str):
                raise AnswerError(question_id, "is not stored the way the quiz stores it")
        return parse_answers(data)


def clean_text(text: Any, field: str = "interests") -> str:
    if text is None:
        return ""
    if not isinstance(text, str):
        raise AnswerError(field, "should be text")
    # Control characters and markup are dropped; letters in any script and emoji are kept.
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.replace("<", " ").replace(">", " ").split())
    if len(text) > MAX_TEXT_LENGTH:
        raise AnswerError(field, f"is {len(text)} characters long; please keep it under {MAX_TEXT_LENGTH}")
    return text


def parse_answers(raw: dict[str, Any], text: Any = None) -> Answers:
    """Check answers from the API (JSON) or a form. Values are an option id or a list of them."""
    if not isinstance(raw, dict):
        raise AnswerError("answers", "should be an object of question: answer pairs")
    choices: dict[str, tuple[str, ...]] = {}
    for question_id, value in raw.items():
        question = QUESTIONS_BY_ID.get(question_id)
        if question is None or question.kind == "text":
            if question_id == "interests":
                continue  # accepted in answers too, for forms that post every field together
            raise AnswerError(question_id, f"is not a question; the questions are {', '.join(QUESTIONS_BY_ID)}")
        values = [value] if isinstance(value, str) else value
        if value in (None, "", []):
            continue
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise AnswerError(question_id, "should be an option id or a list of option ids")
        allowed = [o.id for o in question.options]
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise AnswerError(question_id, f"'{unknown[0]}' is not allowed; choose from {', '.join(allowed)}")
        values = list(dict.fromkeys(values))
        if len(values) > question.most:
            raise AnswerError(question_id, f"choose at most {question.most}")
        choices[question_id] = tuple(values)
    if text is None:
        text = raw.get("interests")
    return Answers(choices=choices, text=clean_text(text))


def describe_quiz() -> dict[str, Any]:
    """The quiz as JSON, for GET /api/v1/quiz."""
    return {
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "text": q.text,
                "easy_read": q.easy,
                "hint": q.hint,
                "most": q.most if q.kind == "many" else (1 if q.kind == "one" else None),
                "max_length": MAX_TEXT_LENGTH if q.kind == "text" else None,
                "options": [{"id": o.id, "label": o.label, "easy_read": o.easy} for o in q.options],
            }
            for q in QUESTIONS
        ]
    }
