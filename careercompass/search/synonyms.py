"""The sector's own words: short forms, slang and far-off spellings, each mapped to phrases the roles do use.

Typo matching cannot get from "fisio" to "physiotherapist" or from "bloods" to "phlebotomist"; this table can.
It lives in roles_catalogue/search_words.yaml beside the roles it points at, and is copied into each index
generation, so a rebuilt index brings its own table with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from careercompass.catalogue.loader import Problem

WORDS_FILE = "search_words.yaml"
_YAML_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader  # libyaml's is several times faster
# Words keep an inner "&" or "'" so "a&e" and "people's" stay one word.
_WORD = re.compile(r"[a-z0-9]+(?:[&'][a-z0-9]+)*")


class SynonymsInvalid(ValueError):
    """The table is not a mapping of lower-case keys to lists of phrases."""


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


@dataclass(frozen=True)
class Expansion:
    key: tuple[str, ...]  # the words typed
    phrase: tuple[str, ...]  # what they stand for
    rest: tuple[str, ...]  # the other words typed
    at: int  # where the key starts among the words typed


@dataclass(frozen=True)
class Synonyms:
    table: dict[tuple[str, ...], tuple[str, ...]]  # key words -> phrases to look for as well

    # Worked out once per table: both are read on every search.
    @cached_property
    def longest_key(self) -> int:
        return max((len(key) for key in self.table), default=0)

    def expansions(self, words: list[str]) -> list[Expansion]:
        """Every synonym whose key appears in `words` as whole words, longest keys first, never overlapping."""
        found: list[Expansion] = []
        taken: set[int] = set()
        for size in range(min(self.longest_key, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                span = set(range(start, start + size))
                key = tuple(words[start:start + size])
                if key in self.table and not span & taken:
                    taken |= span
                    rest = tuple(words[:start] + words[start + size:])
                    found += [Expansion(key, tuple(words_of(phrase)), rest, start) for phrase in self.table[key]]
        return found

    def readings(self, words: list[str]) -> list[list[str]]:
        """The words as typed, then once per synonym with its key replaced by the phrase it stands for."""
        return [words] + [
            words[:e.at] + list(e.phrase) + words[e.at + len(e.key):] for e in self.expansions(words)
        ]

    @cached_property
    def known_words(self) -> frozenset[str]:
        return frozenset(word for key in self.table for word in key)

    def as_json(self) -> dict[str, list[str]]:
        return {" ".join(key): list(phrases) for key, phrases in self.table.items()}

    @classmethod
    def from_json(cls, data: dict[str, list[str]]) -> Synonyms:
        return cls({tuple(words_of(key)): tuple(phrases) for key, phrases in data.items()})


NO_SYNONYMS = Synonyms({})


def load_synonyms(catalogue_dir: Path) -> Synonyms:
    path = catalogue_dir / WORDS_FILE
    if not path.exists():
        return NO_SYNONYMS
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    entries = data.get("words") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise SynonymsInvalid(f"{WORDS_FILE}: should have a 'words:' mapping")
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key, phrases in entries.items():
        key_words = tuple(words_of(str(key)))
        if not key_words or str(key) != str(key).lower():
            raise SynonymsInvalid(f"{WORDS_FILE}: '{key}' should be lower-case words")
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise SynonymsInvalid(f"{WORDS_FILE}: {key}: should be a list of phrases")
        if key_words in table:
            raise SynonymsInvalid(f"{WORDS_FILE}: '{key}' is listed twice")
        table[key_words] = tuple(p.strip() for p in phrases)
    return Synonyms(table)


def unreachable_phrases(synonyms: Synonyms, names: Iterable[str]) -> list[str]:
    """Phrases with a word no role title or other title uses: they could never find anything."""
    vocabulary = {word for name in names for word in words_of(name)}
    return sorted(
        f"{' '.join(key)}: {phrase}"
        for key, phrases in synonyms.table.items()
        for phrase in phrases
        if not set(words_of(phrase)) <= vocabulary
    )


def check_search_words(catalogue_dir: Path, names: Iterable[str]) -> tuple[Synonyms, list[Problem]]:
    """The table in the catalogue folder, and what is wrong with it (a bad file, or phrases that find nothing)."""
    try:
        synonyms = load_synonyms(catalogue_dir)
    except SynonymsInvalid as error:
        return NO_SYNONYMS, [Problem(WORDS_FILE, "", str(error).removeprefix(f"{WORDS_FILE}: "))]
    problems = [Problem(WORDS_FILE, phrase, "no role's title or other titles use all of these words")
                for phrase in unreachable_phrases(synonyms, names)]
    return synonyms, problems
