"""Your route from here: shared routes as data, the steps laid out from a person's stage, on the page and in the API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from careercompass.catalogue.loader import CatalogueInvalid, load_catalogue
from careercompass.catalogue.routes import years_in
from careercompass.pathway import Where, route_from_here

CATALOGUE = Path(__file__).resolve().parents[2] / "roles_catalogue"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(CATALOGUE)


def problems_for(directory: Path) -> list[str]:
    with pytest.raises(CatalogueInvalid) as caught:
        load_catalogue(directory)
    return [str(problem) for problem in caught.value.problems]


def test_every_shared_route_has_sources_and_every_way_in_follows_a_route_that_exists(catalogue):
    kinds = {route.type for route in catalogue.routes.values()}
    assert {"t-level", "apprenticeship", "college-course", "degree", "short-course", "cadets", "volunteering"} <= kinds
    assert all(route.sources for route in catalogue.routes.values())
    followed = [catalogue.route_id_for(entry) for role in catalogue.roles for entry in role.entry_routes]
    assert all(route_id in catalogue.routes for route_id in followed if route_id)
    # The short courses the Leeds programmes used are all there.
    for wanted in ("emergency-first-aid", "mental-health-first-aid", "food-hygiene", "moving-and-assisting",
                   "care-certificate", "nhs-cadets", "hospital-volunteering"):
        assert wanted in catalogue.routes


def test_a_level_7_apprenticeship_says_who_the_government_pays_for(catalogue):
    level_7 = [route for route in catalogue.routes.values() if route.type == "apprenticeship" and route.level == 7]
    assert level_7
    for route in level_7:
        assert "16 to 21" in route.cost
        assert any("level 7" in source.fact for source in route.sources)


def test_a_way_in_that_names_a_missing_route_or_t_level_is_refused(small_catalogue):
    path = small_catalogue / "roles" / "healthcare-support-worker.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("t_level: Health", "t_level: Health and Beauty"), encoding="utf-8")
    porter = small_catalogue / "roles" / "porter.yaml"
    data = yaml.safe_load(porter.read_text(encoding="utf-8"))
    data["entry_routes"][0]["route"] = "no-such-course"
    porter.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    problems = problems_for(small_catalogue)
    assert any("healthcare-support-worker.yaml: entry_routes[" in p and ".t_level: 'Health and Beauty' is not a route"
               in p for p in problems), problems
    assert any("porter.yaml: entry_routes[0].route: 'no-such-course' is not a route in routes.yaml" in p
               for p in problems), problems


@pytest.mark.parametrize(("words", "years"), [("About 12 months", 1.0), ("Usually two years or more", 2.0),
                                              ("About 18 months", 1.5), ("3 to 4 years", 3.0), ("ask", None)])
def test_lengths_in_words_are_read_as_years(words, years):
    assert years_in(words) == years


def plan_for(catalogue, slug: str, stage: str, english_maths: str | None = None):
    role = next(role for role in catalogue.roles if role.slug == slug)

    class Entry:  # the shape the page hands over: the database row's fields
        def __init__(self, entry):
            self.__dict__.update(entry.model_dump())
            self.route_id = catalogue.route_id_for(entry)

    routes = {route_id: _Row(route) for route_id, route in catalogue.routes.items()}
    return route_from_here(Where(stage, english_maths), [Entry(e) for e in role.entry_routes], routes,
                           role.minimum_age)


class _Row:
    def __init__(self, route):
        self.__dict__.update(route.model_dump(mode="json"))


def test_a_pupil_in_year_10_finishes_school_first_and_paid_ways_come_first(catalogue):
    plan = plan_for(catalogue, "healthcare-support-worker", "year-9-11")
    assert plan.ways[0].paid
    assert all(way.steps[0].title.startswith("Finish Year 11") for way in plan.ways)
    paid = [way.paid for way in plan.ways]
    assert paid == sorted(paid, reverse=True)  # every paid way before every unpaid one
    assert "nhs-cadets" in {route.id for route in plan.first_steps}


def test_without_english_and_maths_a_free_step_to_get_them_comes_before_a_t_level_or_degree(catalogue):
    plan = plan_for(catalogue, "healthcare-support-worker", "16-18-not-learning", "no")
    t_level = next(way for way in plan.ways if way.type == "t-level")
    assert t_level.steps[0].route_id == "english-and-maths"
    assert "Free" in t_level.steps[0].money
    with_gcses = plan_for(catalogue, "healthcare-support-worker", "16-18-not-learning", "yes")
    assert all(step.route_id != "english-and-maths" for way in with_gcses.ways for step in way.steps)


def test_adults_are_not_offered_t_levels_and_get_an_access_course_before_a_degree(catalogue):
    plan = plan_for(catalogue, "adult-nurse", "19-plus", "yes")
    assert all(way.type != "t-level" for way in plan.ways)
    degree = next(way for way in plan.ways if way.type == "degree")
    assert degree.steps[0].route_id == "access-to-higher-education"
    assert "Learning Support Fund" in degree.steps[-1].money


def test_someone_already_in_care_goes_straight_to_the_top_up_ways(catalogue):
    plan = plan_for(catalogue, "adult-nurse", "working-in-care", "yes")
    for way in plan.ways:
        assert not any(step.title.startswith(("Finish Year 11", "First, work in the job")) for step in way.steps)


def section(html: str) -> str:
    found = re.search(r'<section aria-labelledby="plan-heading".*?</section>', html, re.S)
    assert found, "no route-from-here section"
    return found.group(0)


def test_the_role_page_asks_where_you_are_and_then_remembers_it(client):
    first = section(client.get("/roles/healthcare-support-worker").get_data(as_text=True))
    assert "Where are you now?" in first and "Show my route" in first and "Time:" not in first
    chosen = section(client.get("/roles/healthcare-support-worker?stage=year-9-11&english_maths=no")
                     .get_data(as_text=True))
    assert "Finish Year 11" in chosen and "Time:" in chosen and 'value="year-9-11" checked' in chosen
    remembered = section(client.get("/roles/porter").get_data(as_text=True))
    assert "Finish Year 11" in remembered  # the choice is kept in the visitor's cookie, not asked again
    reset = section(client.get("/roles/porter?stage=").get_data(as_text=True))
    assert "Time:" not in reset


def test_a_made_up_stage_is_ignored_kindly(client):
    page = client.get("/roles/porter?stage=astronaut&english_maths=maybe")
    assert page.status_code == 200
    assert "Time:" not in section(page.get_data(as_text=True))


def test_the_routes_api_lists_routes_and_lays_out_a_role_from_a_stage(client):
    t_levels = client.get("/api/v1/routes?type=t-level").get_json()
    assert t_levels["count"] == len(t_levels["routes"]) >= 7
    health = next(route for route in t_levels["routes"] if route["id"] == "t-level-health")
    assert health["providers"] and health["sources"] and health["minimum_age"] == 16
    planned = client.get("/api/v1/routes?role=healthcare-support-worker&stage=16-18-learning&english_maths=yes")
    body = planned.get_json()
    assert {route["id"] for route in body["routes"]} >= {"t-level-health", "apprenticeship-st0216"}
    assert body["from_here"][0]["paid_while_learning"] is True
    assert all(step["time"] and step["money"] for way in body["from_here"] for step in way["steps"])


@pytest.mark.parametrize(("query", "names"), [("type=boat", "type:"), ("role=nobody", "role:"), ("stage=x&role=porter", "stage:"),
                                              ("stage=19-plus", "stage:"), ("colour=red", "colour:")])
def test_the_routes_api_names_a_bad_parameter(client, query, names):
    answer = client.get(f"/api/v1/routes?{query}")
    assert answer.status_code == 400
    assert answer.get_json()["error"]["message"].startswith(names)


def test_results_give_each_job_the_first_way_in_from_the_stage_chosen(client):
    with client.session_transaction() as cookie:
        cookie["quiz_answers"] = {"activities": ["caring"]}
    before = client.get("/results").get_data(as_text=True)
    assert "Your best way in" not in before
    client.get("/roles/porter?stage=year-9-11&english_maths=yes")
    after = client.get("/results").get_data(as_text=True)
    lines = re.findall(r"Your best way in</span>([^<]*)", after)
    assert len(lines) >= 5
    assert all(("paid" in line or "about" in line or "short time" in line) for line in lines), lines
    assert not any("apply now" in line for line in lines)  # a Year 10 pupil is never told to apply now


@pytest.mark.parametrize(("answers", "stage"), [
    ({"stage": "pupil", "activities": ["caring"]}, "year-9-11"),
    ({"stage": "16-18", "interests": "i left school in june and want a job"}, "16-18-not-learning"),
    ({"stage": "16-18"}, "16-18-learning"),
    ({"interests": "im in year 10 and like helping people"}, "year-9-11"),
])
def test_the_stage_comes_from_the_quiz_until_the_person_chooses_one(client, answers, stage):
    with client.session_transaction() as cookie:
        cookie["quiz_answers"] = answers
    from_quiz = section(client.get("/roles/porter").get_data(as_text=True))
    assert f'value="{stage}" checked' in from_quiz and "from your quiz answers" in from_quiz
    assert "Your best way in" in client.get("/results").get_data(as_text=True)
    chosen = section(client.get("/roles/porter?stage=19-plus&english_maths=yes").get_data(as_text=True))
    assert 'value="19-plus" checked' in chosen and "from your quiz answers" not in chosen


def test_no_stage_is_guessed_when_the_quiz_did_not_say(client):
    with client.session_transaction() as cookie:
        cookie["quiz_answers"] = {"activities": ["caring"]}
    assert "Time:" not in section(client.get("/roles/porter").get_data(as_text=True))


def test_a_way_in_with_no_qualifications_says_whether_it_pays_from_the_first_day(catalogue):
    # A job that takes people with no exams pays while it trains them; a start as a volunteer does not.
    porter = plan_for(catalogue, "porter", "19-plus")
    straight_in = next(way for way in porter.ways if way.type == "no-qualifications")
    assert straight_in.paid and straight_in.steps[-1].money == "You are paid from your first day."
    befriending = plan_for(catalogue, "befriending-coordinator", "19-plus")
    as_a_volunteer = next(way for way in befriending.ways if way.type == "no-qualifications")
    assert not as_a_volunteer.paid and as_a_volunteer.steps[-1].money == "You are not paid at first."


def test_only_ways_in_that_pay_from_the_start_are_called_earn_while_you_learn(catalogue):
    entries = [(role, entry) for role in catalogue.roles for entry in role.entry_routes]
    volunteer_starts = [(role.slug, entry.title) for role, entry in entries
                        if re.search(r"\bvolunteer", entry.title, re.I) and not entry.title.startswith("Apply with")]
    assert volunteer_starts
    assert not [found for found in volunteer_starts if next(
        entry for role, entry in entries if (role.slug, entry.title) == found).earn_while_you_learn]
    straight_in = [entry for _, entry in entries if entry.title == "Apply straight for a job"]
    assert len(straight_in) > 30 and all(entry.earn_while_you_learn for entry in straight_in)


def test_an_apprenticeship_only_for_people_in_post_starts_with_a_job_in_the_field(catalogue):
    plan = plan_for(catalogue, "registered-care-manager", "16-18-not-learning")
    apprenticeship = next(way for way in plan.ways if way.type == "apprenticeship")
    assert apprenticeship.steps[0].title == "First, work in the job this builds on"
    trainee = next(way for way in plan_for(catalogue, "nursing-associate", "16-18-not-learning").ways
                   if way.type == "apprenticeship")
    assert all(step.title != "First, work in the job this builds on" for step in trainee.steps)
