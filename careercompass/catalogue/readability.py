"""Reading age of catalogue text, by the Flesch-Kincaid grade (UK reading age = US grade + 5).

Syllables are counted with a small rule-based counter: exact enough to rank texts and catch the hard ones,
and needs no word list downloaded at run time.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    word = word.lower().removesuffix("'s")
    if len(word) <= 3:
        return 1
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1  # a silent final e: "care", "nurse"
    if word.endswith(("ed", "es")) and not word.endswith(("ted", "ded", "ses", "zes", "ces", "ges")):
        count -= 1  # "helped", "takes"
    return max(1, count)


def reading_age(text: str) -> float:
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(SENTENCE_END.findall(text.strip() + " ")))
    syllable_count = sum(syllables(w) for w in words)
    grade = 0.39 * len(words) / sentences + 11.8 * syllable_count / len(words) - 15.59
    return round(grade + 5, 1)
