"""The Whoosh adapter: forgiving queries, safe input, and rebuilds that readers pick up without a restart."""

from __future__ import annotations

import pytest

from careercompass.search.index import SearchDocument, SearchIndex, build_index, clean_query
from careercompass.search.synonyms import Synonyms


def doc(slug: str, title: str, *others: str, summary: str = "A job in a hospital.") -> SearchDocument:
    return SearchDocument(type="role", slug=slug, title=title, other_titles=list(others), summary=summary,
                          tasks=[], skills=[], family="test")


@pytest.fixture
def index(tmp_path):
    build_index(tmp_path, [
        doc("adult-nurse", "Adult nurse", "Staff nurse", "RN"),
        doc("porter", "Porter", "Hospital porter", summary="You move patients and equipment around."),
        doc("physiotherapist", "Physiotherapist", "Physio"),
        doc("healthcare-support-worker", "Healthcare support worker", "HCA", "Nursing assistant"),
        doc("phlebotomist", "Phlebotomist", summary="You take blood samples for tests."),
    ], Synonyms({("fisio",): ("physiotherapist",), ("bloods",): ("phlebotomist",), ("a&e", "nurse"): ("adult nurse",)}))
    return SearchIndex(tmp_path)


def slugs(index, text):
    return [hit.slug for hit in index.search(text).hits]


def test_titles_other_titles_and_stems_are_found(index):
    assert slugs(index, "nurse")[0] == "adult-nurse"
    assert slugs(index, "physio")[0] == "physiotherapist"
    assert slugs(index, "moving patients")[0] == "porter"


def test_a_misspelling_still_finds_the_role(index):
    assert slugs(index, "nurese")[:1] == ["adult-nurse"]
    assert slugs(index, "portre")[:1] == ["porter"]
    assert index.search("nurese").corrected == "nurse"  # offered as "did you mean"
    assert index.search("porter").corrected is None
    assert index.search("kids").corrected is None  # short words are not "fixed" into other words


@pytest.mark.parametrize("text", ['"', "nurse AND (", "title:porter", "*", "nurse~~~", "🙂", "<script>", "a" * 5000, "   "])
def test_query_syntax_in_user_input_never_breaks_the_parser(index, text):
    assert isinstance(index.search(text).hits, list)
    assert isinstance(index.suggest(text), list)


def test_clean_query_keeps_only_words():
    assert clean_query('Nurse: "band 5" (LGI)*') == "nurse band 5 lgi"


def test_a_reader_picks_up_a_rebuilt_index_without_restarting(index, tmp_path):
    assert index.search("dentist").hits == []
    build_index(tmp_path, [doc("dentist", "Dentist")])
    assert slugs(index, "dentist") == ["dentist"]
    build_index(tmp_path, [doc("porter", "Porter")])
    assert len([p for p in tmp_path.glob("gen-*")]) <= 2  # old generations are cleaned up


def test_sector_words_and_slang_reach_the_role_they_mean(index):
    assert slugs(index, "fisio")[:1] == ["physiotherapist"]
    assert slugs(index, "bloods")[:1] == ["phlebotomist"]
    assert slugs(index, "A&E nurse")[:1] == ["adult-nurse"]  # a key of two words, one with "&" inside


def test_every_word_must_match_before_any_word_will_do(index):
    result = index.search("hospital porter")
    assert [hit.slug for hit in result.hits if hit.how == "words"] == ["porter"]
    assert index.search("porter wizard").hits[0].how == "some words"


def test_suggestions_complete_the_last_word_and_say_which_name_matched(index):
    assert [s.slug for s in index.suggest("por")] == ["porter"]
    assert [s.slug for s in index.suggest("health sup")] == ["healthcare-support-worker"]
    hca = index.suggest("hc")[0]
    assert (hca.slug, hca.title, hca.matched) == ("healthcare-support-worker", "Healthcare support worker", "HCA")
    assert index.suggest("nursing ass")[0].matched == "Nursing assistant"
    assert index.suggest("zzz") == []


def test_names_that_start_with_the_typed_word_come_first(index):
    # "Nursing assistant" starts with "nurs"; "Adult nurse" only has it as a later word.
    assert [s.slug for s in index.suggest("nurs")] == ["healthcare-support-worker", "adult-nurse"]
