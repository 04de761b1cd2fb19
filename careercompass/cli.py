"""The `careercompass` command: set up, check and serve the app."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from tqdm import tqdm

from careercompass.catalogue.loader import CatalogueInvalid
from careercompass.catalogue.upkeep import PayRules
from careercompass.config import PROJECT_ROOT, Settings
from careercompass.database import DatabaseUnavailable
from careercompass.matching.embeddings import ModelUnavailable
from careercompass.vacancies.feeds import FORMATS

INIT_STEPS = 5


class _Commands(click.Group):
    """Known failures end a command with one clear line (what is wrong, what to do), never a traceback."""

    def invoke(self, ctx: click.Context):
        from sqlalchemy.exc import DBAPIError

        from careercompass.database import describe_failure
        from careercompass.matching.service import EmbeddingsMissing
        from careercompass.search.index import SearchUnavailable

        try:
            return super().invoke(ctx)
        except CatalogueInvalid as error:
            raise click.ClickException(f"{error}\nNothing was written.") from None
        except ModelUnavailable as error:
            raise click.ClickException(f"The embedding model cannot be used: {error}") from None
        except (DatabaseUnavailable, EmbeddingsMissing, SearchUnavailable) as error:
            raise click.ClickException(str(error)) from None
        except DBAPIError as error:
            raise click.ClickException(describe_failure(error)) from None


@click.group(cls=_Commands,
             help="Career Compass Leeds: set up, check and serve the app. Settings come from CAREERCOMPASS_* variables.")
def main() -> None:
    pass


@main.command(help="Create or upgrade the database, load the catalogue, build the search index and embeddings.")
def init() -> None:
    from careercompass.pipeline import initialise

    settings = Settings.from_environment()
    started = time.perf_counter()
    with tqdm(total=INIT_STEPS, unit="step", file=sys.stderr, bar_format="{l_bar}{bar}| {n}/{total}") as bar:

        def progress(step: str) -> None:
            bar.set_description(step)
            bar.update(1)

        try:
            summary = initialise(settings, progress)
        finally:
            bar.close()
    saved = summary.saved
    click.echo(
        f"Ready: {summary.roles} roles in {summary.families} families "
        f"({saved.added} added, {saved.updated} updated, {saved.unchanged} unchanged, {saved.removed} removed); "
        f"{summary.indexed} documents indexed; {summary.embedded} roles embedded; "
        f"{time.perf_counter() - started:.1f} s."
    )
    if summary.sample_vacancies is not None:
        click.echo(f"Sample vacancies (invented, for the embedded default): {summary.sample_vacancies.line}.")


@main.command("import-vacancies", help="Import job adverts from a feed file, a folder of them or a web address. "
                                        "One import is one transaction: a file that cannot be read changes nothing.")
@click.option("--format", "feed_format", type=click.Choice(FORMATS), required=True,
              help="nhs-jobs-xml (NHS Jobs search XML), jobposting (schema.org JSON-LD: JSON, JSON Lines or HTML "
                   "pages), adzuna (Adzuna search JSON) or csv (the template in the README).")
@click.option("--area", default=None, metavar="KM|all",
              help="Keep adverts within KM of Leeds city centre, or all of them. Default: CAREERCOMPASS_VACANCY_AREA_KM.")
@click.argument("source")
def import_vacancies(feed_format: str, area: str | None, source: str) -> None:
    from careercompass.database import open_session
    from careercompass.search.index import SearchIndex
    from careercompass.vacancies.feeds import FeedUnreadable
    from careercompass.vacancies.service import ImportRequest, run_import, update_search
    from careercompass.vacancies.sources import SourceUnavailable

    settings = Settings.from_environment()
    request = ImportRequest(source, feed_format, _area(area, settings.vacancy_area_km), settings.vacancy_retention_days)
    try:
        with open_session(settings.database_uri) as session:
            summary = run_import(session, SearchIndex(settings.index_dir), request)
            indexed = update_search(session, summary.changed_ids, summary.deleted_ids)
            session.commit()
    except (SourceUnavailable, FeedUnreadable) as error:
        raise click.ClickException(f"{error}. Nothing was changed.") from None
    click.echo(f"Imported {source}: {summary.line}; {indexed}.")
    for skipped in summary.skipped[:20]:
        click.echo(f"  skipped {skipped.where}: {skipped.reason}")
    if len(summary.skipped) > 20:
        click.echo(f"  and {len(summary.skipped) - 20} more skipped.")


def _area(text: str | None, default_km: float):
    from careercompass.vacancies.importer import Area

    if text is None:
        return Area(default_km)
    if text.strip().lower() == "all":
        return None
    try:
        km = float(text)
    except ValueError:
        raise click.BadParameter("give a number of kilometres, or 'all'", param_hint="--area") from None
    if km <= 0:
        raise click.BadParameter("give a number of kilometres above 0, or 'all'", param_hint="--area")
    return Area(km)


def pay_rules(settings: Settings) -> PayRules:
    return PayRules(current_year=settings.current_pay_year, living_wage=settings.national_living_wage)


@main.command("send-reminders", help="Email a reminder to everyone with a place at an event that starts soon, once "
                                      "each, and any booking confirmation the mail server missed. Run it from a "
                                      "scheduler, for example every hour.")
@click.option("--hours", type=click.IntRange(1, 24 * 14), default=None,
              help="Remind about events starting within this many hours. Default: CAREERCOMPASS_REMINDER_HOURS.")
def send_reminders(hours: int | None) -> None:
    from careercompass.database import open_session
    from careercompass.events.messages import Mail, send_late_confirmations
    from careercompass.events.messages import send_reminders as remind

    settings = Settings.from_environment()
    if not settings.smtp_host:
        raise click.ClickException("No mail server is set: set CAREERCOMPASS_SMTP_HOST. Nothing was sent.")
    if not settings.public_url.startswith(("https://", "http://")):
        raise click.ClickException("Set CAREERCOMPASS_PUBLIC_URL to the site's address (https://...) so the emails "
                                   "can link to each booking. Nothing was sent.")
    mail = Mail.from_settings(settings)
    with open_session(settings.database_uri) as session:
        late, late_failed = send_late_confirmations(session, mail, settings.public_url)
        sent, failed = remind(session, mail, settings.public_url, hours or settings.reminder_hours)
    if late or late_failed:
        click.echo(f"Confirmations the mail server missed at booking time: {late} sent, {late_failed} not sent.")
    click.echo(f"Reminders: {sent} sent, {failed} not sent (they will be tried again next time).")
    if failed or late_failed:
        sys.exit(1)


@main.command("delete-expired", help="Delete personal data past its retention time (CAREERCOMPASS_*_RETENTION_DAYS): "
                                      "feedback, bookings' names and contacts, saved codes, class sessions and "
                                      "requests for help. Run it from a scheduler, for example daily; init does it too.")
def delete_expired() -> None:
    from careercompass import pipeline

    deleted = pipeline.delete_expired_data(Settings.from_environment())
    click.echo(f"Deleted past their retention time: {deleted.line}.")


@main.command("check-catalogue", help="Check every catalogue file and report problems; writes nothing.")
def check_catalogue() -> None:
    from careercompass.catalogue.quality import family_table, readability_report
    from careercompass.catalogue.upkeep import upkeep_problems
    from careercompass.pipeline import checked_catalogue

    settings = Settings.from_environment()
    try:
        catalogue, _ = checked_catalogue(settings.catalogue_dir)
    except CatalogueInvalid as error:
        raise click.ClickException(str(error)) from None  # nothing is ever written here, so no "nothing was written"
    click.echo(family_table(catalogue))
    click.echo(readability_report(catalogue))
    problems = upkeep_problems(catalogue, pay_rules(settings))
    if problems:
        raise click.ClickException(str(CatalogueInvalid(problems)) + "\n(`careercompass review-catalogue` writes "
                                   "these as a report.)")
    click.echo(f"The catalogue is valid and current: {len(catalogue.roles)} roles, pay for {settings.current_pay_year}.")


@main.command("review-catalogue", help="Write a report for the people who keep the catalogue true: roles by the date "
                                        "they were last checked, facts without a source page, old pay, missing ages.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("catalogue-review.md"),
              show_default=True, help="The Markdown file to write.")
def review_catalogue(output: Path) -> None:
    from datetime import date

    from careercompass.catalogue.upkeep import review_report
    from careercompass.pipeline import checked_catalogue

    settings = Settings.from_environment()
    try:
        catalogue, _ = checked_catalogue(settings.catalogue_dir)
    except CatalogueInvalid as error:
        raise click.ClickException(str(error)) from None
    report = review_report(catalogue, pay_rules(settings), date.today())
    try:
        output.write_text(report, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"Could not write {output}: {error.strerror}") from None
    click.echo(f"Wrote the review of {len(catalogue.roles)} roles to {output}.")


@main.command(help="Rebuild the search index and store the vectors of edited roles; running workers pick both up.")
@click.option("--follow", type=click.FloatRange(min=1), default=None, metavar="SECONDS",
              help="Keep running, and rebuild the index whenever the data changes (checked every SECONDS).")
def reindex(follow: float | None) -> None:
    from careercompass import pipeline

    settings = Settings.from_environment()
    if follow is not None:
        click.echo(f"Watching the data for changes every {follow:g} s (press Ctrl+C to stop).")
        pipeline.follow(settings, follow)
        return
    count = pipeline.reindex(settings)
    embedded = pipeline.refresh_embeddings(settings)
    adverts = pipeline.rebuild_vacancy_search(settings)
    click.echo(f"Indexed {count} documents and {adverts} vacancies; {embedded} roles embedded.")


def _personas_option(command):
    return click.option(
        "--personas", "personas_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=PROJECT_ROOT / "tests" / "matching" / "personas.yaml", show_default=True,
        help="The labelled personas to evaluate on.",
    )(command)


def _match_data_and_personas(settings: Settings, personas_path: Path):
    from careercompass.matching import evaluation
    from careercompass.matching.service import EmbeddingsMissing, load_match_data_from_settings

    try:
        data = load_match_data_from_settings(settings)
    except EmbeddingsMissing as error:
        raise click.ClickException(str(error)) from None
    try:
        personas = evaluation.load_personas(personas_path, {role.slug for role in data.roles})
    except (ValueError, KeyError) as error:
        raise click.ClickException(f"{personas_path}: {error}") from None
    return data, personas


@main.command(help="Score the matcher on labelled personas (development and held-out halves side by side) against "
                   "keyword, embedding and quiz-only baselines, and check the intent searches.")
@click.option("--personas", "personas_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=PROJECT_ROOT / "tests" / "matching" / "personas_teen.yaml", show_default=True,
              help="The labelled personas to evaluate on (a set without a split is scored as one).")
@click.option("--searches", "searches_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=PROJECT_ROOT / "tests" / "search" / "intent_searches.yaml", show_default=True,
              help="Searches with a wish in the words, checked by the properties of the roles found.")
@click.option("--no-searches", is_flag=True, help="Score the personas only.")
def evaluate(personas_path: Path, searches_path: Path, no_searches: bool) -> None:
    from careercompass import create_app
    from careercompass.database import open_session
    from careercompass.matching import evaluation
    from careercompass.search.index import SearchIndex

    settings = Settings.from_environment()
    data, personas = _match_data_and_personas(settings, personas_path)
    index = SearchIndex(settings.index_dir)
    with open_session(settings.database_uri) as session:
        facts = evaluation.catalogue_facts(session)
    if any(persona.split for persona in personas):
        results = evaluation.evaluate_splits(data, index, personas, facts)
        click.echo(evaluation.split_table(results))
        shortfalls = evaluation.held_out_verdict(results["held_out"][0])
        click.echo("Held out, hybrid: " + ("every target met." if not shortfalls else "; ".join(shortfalls) + "."))
    else:
        click.echo(evaluation.table(evaluation.evaluate(data, index, personas, facts), len(personas)))
    if no_searches:
        return
    try:
        searches = evaluation.load_intent_searches(searches_path)
    except (ValueError, KeyError) as error:
        raise click.ClickException(f"{searches_path}: {error}") from None
    # Through the public search API, so the words are read exactly as a visitor's would be.
    client = create_app(settings).test_client()
    outcomes = []
    for search in searches:
        response = client.get("/api/v1/search", query_string={"q": search.query, "limit": evaluation.TOP})
        slugs = [hit["slug"] for hit in response.get_json()["results"]] if response.status_code == 200 else []
        outcomes.append(evaluation.check_intent(search, slugs, facts))
    click.echo(evaluation.intent_report(outcomes))


@main.command(help="Learn a re-ranker from anonymous feedback; keep it only if it beats the untrained ranking.")
@_personas_option
def train(personas_path: Path) -> None:
    from careercompass.database import open_session
    from careercompass.matching import evaluation, feedback, training
    from careercompass.matching.service import RERANKER_FILE

    settings = Settings.from_environment()
    with open_session(settings.database_uri) as session:
        features, labels = feedback.labelled_examples(session)
        counts = feedback.summary(session)
    click.echo(f"Feedback: {counts or 'none yet'}; {len(labels)} results with a clear good or bad signal.")
    outcome = training.train(features, labels, lambda: _match_data_and_personas(settings, personas_path),
                             settings.models_dir / RERANKER_FILE)
    if outcome.untrained and outcome.trained:
        click.echo(evaluation.table([outcome.untrained, outcome.trained], outcome.personas))
    click.echo(outcome.reason)


@main.command(help="Serve the app with gunicorn (two threaded workers, model and data loaded once before forking).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 16))
@click.option("--production", is_flag=True,
              help="Refuse settings unsafe with real visitors: a generated secret key, no https public address, "
                   "per-worker rate limits, SQLite on more than one node.")
def serve(workers: int, production: bool) -> None:
    from careercompass.server import NotForProduction, check_can_serve, check_production, run

    settings = Settings.from_environment()
    if production:
        try:
            check_production(settings, workers)
        except NotForProduction as error:
            raise click.ClickException(str(error)) from None
    check_can_serve(settings)
    click.echo(f"Career Compass Leeds is running at http://{settings.host}:{settings.port}/  (press Ctrl+C to stop)")
    run(settings, workers=workers)



@main.group(help="Staff accounts (admins, Academy staff, advisers). Pupils and visitors never need one.")
def users() -> None:
    pass


def _password_from_stdin() -> str:
    """The password, from standard input: typed without echo at a terminal, or one line piped in."""
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@users.command("add", help="Make an account. The password is read from standard input (at least 12 characters).")
@click.argument("email")
@click.option("--role", type=click.Choice(("admin", "staff", "adviser")), required=True)
def users_add(email: str, role: str) -> None:
    from careercompass.database import open_session
    from careercompass.staff import accounts

    settings = Settings.from_environment()
    password = _password_from_stdin()
    with open_session(settings.database_uri) as session:
        try:
            user = accounts.add_user(session, email, role, password)
        except accounts.AccountProblem as problem:
            raise click.ClickException(f"{str(problem).capitalize()}. No account was made.") from None
        session.commit()
        click.echo(f"Made an account for {user.email} ({user.role}).")


@users.command("reset-password", help="Set a new password (read from standard input); it also unlocks the account "
                                      "and signs it out everywhere.")
@click.argument("email")
def users_reset_password(email: str) -> None:
    from careercompass.database import open_session
    from careercompass.staff import accounts

    settings = Settings.from_environment()
    password = _password_from_stdin()
    with open_session(settings.database_uri) as session:
        try:
            user = accounts.reset_password(session, email, password)
        except accounts.AccountProblem as problem:
            raise click.ClickException(f"{str(problem).capitalize()}. Nothing was changed.") from None
        session.commit()
        click.echo(f"New password set for {user.email}; every earlier sign-in has ended.")


@users.command("remove", help="Delete an account (the log keeps what it did).")
@click.argument("email")
def users_remove(email: str) -> None:
    from careercompass.database import open_session
    from careercompass.staff import accounts

    settings = Settings.from_environment()
    with open_session(settings.database_uri) as session:
        try:
            accounts.remove_user(session, email)
        except accounts.AccountProblem as problem:
            raise click.ClickException(f"{str(problem).capitalize()}.") from None
        session.commit()
        click.echo(f"Removed the account for {accounts.normal_email(email)}.")


@users.command("list", help="Every account, with its role and whether it is locked.")
def users_list() -> None:
    from datetime import UTC, datetime

    from sqlalchemy import select

    from careercompass.database import open_session
    from careercompass.staff.accounts import StaffUser

    settings = Settings.from_environment()
    with open_session(settings.database_uri) as session:
        found = session.scalars(select(StaffUser).order_by(StaffUser.email)).all()
        now = datetime.now(UTC)
        for user in found:
            locked = user.locked_until is not None and user.locked_until.replace(tzinfo=UTC) > now
            click.echo(f"{user.email}  {user.role}{'  locked' if locked else ''}")
        click.echo(f"{len(found)} account{'s' if len(found) != 1 else ''}.")


if __name__ == "__main__":  # pragma: no cover
    main()
