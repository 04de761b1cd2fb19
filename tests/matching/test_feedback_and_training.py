"""Anonymous feedback is recorded, joined into labelled examples, and a re-ranker is learned and gated."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from careercompass.cli import main
from careercompass.database import make_engine, make_session_factory, transaction, upgrade_schema
from careercompass.matching import feedback, reranker, training
from careercompass.matching.engine import match
from careercompass.matching.evaluation import TOP, Persona, Scores
from careercompass.matching.quiz import parse_answers
from careercompass.matching.reranker import FEATURE_NAMES, Reranker
from careercompass.matching.service import RERANKER_FILE
from careercompass.vocabulary import DEALBREAKERS
from tests.conftest import make_settings


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


# --- Whether a learned re-ranker is kept (careercompass.matching.training) ---

PAY_LOVER = Reranker(tuple(5.0 if name == "pay" else 0.0 for name in FEATURE_NAMES), 0.0, 100)
CARING = parse_answers({"activities": ["caring"]})


def rankings(data) -> tuple[list[str], list[str]]:
    """The top ten for a caring person without and with the pay-loving re-ranker (which puts another job first)."""
    assert data.reranker is None
    untrained = [m.slug for m in match(data, CARING, limit=TOP).matches]
    with_pay_lover = copy.copy(data)
    with_pay_lover.reranker = PAY_LOVER
    trained = [m.slug for m in match(with_pay_lover, CARING, limit=TOP).matches]
    assert trained[0] != untrained[0]
    return untrained, trained


class PickyPersona(Persona):
    """A persona who rules out more than their answers say: stands in for a ranking that breaks a deal-breaker."""

    @property
    def dealbreakers(self) -> frozenset[str]:
        return frozenset(d.id for d in DEALBREAKERS)


def test_a_candidate_that_beats_the_untrained_ranking_is_saved(match_data, tmp_path):
    untrained, trained = rankings(match_data)
    # The person would accept the job the candidate puts first, which the untrained ranking puts lower.
    path = tmp_path / RERANKER_FILE
    outcome = training.judge(PAY_LOVER, match_data, [Persona("wants pay", CARING, frozenset(trained[:1]))], path)
    assert outcome.kept and outcome.trained.mrr > outcome.untrained.mrr
    assert "saved to" in outcome.reason
    assert Reranker.load(path) == PAY_LOVER
    assert match_data.reranker is None  # judging leaves the data it was given as it was


def test_a_candidate_that_does_worse_is_not_saved_and_an_old_one_is_removed(match_data, tmp_path):
    untrained, _ = rankings(match_data)
    path = tmp_path / RERANKER_FILE
    Reranker((1.0,) * len(FEATURE_NAMES), 0.0, 60).save(path)  # kept by an earlier training
    persona = Persona("wants the usual first job", CARING, frozenset({untrained[0]}))
    outcome = training.judge(PAY_LOVER, match_data, [persona], path)
    assert not outcome.kept and outcome.trained.mrr < outcome.untrained.mrr
    assert outcome.reason == "The learned re-ranker does not beat the untrained ranking: not used."
    assert not path.exists()


def test_a_candidate_that_breaks_a_deal_breaker_is_not_saved_even_when_it_scores_better(match_data, tmp_path):
    _, trained = rankings(match_data)
    path = tmp_path / RERANKER_FILE
    Reranker((1.0,) * len(FEATURE_NAMES), 0.0, 60).save(path)
    persona = PickyPersona("rules everything out", CARING, frozenset(trained[:1]))
    outcome = training.judge(PAY_LOVER, match_data, [persona], path)
    assert outcome.trained.mrr > outcome.untrained.mrr and outcome.trained.violations > 0
    assert not outcome.kept and "deal-breaker" in outcome.reason
    assert not path.exists()


def test_only_a_better_score_with_no_deal_breaker_broken_wins():
    def scores(mrr: float, violations: int) -> Scores:
        return Scores("ranking", 0.5, 0.5, mrr, 0.2, violations)

    assert training.beats(scores(0.6, 0), scores(0.5, 0))
    assert not training.beats(scores(0.5, 0), scores(0.5, 0))  # a tie keeps what is known
    assert not training.beats(scores(0.4, 0), scores(0.5, 0))
    assert not training.beats(scores(0.9, 1), scores(0.5, 0))


def people_kept_what_matched_their_words(count: int) -> tuple[list[list[float]], list[int]]:
    rng = np.random.default_rng(7)
    features = rng.normal(size=(count, len(FEATURE_NAMES))).round(3).tolist()
    return features, [int(row[FEATURE_NAMES.index("text")] > 0) for row in features]


def test_the_learned_re_ranker_weights_what_people_kept():
    features, labels = people_kept_what_matched_their_words(120)
    learned = reranker.fit(features, labels)
    weights = dict(zip(FEATURE_NAMES, learned.coefficients))
    assert weights["text"] > 1 and all(abs(w) < weights["text"] / 3 for name, w in weights.items() if name != "text")
    assert learned.examples == 120


def test_with_too_little_feedback_nothing_is_learned_and_the_matcher_is_not_loaded(tmp_path):
    def must_not_load():
        raise AssertionError("the matcher's data was loaded")

    path = tmp_path / RERANKER_FILE
    features, labels = people_kept_what_matched_their_words(reranker.MIN_EXAMPLES - 1)
    outcome = training.train(features, labels, must_not_load, path)
    assert not outcome.kept and outcome.untrained is None
    assert outcome.reason.endswith("The untrained ranking stays in use.")
    # Plenty of feedback, but all of one kind, teaches nothing either.
    outcome = training.train(features * 2, [1] * len(labels) * 2, must_not_load, path)
    assert not outcome.kept and not path.exists()


def test_with_enough_feedback_the_candidate_is_judged_on_the_personas(match_data, tmp_path):
    features, labels = people_kept_what_matched_their_words(120)
    untrained, _ = rankings(match_data)
    personas = [Persona("caring", CARING, frozenset(untrained[:3]))]
    path = tmp_path / RERANKER_FILE
    outcome = training.train(features, labels, lambda: (match_data, personas), path)
    assert outcome.examples == 120 and outcome.personas == 1
    assert outcome.untrained.name == "untrained hybrid" and outcome.trained.name == "with learned re-ranker"
    assert outcome.kept == path.exists() == training.beats(outcome.trained, outcome.untrained)


# --- The `train` command only prints what the training decided ---

def run(settings, *args):
    env = {"CAREERCOMPASS_INSTANCE_DIR": str(settings.instance_dir),
           "CAREERCOMPASS_MODELS_DIR": str(settings.models_dir)}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def empty_database_settings(tmp_path):
    settings = make_settings(tmp_path / "instance", tmp_path / "models")
    engine = make_engine(settings.database_uri)
    upgrade_schema(engine)
    engine.dispose()
    return settings


def test_train_says_when_there_is_not_enough_feedback(empty_database_settings):
    settings = empty_database_settings
    result = run(settings, "train")
    assert result.exit_code == 0, result.output
    assert "Feedback: none yet; 0 results with a clear good or bad signal." in result.output
    assert "Not enough feedback to learn from" in result.output
    assert not (settings.models_dir / RERANKER_FILE).exists()


def test_train_prints_the_scores_and_the_decision(empty_database_settings, monkeypatch):
    untrained = Scores("untrained hybrid", 0.5, 0.6, 0.41, 0.2, 0)
    trained = Scores("with learned re-ranker", 0.5, 0.7, 0.47, 0.3, 0)
    decided = training.TrainingOutcome(True, "The learned re-ranker beats the untrained ranking: saved to x.", 120,
                                       untrained, trained, 29)
    monkeypatch.setattr(training, "train", lambda *args: decided)
    result = run(empty_database_settings, "train")
    assert result.exit_code == 0, result.output
    assert "29 personas, top 10 results each" in result.output
    assert "untrained hybrid" in result.output and "0.41" in result.output and "0.47" in result.output
    assert result.output.rstrip().endswith("saved to x.")
