"""The `careercompass` command, run as a person would run it, against SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from careercompass.catalogue import models
from careercompass.cli import main
from careercompass.database import make_engine
from careercompass.pipeline import follow, initialise, reindex
from careercompass.search.index import SearchIndex, describe
from tests.conftest import dump_database, make_settings, staff_area_settings


def run(settings, *args, extra: dict[str, str] | None = None):
    environment = {
        "CAREERCOMPASS_INSTANCE_DIR": str(settings.instance_dir),
        "CAREERCOMPASS_MODELS_DIR": str(settings.models_dir),
        "CAREERCOMPASS_DATABASE_URL": settings.database_url,
        "CAREERCOMPASS_CATALOGUE_DIR": str(settings.catalogue_dir),
    } | (extra or {})
    return CliRunner().invoke(main, list(args), env=environment, catch_exceptions=False)


def test_init_twice_gives_the_same_database(database_url, settings_for):
    settings = settings_for(database_url)
    first = run(settings, "init")
    assert first.exit_code == 0, first.output
    assert "Ready:" in first.output and "roles in" in first.output
    before = dump_database(settings.database_uri)
    second = run(settings, "init")
    assert second.exit_code == 0, second.output
    assert "0 added, 0 updated" in second.output and "0 roles embedded" in second.output
    assert dump_database(settings.database_uri) == before
    assert describe(settings.index_dir)["documents"] == len(before["roles"])


def test_init_with_a_broken_catalogue_writes_nothing(database_url, settings_for, small_catalogue):
    (small_catalogue / "roles" / "porter.yaml").write_text("slug: porter\ntitle: Porter\n")
    settings = settings_for(database_url, small_catalogue)
    result = run(settings, "init")
    assert result.exit_code == 1
    assert "roles/porter.yaml: family: Field required" in result.output
    assert "Nothing was written." in result.output
    assert all(rows == [] for rows in dump_database(settings.database_uri).values())
    assert not settings.index_dir.exists()


def test_check_catalogue_prints_counts_per_family(settings_for):
    result = run(settings_for(), "check-catalogue")
    assert result.exit_code == 0, result.output
    assert "Adult social care" in result.output and "Total" in result.output
    assert "The catalogue is valid" in result.output


def test_check_catalogue_fails_on_a_broken_file(settings_for, small_catalogue):
    (small_catalogue / "roles" / "porter.yaml").write_text("title: [broken\n")
    result = run(settings_for(catalogue_dir=small_catalogue), "check-catalogue")
    assert result.exit_code == 1
    assert "roles/porter.yaml: is not valid YAML" in result.output


def test_the_command_lists_every_subcommand():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert len(main.commands) >= 6
    for name in main.commands:
        assert f"  {name} " in result.output


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_explains_itself(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: main {command} ")
    # The command's own help text, not only the usage line and the options (compared without the line breaks
    # and spaces that wrapping moves about).
    explanation = "".join((main.commands[command].help or "").split())
    assert len(explanation) > 20 and explanation in "".join(result.output.split())


def test_an_edit_made_straight_to_the_database_reaches_search(database_url, settings_for):
    settings = settings_for(database_url)
    initialise(settings)
    index = SearchIndex(settings.index_dir)
    assert reindex(settings, only_if_changed=True) is None  # nothing changed: nothing written
    engine = make_engine(settings.database_uri)
    with engine.begin() as connection:
        connection.execute(update(models.Role).where(models.Role.slug == "porter").values(title="Porter and zebra"))
    engine.dispose()
    follow(settings, every=1, rounds=1)  # what the writer beside the web workers does every few seconds
    assert [hit.slug for hit in index.search("zebra").hits] == ["porter"]
    assert reindex(settings, only_if_changed=True) is None


def test_check_catalogue_fails_while_pay_is_from_an_older_year(settings_for, small_catalogue):
    result = run(settings_for(catalogue_dir=small_catalogue), "check-catalogue")
    assert result.exit_code == 1
    assert "roles/care-worker.yaml: pay.year: pay is for 2025/26; pay in force is 2026/27" in result.output.replace("\n", " ")


def test_review_catalogue_writes_the_report(settings_for, small_catalogue, tmp_path):
    target = tmp_path / "review.md"
    result = run(settings_for(catalogue_dir=small_catalogue), "review-catalogue", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert f"Wrote the review of 6 roles to {target}." in result.output
    assert "| Porter (`porter`) |" in target.read_text()


def test_review_catalogue_says_plainly_when_it_cannot_write(settings_for, small_catalogue, tmp_path):
    result = run(settings_for(catalogue_dir=small_catalogue), "review-catalogue", "--output",
                 str(tmp_path / "missing" / "review.md"))
    assert result.exit_code == 1
    assert "Could not write" in result.output and "No such file or directory" in result.output


def test_import_vacancies_reports_what_it_did_and_refuses_a_broken_file_whole(tmp_path_factory, ready_settings):
    settings = staff_area_settings(tmp_path_factory, ready_settings)  # a copy of an initialised app: no init to wait for
    fixtures = "tests/vacancies/fixtures/"
    first = run(settings, "import-vacancies", "--format", "nhs-jobs-xml", fixtures + "nhs_jobs_search.xml")
    assert first.exit_code == 0, first.output
    assert "10 new, 0 updated, 0 unchanged, 2 expired, 0 skipped, 2 outside the area" in first.output
    assert "search words: 10 adverts written" in first.output
    before = dump_database(settings.database_uri)
    broken = run(settings, "import-vacancies", "--format", "nhs-jobs-xml", fixtures + "broken.xml")
    assert broken.exit_code == 1 and "is not readable XML" in broken.output and "Nothing was changed." in broken.output
    again = run(settings, "import-vacancies", "--format", "nhs-jobs-xml", fixtures + "nhs_jobs_search.xml")
    assert "0 new, 0 updated, 10 unchanged" in again.output
    assert dump_database(settings.database_uri) == before
    lines = run(settings, "import-vacancies", "--format", "jobposting", "--area", "all", fixtures + "jobposting_lines.jsonl")
    assert "skipped line 3: not valid JSON" in lines.output and "skipped line 5: no title" in lines.output
    bad_area = run(settings, "import-vacancies", "--format", "csv", "--area", "near", fixtures + "employer_template.csv")
    assert bad_area.exit_code == 2 and "give a number of kilometres, or 'all'" in bad_area.output


def test_staff_accounts_are_made_reset_listed_and_removed_from_the_command_line(tmp_path_factory, ready_settings):
    settings = staff_area_settings(tmp_path_factory, ready_settings)
    environment = {"CAREERCOMPASS_INSTANCE_DIR": str(settings.instance_dir),
                   "CAREERCOMPASS_MODELS_DIR": str(settings.models_dir)}

    def users(*args, password=""):
        return CliRunner().invoke(main, ["users", *args], env=environment, input=password + "\n")

    made = users("add", "Staff@Example.org", "--role", "staff", password="a long enough password")
    assert made.exit_code == 0 and "Made an account for staff@example.org (staff)." in made.output
    short = users("add", "other@example.org", "--role", "staff", password="short")
    assert short.exit_code == 1 and "at least 12 characters" in short.output and "No account was made." in short.output
    again = users("add", "staff@example.org", "--role", "admin", password="a long enough password")
    assert again.exit_code == 1 and "already has an account" in again.output
    bad = users("add", "not-an-email", "--role", "staff", password="a long enough password")
    assert bad.exit_code == 1 and "is not an email address" in bad.output
    assert users("add", "x@example.org", "--role", "pupil").exit_code == 2  # no such role
    reset = users("reset-password", "staff@example.org", password="another long password")
    assert reset.exit_code == 0 and "every earlier sign-in has ended" in reset.output
    assert "staff@example.org  staff" in users("list").output
    assert users("remove", "nobody@example.org").exit_code == 1
    assert users("remove", "staff@example.org").exit_code == 0 and "0 accounts." in users("list").output


def test_send_reminders_needs_a_mail_server_and_an_address_then_sends_each_once(tmp_path_factory, ready_settings,
                                                                                smtp_server):
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from careercompass.events import booking
    from careercompass.events.models import Event

    port, received = smtp_server
    settings = staff_area_settings(tmp_path_factory, ready_settings)
    engine = create_engine(settings.database_uri)
    with Session(engine) as session:
        event_id = session.scalar(select(Event.id).order_by(Event.starts_at).limit(1))
        session.execute(update(Event).where(Event.id == event_id)
                        .values(starts_at=datetime.now(UTC) + timedelta(hours=20),
                                ends_at=datetime.now(UTC) + timedelta(hours=22)))
        session.commit()
        booking.book(session, event_id, booking.Request("Sam", "sam@example.org", "16-18", "", True))
    engine.dispose()
    no_server = run(settings, "send-reminders")
    assert no_server.exit_code == 1 and "CAREERCOMPASS_SMTP_HOST" in no_server.output
    mail = {"CAREERCOMPASS_SMTP_HOST": "127.0.0.1", "CAREERCOMPASS_SMTP_PORT": str(port)}
    no_address = run(settings, "send-reminders", extra=mail)
    assert no_address.exit_code == 1 and "CAREERCOMPASS_PUBLIC_URL" in no_address.output
    mail["CAREERCOMPASS_PUBLIC_URL"] = "https://careers.example.org"
    first = run(settings, "send-reminders", extra=mail)
    assert first.exit_code == 0 and "1 sent, 0 not sent" in first.output
    assert "0 sent, 0 not sent" in run(settings, "send-reminders", extra=mail).output
    [sent] = received
    assert sent["To"] == "sam@example.org" and "https://careers.example.org/bookings/" in sent.get_payload(decode=True).decode()


def test_delete_expired_removes_only_what_is_past_its_time_and_says_what(tmp_path_factory, ready_settings, tmp_path):
    from datetime import UTC, datetime, timedelta

    from careercompass.advisers.shortlists import Shortlist
    from careercompass.database import open_session

    settings = staff_area_settings(tmp_path_factory, ready_settings)
    keep = settings.shortlist_retention_days
    with open_session(settings.database_uri) as session:
        for code, age in (("OLDONE", keep + 1), ("NEWONE", keep - 1)):
            session.add(Shortlist(code=code, answers={}, matches=[], not_for_me=[],
                                  created_at=datetime.now(UTC) - timedelta(days=age)))
        session.commit()
    first = run(settings, "delete-expired")
    assert first.exit_code == 0 and "Deleted past their retention time:" in first.output
    assert " 1 saved codes" in first.output, first.output
    with open_session(settings.database_uri) as session:
        assert {s.code for s in session.query(Shortlist)} >= {"NEWONE"} and session.get(Shortlist, "OLDONE") is None
    assert " 0 saved codes" in run(settings, "delete-expired").output  # nothing left to delete
    # A site that was never set up gets one clear line, and no database file is made.
    empty = make_settings(tmp_path / "instance", tmp_path / "models")
    missing = CliRunner().invoke(main, ["delete-expired"], env={"CAREERCOMPASS_INSTANCE_DIR": str(empty.instance_dir)})
    assert missing.exit_code == 1 and "Traceback" not in missing.output and "init" in missing.output
    assert not (empty.instance_dir / "careercompass.sqlite3").exists()
