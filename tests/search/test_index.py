"""The Whoosh adapter: forgiving queries, safe input, and rebuilds that readers pick up without a restart."""

from __future__ import annotations

import pytest

from careercompass.search.index import SearchDocument, SearchIndex, build_index, clean_query


def doc(slug: str, title: str, *others: str, summary: str = "A job in a hospital.") -> SearchDocument:
    return SearchDocument(type="role", slug=slug, title=title, other_titles=list(others), summary=summary,
                          tasks=[], skills=[], family="test")


@pytest.fixture
def index(tmp_path):
    build_index(tmp_path, [
        doc("adult-nurse", "Adult nurse", "Staff nurse", "RN"),
        doc("porter", "Porter", "Hospital porter", summary="You move patients and equipment around."),
        doc("physiotherapist", "Physiotherapist", "Physio"),
    ])
    return SearchIndex(tmp_path)


def test_titles_other_titles_and_stems_are_found(index):
    assert index.search("nurse")[0].slug == "adult-nurse"
    assert index.search("physio")[0].slug == "physiotherapist"
    assert index.search("moving patients")[0].slug == "porter"


def test_a_misspelling_still_finds_the_role(index):
    assert [hit.slug for hit in index.search("nurese")][:1] == ["adult-nurse"]
    assert [hit.slug for hit in index.search("portre")][:1] == ["porter"]


@pytest.mark.parametrize("text", ['"', "nurse AND (", "title:porter", "*", "nurse~~~", "🙂", "<script>", "a" * 5000, "   "])
def test_query_syntax_in_user_input_never_breaks_the_parser(index, text):
    assert isinstance(index.search(text), list)


def test_clean_query_keeps_only_words():
    assert clean_query('Nurse: "band 5" (LGI)*') == "nurse band 5 lgi"


def test_a_reader_picks_up_a_rebuilt_index_without_restarting(index, tmp_path):
    assert index.search("dentist") == []
    build_index(tmp_path, [doc("dentist", "Dentist")])
    assert [hit.slug for hit in index.search("dentist")] == ["dentist"]
    build_index(tmp_path, [doc("porter", "Porter")])
    assert len([p for p in tmp_path.glob("gen-*")]) <= 2  # old generations are cleaned up
