"""The hybrid matcher must beat every simpler baseline on the labelled personas, and break no deal-breaker."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from careercompass.cli import main
from careercompass.matching import evaluation
from careercompass.search.index import SearchIndex

PERSONAS = Path(__file__).with_name("personas.yaml")


@pytest.fixture
def results(ready_settings, match_data):
    data = match_data
    personas = evaluation.load_personas(PERSONAS, {r.slug for r in data.roles})
    return {r.name: r for r in evaluation.evaluate(data, SearchIndex(ready_settings.index_dir), personas)}


def test_the_hybrid_beats_every_baseline(results):
    hybrid = results["hybrid (quiz + words + deal-breakers)"]
    for baseline in (r for r in results.values() if r is not hybrid):
        assert hybrid.mrr > baseline.mrr, baseline.name
        assert hybrid.hit_at_5 >= baseline.hit_at_5, baseline.name
        assert hybrid.hit_at_10 >= baseline.hit_at_10, baseline.name
        assert hybrid.precision_at_10 >= baseline.precision_at_10, baseline.name
    assert hybrid.hit_at_5 >= 0.9 and hybrid.mrr >= 0.8


def test_the_hybrid_breaks_no_dealbreaker(results):
    assert results["hybrid (quiz + words + deal-breakers)"].violations == 0
    assert results["keyword search only"].violations > 0  # the baselines do, so the count can fail


def test_personas_may_only_name_real_roles(tmp_path):
    bad = tmp_path / "personas.yaml"
    bad.write_text("- name: x\n  answers: {}\n  interests: art\n  accept: [astronaut]\n")
    with pytest.raises(ValueError, match="astronaut"):
        evaluation.load_personas(bad, {"porter"})


def test_the_evaluate_command_prints_the_table(ready_settings):
    env = {"CAREERCOMPASS_INSTANCE_DIR": str(ready_settings.instance_dir),
           "CAREERCOMPASS_MODELS_DIR": str(ready_settings.models_dir)}
    result = CliRunner().invoke(main, ["evaluate", "--personas", str(PERSONAS), "--no-searches"], env=env)
    assert result.exit_code == 0, result.output
    assert "hit@5" in result.output and "keyword search only" in result.output
