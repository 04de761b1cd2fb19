"""Anonymous feedback is recorded, joined into labelled examples, and a re-ranker is learned and gated."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from careercompass.cli import main
from careercompass.database import make_engine, make_session_factory, transaction, upgrade_schema
from careercompass.matching import feedback
from careercompass.matching.engine import match
from careercompass.matching.quiz import parse_answers
from careercompass.matching.reranker import FEATURE_NAMES, Reranker
from careercompass.matching.service import RERANKER_FILE
from careercompass.pipeline import initialise


def test_impressions_are_labelled_by_what_happened_next(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'f.sqlite3'}")
    upgrade_schema(engine)
    factory = make_session_factory(engine)
    with transaction(factory) as session:
        for slug, features in (("porter", [1.0] * 8), ("care-worker", [2.0] * 8), ("dentist", [3.0] * 8)):
            feedback.record(session, "ref1", "impression", slug, rank=1, features=features)
        feedback.record(session, "ref1", "open", "porter")
        feedback.record(session, "ref1", "not_for_me", "care-worker")
        feedback.record(session, "ref2", "save", "dentist")  # another page: no impression to join with
    with factory() as session:
        rows, labels = feedback.labelled_examples(session)
    assert sorted(zip(labels, [r[0] for r in rows])) == [(0, 2.0), (1, 1.0)]
    with pytest.raises(ValueError), factory() as session:
        feedback.record(session, "ref", "liked", "porter")
    engine.dispose()


def test_the_results_page_records_impressions_opens_dismissals_and_saves(form_client, form_app):
    client = form_client
    client.post("/quiz/1", data={"activities": "caring"})
    html = client.get("/results").get_data(as_text=True)
    slug = html.split('name="slug" value="')[1].split('"')[0]
    client.get(f"/roles/{slug}?from=results")
    client.post("/results/not-for-me", data={"slug": slug})
    client.post("/results/save")
    with client.session_transaction() as browser_session:
        reference = browser_session["feedback_ref"]
    from careercompass.web.resources import resources

    with form_app.app_context(), resources().session_factory() as session:
        events = select(feedback.FeedbackEvent).where(feedback.FeedbackEvent.reference == reference)
        kinds = [e.kind for e in session.scalars(events)]
    # Two lists were shown (before and after "not for me"), each recorded once by the form sent from it.
    assert kinds.count("impression") == 20 and {"open", "not_for_me", "save"} <= set(kinds)


def test_a_reranker_changes_the_ranking(match_data):
    data = match_data
    answers = parse_answers({"activities": ["caring"]})
    before = [m.slug for m in match(data, answers).matches]
    pay_lover = [0.0] * len(FEATURE_NAMES)
    pay_lover[FEATURE_NAMES.index("pay")] = 5.0
    data.reranker = Reranker(tuple(pay_lover), 0.0, 100)
    after = match(data, answers).matches
    assert [m.slug for m in after] != before
    mean_pay = lambda slugs: np.mean([data.roles[data.index[s]].pay_max for s in slugs])  # noqa: E731
    assert mean_pay([m.slug for m in after]) > mean_pay(before)


def run(settings, *args):
    env = {"CAREERCOMPASS_INSTANCE_DIR": str(settings.instance_dir),
           "CAREERCOMPASS_MODELS_DIR": str(settings.models_dir)}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_train_keeps_the_untrained_ranking_without_enough_feedback(settings_for):
    settings = settings_for()
    initialise(settings)
    result = run(settings, "train")
    assert result.exit_code == 0
    assert "Not enough feedback" in result.output
    assert not (settings.models_dir / RERANKER_FILE).exists()


def test_train_learns_from_feedback_and_keeps_the_model_only_if_it_wins(settings_for):
    settings = settings_for()
    initialise(settings)
    engine = make_engine(settings.database_uri)
    rng = np.random.default_rng(7)
    with transaction(make_session_factory(engine)) as session:
        for i in range(120):
            features = rng.normal(size=len(FEATURE_NAMES)).round(3).tolist()
            reference = f"r{i}"
            feedback.record(session, reference, "impression", "porter", rank=1, features=features)
            # People kept the roles that matched their own words, and dismissed the others.
            kind = "save" if features[FEATURE_NAMES.index("text")] > 0 else "not_for_me"
            feedback.record(session, reference, kind, "porter")
    engine.dispose()
    result = run(settings, "train")
    assert result.exit_code == 0, result.output
    assert "120 results with a clear good or bad signal" in result.output
    assert "untrained hybrid" in result.output and "with learned re-ranker" in result.output
    saved = (settings.models_dir / RERANKER_FILE).exists()
    assert ("saved to" in result.output) == saved
    if saved:
        model = json.loads((settings.models_dir / RERANKER_FILE).read_text())
        assert model["coefficients"][FEATURE_NAMES.index("text")] > 0
