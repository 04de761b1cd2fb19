"""The `careercompass` command: set up, check and serve the app."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from tqdm import tqdm

from careercompass.catalogue.loader import CatalogueInvalid, load_catalogue
from careercompass.config import PROJECT_ROOT, Settings
from careercompass.matching.embeddings import ModelUnavailable

INIT_STEPS = 6


@click.group(help="Career Compass Leeds: set up, check and serve the app. Settings come from CAREERCOMPASS_* variables.")
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
        except CatalogueInvalid as error:
            bar.close()
            raise click.ClickException(f"{error}\nNothing was written.") from None
        except ModelUnavailable as error:
            bar.close()
            raise click.ClickException(f"The embedding model cannot be used: {error}") from None
        bar.update(INIT_STEPS - bar.n)
    saved = summary.saved
    click.echo(
        f"Ready: {summary.roles} roles in {summary.families} families "
        f"({saved.added} added, {saved.updated} updated, {saved.unchanged} unchanged, {saved.removed} removed); "
        f"{summary.indexed} documents indexed; embeddings {'rebuilt' if summary.embeddings_rebuilt else 'up to date'}; "
        f"{time.perf_counter() - started:.1f} s."
    )


@main.command("check-catalogue", help="Check every catalogue file and report problems; writes nothing.")
def check_catalogue() -> None:
    from careercompass.catalogue.quality import family_table, readability_report

    settings = Settings.from_environment()
    try:
        catalogue = load_catalogue(settings.catalogue_dir)
    except CatalogueInvalid as error:
        raise click.ClickException(str(error)) from None
    click.echo(family_table(catalogue))
    click.echo(readability_report(catalogue))
    click.echo(f"The catalogue is valid: {len(catalogue.roles)} roles.")


@main.command(help="Rebuild the search index from the database; running web workers pick it up at once.")
@click.option("--follow", type=click.FloatRange(min=1), default=None, metavar="SECONDS",
              help="Keep running, and rebuild whenever the database changes (checked every SECONDS).")
def reindex(follow: float | None) -> None:
    from careercompass.pipeline import follow as follow_changes
    from careercompass.pipeline import reindex as rebuild

    settings = Settings.from_environment()
    if follow is not None:
        click.echo(f"Watching the database for changes every {follow:g} s (press Ctrl+C to stop).")
        follow_changes(settings, follow)
    count = rebuild(settings)
    click.echo(f"Indexed {count} documents.")


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


@main.command(help="Score the matcher on labelled personas against keyword, embedding and quiz-only baselines.")
@_personas_option
def evaluate(personas_path: Path) -> None:
    from careercompass.matching import evaluation
    from careercompass.search.index import SearchIndex

    settings = Settings.from_environment()
    data, personas = _match_data_and_personas(settings, personas_path)
    results = evaluation.evaluate(data, SearchIndex(settings.index_dir), personas)
    click.echo(evaluation.table(results, len(personas)))


@main.command(help="Learn a re-ranker from anonymous feedback; keep it only if it beats the untrained ranking.")
@_personas_option
def train(personas_path: Path) -> None:
    from careercompass.database import make_engine, make_session_factory
    from careercompass.matching import evaluation, feedback, reranker
    from careercompass.matching.service import RERANKER_FILE

    settings = Settings.from_environment()
    engine = make_engine(settings.database_uri)
    try:
        with make_session_factory(engine)() as session:
            features, labels = feedback.labelled_examples(session)
            counts = feedback.summary(session)
    finally:
        engine.dispose()
    click.echo(f"Feedback: {counts or 'none yet'}; {len(labels)} results with a clear good or bad signal.")
    path = settings.models_dir / RERANKER_FILE
    if len(labels) < reranker.MIN_EXAMPLES or len(set(labels)) < 2:
        click.echo(f"Not enough feedback to learn from (need {reranker.MIN_EXAMPLES}, with both saves or opens and "
                   "'not for me'). The untrained ranking stays in use.")
        return
    candidate = reranker.fit(features, labels)
    data, personas = _match_data_and_personas(settings, personas_path)
    data.reranker = None
    untrained = evaluation.score("untrained hybrid", evaluation.hybrid(data), personas, data)
    data.reranker = candidate
    trained = evaluation.score("with learned re-ranker", evaluation.hybrid(data), personas, data)
    click.echo(evaluation.table([untrained, trained], len(personas)))
    if trained.mrr > untrained.mrr and trained.violations == 0:
        candidate.save(path)
        click.echo(f"The learned re-ranker beats the untrained ranking: saved to {path}.")
    else:
        path.unlink(missing_ok=True)
        click.echo("The learned re-ranker does not beat the untrained ranking: not used.")


@main.command(help="Serve the app with gunicorn (two workers, model and data loaded once before forking).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 16))
def serve(workers: int) -> None:
    from careercompass.server import run

    settings = Settings.from_environment()
    click.echo(f"Career Compass Leeds is running at http://{settings.host}:{settings.port}/  (press Ctrl+C to stop)")
    run(settings, workers=workers)


if __name__ == "__main__":  # pragma: no cover
    main()
