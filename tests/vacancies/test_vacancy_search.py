"""Words search over vacancies: the index is built whole once, then only what an import changed is written."""

from __future__ import annotations

from careercompass.search import vacancy_index
from careercompass.search.vacancy_index import VacancyText


def doc(n: int, title: str, roles: str = "", employer: str = "Leeds Teaching Hospitals NHS Trust") -> VacancyText:
    return VacancyText(n, title, employer, "A sample summary.", roles)


def test_an_index_is_built_whole_then_changed_advert_by_advert(tmp_path):
    directory = tmp_path / "vacancy_index"
    assert vacancy_index.search(directory, "nurse") is None  # no index yet: the page says so rather than failing
    assert vacancy_index.rebuild(directory, [doc(1, "Staff Nurse - Ward 7", "Adult nurse"),
                                             doc(2, "Hospital Porter", "Porter")]) == 2
    assert vacancy_index.search(directory, "nurse") == [1]
    vacancy_index.apply(directory, changed=[doc(3, "Band 5 RGN", "Adult nurse"), doc(2, "Night Porter", "Porter")],
                        deleted=[1])
    assert vacancy_index.search(directory, "nurse") == [3]  # found by the role it is linked to
    assert vacancy_index.search(directory, "porter") == [2]
    assert vacancy_index.search(directory, "leeds teaching") is not None


def test_writing_changes_with_no_index_says_so(tmp_path):
    try:
        vacancy_index.apply(tmp_path / "missing", [doc(1, "Porter")], [])
    except vacancy_index.VacancyIndexUnavailable as problem:
        assert "there is no vacancy index" in str(problem)
    else:
        raise AssertionError("no error")


def test_odd_words_do_not_break_the_search(tmp_path):
    directory = tmp_path / "vacancy_index"
    vacancy_index.rebuild(directory, [doc(1, "Staff Nurse")])
    for words in ('"unclosed', "AND OR NOT", "nurse*", "(((", "title:nurse", "x" * 500):
        assert isinstance(vacancy_index.search(directory, words), list)
