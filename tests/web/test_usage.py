"""The Academy's usage figures: real counts from real use, small counts suppressed, for staff only."""

from __future__ import annotations

from careercompass.matching.quiz import QUESTIONS
from tests.conftest import signed_in


def test_usage_counts_real_use_and_hides_counts_under_five(people_app):
    staff = signed_in(people_app, "staff@example.org")
    before = staff.get("/staff/usage.csv").get_data(as_text=True)
    for n in range(6):  # six people see their results and save them
        person = people_app.test_client()
        person.post(f"/quiz/{len(QUESTIONS)}", data={"interests": f"helping people {n}"})
        page = person.get("/results").get_data(as_text=True)
        shown = page.split('name="shown" value="')[1].split('"')[0] if 'name="shown" value="' in page else None
        if shown:
            person.post("/results/shown", data={"shown": shown})
        person.post("/results/save")
    after = staff.get("/staff/usage.csv").get_data(as_text=True)
    header, *weeks = after.strip().splitlines()
    saved_column = header.split(",").index("Job lists saved with a code")
    this_week = weeks[-1].split(",")
    assert this_week[saved_column] not in ("0", "fewer than 5")  # six saved: a real number
    assert int(this_week[saved_column]) >= 6 and before != after
    page = staff.get("/staff/usage").get_data(as_text=True)
    assert "fewer than 5" in page or "Class sessions run" in page
    assert "<svg" in page and "Week by week" in page


def test_the_usage_figures_are_for_academy_staff_only(people_app):
    for path in ("/staff/usage", "/staff/usage.csv"):
        assert people_app.test_client().get(path).status_code == 302
        assert signed_in(people_app, "adviser@example.org").get(path).status_code == 403


def test_a_quiz_begun_and_a_click_to_an_advert_are_counted_by_area(people_app):
    staff = signed_in(people_app, "staff@example.org")

    def this_week(measure: str) -> str:
        header, *weeks = staff.get("/staff/usage.csv").get_data(as_text=True).strip().splitlines()
        return weeks[-1].split(",")[header.split(",").index(measure)]

    for _ in range(5):
        person = people_app.test_client()
        person.get("/vacancies?near=LS9")  # chooses a place for "near me"
        person.post("/quiz/1", data={"activities": ["caring"]})
        person.post("/quiz/2", data={"skip": "1"})  # a second answer is not a second start
    assert int(this_week("Quizzes started")) >= 5
    page = people_app.test_client().get("/vacancies").get_data(as_text=True)
    went = page.split('data-went="')[1].split('"')[0]
    for _ in range(5):
        assert people_app.test_client().post(went).status_code == 204
    assert int(this_week("Clicks through to job adverts")) >= 5
    assert people_app.test_client().post("/vacancies/999999/went").status_code == 404
    assert "LS9" in staff.get("/staff/usage").get_data(as_text=True)
