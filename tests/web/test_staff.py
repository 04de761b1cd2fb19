"""The staff area: who may see what, signing in and out, lockout, expiry, and the review queue end to end.

Every permission rule has a test that tries to break it. The area runs on its own database (sample vacancies
loaded), so hiding or relinking adverts here changes nothing for the other tests.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import select

from careercompass.database import make_engine, make_session_factory, transaction
from careercompass.staff import accounts
from careercompass.vacancies.models import TitleMapping, Vacancy
from tests.conftest import app_for, signed_in, staff_area_settings

PASSWORD = "correct horse battery"
STAFF_PAGES = ["/staff", "/staff/review", "/staff/import", "/staff/vacancies", "/staff/vacancies/1", "/staff/log"]
STAFF_POSTS = ["/staff/review", "/staff/import", "/staff/vacancies/1/hide", "/staff/vacancies/1"]
FIXTURES = Path(__file__).resolve().parent.parent / "vacancies" / "fixtures"


@pytest.fixture(scope="module")
def staff_settings(tmp_path_factory, staff_area_template):
    return staff_area_settings(tmp_path_factory, staff_area_template)


@pytest.fixture(scope="module")
def staff_app(staff_settings):
    return app_for(staff_settings, csrf=False)


@pytest.fixture(scope="module")
def guarded_app(staff_settings):
    """The same area with CSRF checks on."""
    return app_for(staff_settings)


def sessions(settings):
    return make_session_factory(make_engine(settings.database_uri))


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_without_signing_in_every_staff_page_sends_you_to_sign_in(staff_app, path):
    response = staff_app.test_client().get(path)
    assert response.status_code == 302 and "/staff/sign-in?next=" in response.headers["Location"]


@pytest.mark.parametrize("path", STAFF_POSTS)
def test_without_signing_in_no_staff_action_runs(staff_app, path):
    assert staff_app.test_client().post(path, data={"key": "x", "role": "none", "format": "csv"}).status_code == 302


@pytest.mark.parametrize("path", [page for page in STAFF_PAGES if page != "/staff"])
def test_an_adviser_account_cannot_use_the_vacancy_area(staff_app, path):
    assert signed_in(staff_app, "adviser@example.org").get(path).status_code == 403


def test_an_adviser_lands_on_a_home_that_offers_only_what_they_may_use(staff_app):
    client = staff_app.test_client()
    signed = client.post("/staff/sign-in", data={"email": "adviser@example.org", "password": PASSWORD})
    assert signed.status_code == 303 and signed.headers["Location"].endswith("/staff")
    home = client.get("/staff").get_data(as_text=True)
    assert "Run a class session" in home and "/staff/review" not in home and "/staff/vacancies" not in home


@pytest.mark.parametrize("path", STAFF_POSTS)
def test_an_adviser_account_cannot_post_to_it_either(staff_app, path):
    client = signed_in(staff_app, "adviser@example.org")
    assert client.post(path, data={"key": "x", "role": "none", "format": "csv"}).status_code == 403


def test_only_admins_read_the_log(staff_app):
    assert signed_in(staff_app, "staff@example.org").get("/staff/log").status_code == 403
    page = signed_in(staff_app, "admin@example.org").get("/staff/log")
    assert page.status_code == 200 and "signed in" in page.get_data(as_text=True)


def test_a_wrong_password_says_nothing_about_which_part_was_wrong(staff_app):
    client = staff_app.test_client()
    for email in ("staff@example.org", "nobody@example.org"):
        response = client.post("/staff/sign-in", data={"email": email, "password": "wrong password here"})
        assert response.status_code == 400
        assert "That email and password do not match an account" in response.get_data(as_text=True)


def test_five_wrong_passwords_lock_the_account_until_an_admin_resets_it(staff_app, staff_settings):
    client = staff_app.test_client()
    for _ in range(accounts.LOCK_AFTER_FAILURES):
        client.post("/staff/sign-in", data={"email": "locked@example.org", "password": "wrong password here"})
    locked = client.post("/staff/sign-in", data={"email": "locked@example.org", "password": PASSWORD})
    assert locked.status_code == 400 and "Too many wrong passwords" in locked.get_data(as_text=True)
    with transaction(sessions(staff_settings)) as session:
        accounts.reset_password(session, "locked@example.org", PASSWORD)
    assert signed_in(staff_app, "locked@example.org").get("/staff").status_code == 200


def test_a_lock_ends_by_itself_after_its_time(staff_settings):
    with transaction(sessions(staff_settings)) as session:
        later = datetime.now(UTC) + timedelta(minutes=accounts.LOCK_MINUTES + 1)
        for _ in range(accounts.LOCK_AFTER_FAILURES):
            accounts.sign_in(session, "changed@example.org", "wrong password here")
        assert accounts.sign_in(session, "changed@example.org", PASSWORD).user is None
        assert accounts.sign_in(session, "changed@example.org", PASSWORD, now=later).user is not None


def test_signing_in_needs_the_form_token(guarded_app):
    response = guarded_app.test_client().post("/staff/sign-in", data={"email": "staff@example.org",
                                                                      "password": PASSWORD})
    assert response.status_code == 400


def test_a_sign_in_ends_after_its_hours_at_sign_out_and_when_the_password_changes(staff_app, staff_settings):
    client = signed_in(staff_app, "staff@example.org")
    with client.session_transaction() as cookie:
        cookie["staff_since"] = time.time() - staff_settings.staff_session_hours * 3600 - 1
    assert client.get("/staff").status_code == 302

    client = signed_in(staff_app, "staff@example.org")
    client.post("/staff/sign-out")
    assert client.get("/staff").status_code == 302

    client = signed_in(staff_app, "changed@example.org")
    with transaction(sessions(staff_settings)) as session:
        accounts.reset_password(session, "changed@example.org", PASSWORD + "!")
    assert client.get("/staff").status_code == 302


def test_a_forged_cookie_is_not_a_sign_in(staff_app):
    client = staff_app.test_client()
    with client.session_transaction() as cookie:
        cookie.update({"staff_id": "1", "staff_version": 1, "staff_since": time.time()})
    assert client.get("/staff").status_code == 302


def test_after_signing_in_you_only_go_on_to_a_staff_page(staff_app):
    client = staff_app.test_client()
    for target, expected in (("//evil.example/staff", "/staff"), ("/staff/review", "/staff/review"),
                             ("https://evil.example", "/staff")):
        response = client.post("/staff/sign-in", data={"email": "staff@example.org", "password": PASSWORD,
                                                       "next": target})
        assert response.headers["Location"] == expected


def test_staff_review_an_unsure_link_and_the_decision_teaches_later_imports(staff_app, staff_settings):
    client = signed_in(staff_app, "staff@example.org")
    page = client.get("/staff/review").get_data(as_text=True)
    assert "Qualified Dental Nurse" in page and "Best guess" in page
    response = client.post("/staff/review", data={"key": "qualified dental nurse", "role": "dental-nurse"})
    assert response.status_code == 303
    with sessions(staff_settings)() as session:
        assert session.get(TitleMapping, "qualified dental nurse").role_slug == "dental-nurse"
        adverts = session.scalars(select(Vacancy).where(Vacancy.title == "Qualified Dental Nurse")).all()
        assert adverts and all(v.link_status == "linked" and v.links[0].role_slug == "dental-nurse" for v in adverts)
        assert any(a.action == "linked a title" for a in accounts.recent_actions(session))
    assert "Qualified Dental Nurse" not in client.get("/staff/review").get_data(as_text=True)


def test_a_decision_must_name_a_real_job(staff_app):
    client = signed_in(staff_app, "staff@example.org")
    assert client.post("/staff/review", data={"key": "qualified dental nurse", "role": "astronaut"}).status_code == 400
    assert client.post("/staff/review", data={"key": "", "role": "none"}).status_code == 400


def test_staff_import_a_file_and_see_its_report_and_a_broken_one_changes_nothing(staff_app, staff_settings):
    client = signed_in(staff_app, "staff@example.org")
    report = client.post("/staff/import", data={
        "format": "csv", "file": (BytesIO((FIXTURES / "employer_template.csv").read_bytes()), "template.csv")},
        content_type="multipart/form-data")
    assert report.status_code == 200 and "6 new" in report.get_data(as_text=True)
    with sessions(staff_settings)() as session:
        before = len(session.scalars(select(Vacancy)).all())
    broken = client.post("/staff/import", data={
        "format": "nhs-jobs-xml", "file": (BytesIO((FIXTURES / "broken.xml").read_bytes()), "broken.xml")},
        content_type="multipart/form-data")
    assert broken.status_code == 400 and "Nothing was changed." in broken.get_data(as_text=True)
    with sessions(staff_settings)() as session:
        assert len(session.scalars(select(Vacancy)).all()) == before


def test_a_hidden_vacancy_leaves_the_public_pages(staff_app, staff_settings):
    client = signed_in(staff_app, "staff@example.org")
    with sessions(staff_settings)() as session:
        vacancy = session.scalars(select(Vacancy).where(Vacancy.title == "Hospital Porter")).first()
        vacancy_id, title = vacancy.id, vacancy.title
    public = staff_app.test_client()
    assert title in public.get("/vacancies?role=porter").get_data(as_text=True)
    client.post(f"/staff/vacancies/{vacancy_id}/hide", data={"hidden": "1"})
    assert title not in public.get("/vacancies?role=porter").get_data(as_text=True)
    client.post(f"/staff/vacancies/{vacancy_id}/hide", data={"hidden": "0"})
    assert title in public.get("/vacancies?role=porter").get_data(as_text=True)


def test_staff_pages_are_never_cached(staff_app):
    assert signed_in(staff_app, "staff@example.org").get("/staff").headers["Cache-Control"] == "no-store"


def test_staff_put_right_an_advert_and_a_bad_date_is_refused(staff_app, staff_settings):
    client = signed_in(staff_app, "staff@example.org")
    with sessions(staff_settings)() as session:
        vacancy = session.scalars(select(Vacancy).where(Vacancy.title == "Ward Clerk")).first()
    bad = client.post(f"/staff/vacancies/{vacancy.id}", data={"title": "Ward Clerk", "employer": vacancy.employer,
                                                              "salary_text": "", "closing": "next week"})
    assert bad.status_code == 400 and "Give the closing date like 2027-01-31" in bad.get_data(as_text=True)
    good = client.post(f"/staff/vacancies/{vacancy.id}", data={"title": "Ward Clerk - Maternity",
                                                               "employer": vacancy.employer, "salary_text": "Band 3",
                                                               "closing": "2030-01-31"})
    assert good.status_code == 303
    with sessions(staff_settings)() as session:
        edited = session.get(Vacancy, vacancy.id)
        assert (edited.title, edited.band_from, str(edited.closing)) == ("Ward Clerk - Maternity", "3", "2030-01-31")
        assert any(a.action == "edited a vacancy" for a in accounts.recent_actions(session))


def test_a_feed_file_larger_than_a_form_may_be_is_taken_with_the_form_token_checked(staff_settings):
    """Uploads may be up to CAREERCOMPASS_MAX_UPLOAD_MB; every other form stays under the 64 KB limit, and the
    token check, which reads the form first, must not refuse the file as too big."""
    import re

    from tests.conftest import STAFF_PASSWORD

    client = app_for(staff_settings).test_client()

    def token(path: str) -> str:
        return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)

    signed = client.post("/staff/sign-in", data={"email": "staff@example.org", "password": STAFF_PASSWORD,
                                                 "csrf_token": token("/staff/sign-in")})
    assert signed.status_code == 303
    feed = (FIXTURES / "employer_template.csv").read_bytes()
    big = feed + b"\n" * (300 * 1024)  # blank lines, which a CSV reader skips
    answer = client.post("/staff/import", content_type="multipart/form-data", data={
        "csrf_token": token("/staff/import"), "format": "csv", "file": (BytesIO(big), "big.csv")})
    assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
    too_big = client.post("/staff/review", data={"csrf_token": token("/staff/review"), "note": "x" * 100_000})
    assert too_big.status_code == 413
