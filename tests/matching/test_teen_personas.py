"""Personas written the way young people write, split into a half to tune on and a half that is only reported.

The targets are the ones the results must meet on the held-out half: a right role in the top five for 95% of
personas, no limit broken in the top ten, nothing absurd in the top five. A target not met yet is marked as an
expected failure that prints today's figures, so a change that meets it shows as an unexpected pass.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from careercompass.cli import main
from careercompass.database import open_session
from careercompass.matching import evaluation
from tests.conftest import CATALOGUE_DIR

TEEN = Path(__file__).with_name("personas_teen.yaml")
ENTRIES = yaml.safe_load(TEEN.read_text(encoding="utf-8"))
ROLE_SLUGS = {path.stem for path in (CATALOGUE_DIR / "roles").glob("*.yaml")}
KINDS = {"no-meaning", "one-word", "typo", "slang", "out-of-field", "limit-in-words", "mixed-feelings", "dream-job",
         "quiz-only", "stage-in-words"}


@pytest.fixture(scope="module")
def facts(ready_settings):
    with open_session(ready_settings.database_uri) as session:
        return evaluation.catalogue_facts(session)


@pytest.fixture(scope="module")
def personas():
    return evaluation.load_personas(TEEN, ROLE_SLUGS)


@pytest.fixture(scope="module")
def hybrid_scores(shared_match_data, personas, facts):
    """The hybrid ranking's scores on each half, printed so every run shows them side by side."""
    scores = {
        split: evaluation.score("hybrid", evaluation.hybrid(shared_match_data),
                                [p for p in personas if p.split == split], shared_match_data, facts)
        for split in evaluation.SPLITS
    }
    print("\n" + evaluation.split_table({split: [s] for split, s in scores.items()}))
    return scores


def _figures(s: evaluation.Scores) -> str:
    return (f"{s.personas} personas: hit@5 {s.hit_at_5:.2f}, hit@10 {s.hit_at_10:.2f}, MRR {s.mrr:.2f}, "
            f"{s.violations} results breaking a limit, {s.absurd} absurd suggestions")


def test_the_set_is_big_varied_and_names_real_roles(personas):
    assert len(personas) >= 120
    assert {p.kind for p in personas} == KINDS
    assert all(len(p.accept) >= 5 for p in personas)
    assert sum(bool(p.answers.choices) and bool(p.answers.text) for p in personas) > len(personas) / 2
    assert sum(bool(p.absurd) for p in personas) >= len(personas) * 3 // 4
    assert sum(bool(p.limits) for p in personas) >= 25  # limits said in words, not only ticked


def test_the_split_follows_its_rule_and_balances_every_kind(personas):
    # The rule in the file's header: within each kind, in file order, alternate dev and held out.
    seen: defaultdict[str, int] = defaultdict(int)
    for persona in personas:
        assert persona.split == ("dev" if seen[persona.kind] % 2 == 0 else "held_out"), persona.name
        seen[persona.kind] += 1
    halves = Counter(p.split for p in personas)
    assert abs(halves["dev"] - halves["held_out"]) <= len(KINDS)
    for kind in KINDS:
        assert {p.split for p in personas if p.kind == kind} == set(evaluation.SPLITS), kind


def test_the_header_forbids_tuning_on_the_held_out_half():
    header = TEEN.read_text(encoding="utf-8").split("\n- name:")[0]
    assert "HELD-OUT HALF MUST NEVER BE USED FOR TUNING" in header


def test_no_right_role_breaks_the_personas_own_limits(personas, facts):
    for persona in personas:
        broken = sorted(slug for slug in persona.accept
                        if any(evaluation.breaks(limit, facts[slug]) for limit in persona.must_hold))
        assert not broken, f"{persona.name}: {broken}"


def test_a_misspelt_limit_or_role_stops_the_run(tmp_path):
    entry = {"name": "x", "answers": {}, "interests": "art", "accept": ["porter"], "dealbreakers": ["no nights pls"]}
    bad = tmp_path / "personas.yaml"
    bad.write_text(yaml.safe_dump([entry]))
    with pytest.raises(ValueError, match="no nights pls"):
        evaluation.load_personas(bad, {"porter"})
    entry.update(dealbreakers=[], absurd=["astronaut"])
    bad.write_text(yaml.safe_dump([entry]))
    with pytest.raises(ValueError, match="astronaut"):
        evaluation.load_personas(bad, {"porter"})


def test_limits_are_checked_against_the_catalogue_facts(facts):
    assert evaluation.breaks("blood-and-needles", facts["phlebotomist"])
    assert not evaluation.breaks("blood-and-needles", facts["administrative-assistant"])
    assert evaluation.breaks("shift_patterns lacks nights", facts["care-worker"])
    assert evaluation.breaks("route_types has-other-than degree,postgraduate", facts["foundation-doctor"])
    assert not evaluation.breaks("route_types has-other-than degree,postgraduate", facts["nursing-associate"])
    assert evaluation.breaks("volunteer is false", facts["community-first-responder"])
    # The limit only said in words: emergency work by name, and work the catalogue rates very demanding.
    assert evaluation.breaks("stress", facts["emergency-call-handler"])
    assert not evaluation.breaks("stress", facts["administrative-assistant"])


def test_a_right_role_is_in_the_top_five_for_95_percent_of_held_out_personas(hybrid_scores):
    held_out = hybrid_scores["held_out"]
    assert held_out.hit_at_5 >= evaluation.HELD_OUT_HIT_AT_5, _figures(held_out)


def test_no_held_out_persona_has_a_limit_broken_in_the_top_ten(hybrid_scores):
    held_out = hybrid_scores["held_out"]
    assert held_out.violations == 0, _figures(held_out)


def test_no_held_out_persona_gets_an_absurd_suggestion(hybrid_scores):
    held_out = hybrid_scores["held_out"]
    assert held_out.absurd == 0, _figures(held_out)


# A second set, written by an author who had not seen how the app reads words or ranks jobs. It was held out when
# first measured; its failures were then read and fixed, so it is now tuned on, and its floors are today's figures.
SECOND = Path(__file__).with_name("personas_teen_fresh.yaml")
# The held-out set that replaced it: 60 personas written the same way by an author who saw only the catalogue.
# Measured, never tuned on (its failures have not been read): first 0.68 hit@5 and 14 limits broken, then 0.75 and 10,
# then 0.78 and 10, then 0.82 and 9, then 0.83 and 6, then 0.83 and 5, each after changes found on the development
# sets alone. The floors are the latest figures, so a change that makes it worse fails; the targets are not met yet.
BLIND = Path(__file__).with_name("personas_teen_blind.yaml")


def _floor(hit_at_5: float, personas: int) -> float:
    """A floor with room for one persona below the figure measured. The same code and catalogue measured one persona
    lower on two sets on another machine of the same kind (0.82 to 0.80, 1.00 to 0.975). The cause was not found: it
    is not the hash seed, nor how the roles are split into batches (1e-7 apart). Small noise (3e-4 added to each role
    vector) is enough to move one persona across a near tie. A change that makes two or more worse still fails."""
    return hit_at_5 - 1 / personas - 1e-9


def _scores_of(path: Path, split: str, data, facts) -> evaluation.Scores:
    personas = evaluation.load_personas(path, ROLE_SLUGS)
    assert {p.kind for p in personas} == KINDS and {p.split for p in personas} == {split}
    scores = evaluation.score("hybrid", evaluation.hybrid(data), personas, data, facts)
    print(f"\n{path.name}: " + _figures(scores))
    return scores


@pytest.fixture(scope="module")
def second_scores(shared_match_data, facts):
    return _scores_of(SECOND, "dev", shared_match_data, facts)


@pytest.fixture(scope="module")
def blind_scores(shared_match_data, facts):
    return _scores_of(BLIND, "held_out", shared_match_data, facts)


# Twenty-eight more development sets of 50, written the same way by twenty-eight more authors, and tuned on: floors at
# today's figures. Each was first measured before any tuning on it: C 0.80 hit@5 with 13 limits broken and D 0.70 with
# 12 (the blind set then stood at 0.78 and 10); after changes found on C and D, E 0.88 with 15 and F 0.84 with 4; after
# changes found on E and F, G 0.90 with 5 and H 0.76 with 2; after those on G and H, I 0.74 with 25 and J 0.72 with 26;
# after those on I and J, K 0.86 with 6 and L 0.80 with 9; after those on K and L, M 0.82 with 13 and N 0.82 with 14;
# after those on M and N, O 0.94 with none and P 0.72 with 5 (and 2 absurd); after those on O and P, Q 0.66 with none
# (and 1 absurd) and R 0.86 with 1; after those on Q and R, S 0.86 with 1 and T 0.86 with none; after those on S and T,
# U 0.86 with none and V 0.98 with 2; after those on U and V, W 0.90 with none and X 0.92 with none; after those on W
# and X, Y 0.92 with none and Z 0.90 with 3 (and 1 absurd); after those on Y and Z, AA 0.88 with none and AB 0.88 with
# 2. Marking the jobs that train people with no exams as "earn while you learn" then cost A, G, S and Z one persona
# each, and calling a facilities manager's start as a porter experience, not a way in, cost X one (their floors went
# down by one); 8 broken limits went.
DEVELOPMENT_SETS = {"personas_teen_dev_a.yaml": (0.90, 0), "personas_teen_dev_b.yaml": (0.90, 0),
                    "personas_teen_dev_c.yaml": (0.92, 0), "personas_teen_dev_d.yaml": (0.90, 0),
                    "personas_teen_dev_e.yaml": (0.94, 0), "personas_teen_dev_f.yaml": (0.94, 0),
                    "personas_teen_dev_g.yaml": (0.90, 5), "personas_teen_dev_h.yaml": (0.90, 0),
                    "personas_teen_dev_i.yaml": (0.90, 10), "personas_teen_dev_j.yaml": (0.90, 7),
                    "personas_teen_dev_k.yaml": (0.90, 0), "personas_teen_dev_l.yaml": (0.90, 2),
                    "personas_teen_dev_m.yaml": (0.90, 0), "personas_teen_dev_n.yaml": (0.90, 0),
                    "personas_teen_dev_o.yaml": (0.94, 0), "personas_teen_dev_p.yaml": (0.84, 0),
                    "personas_teen_dev_q.yaml": (0.76, 0), "personas_teen_dev_r.yaml": (0.88, 0),
                    "personas_teen_dev_s.yaml": (0.88, 0), "personas_teen_dev_t.yaml": (0.90, 0),
                    "personas_teen_dev_u.yaml": (0.90, 0), "personas_teen_dev_v.yaml": (0.98, 2),
                    "personas_teen_dev_w.yaml": (0.96, 0), "personas_teen_dev_x.yaml": (0.94, 0),
                    "personas_teen_dev_y.yaml": (0.94, 0), "personas_teen_dev_z.yaml": (0.92, 2),
                    "personas_teen_dev_aa.yaml": (0.92, 0), "personas_teen_dev_ab.yaml": (0.90, 0)}


@pytest.mark.parametrize(("name", "floor"), DEVELOPMENT_SETS.items())
def test_the_development_sets_keep_what_tuning_on_them_gained(shared_match_data, facts, name, floor):
    scores = _scores_of(Path(__file__).with_name(name), "dev", shared_match_data, facts)
    hit_at_5, violations = floor
    assert scores.personas == 50 and scores.hit_at_5 >= _floor(hit_at_5, 50) and scores.violations <= violations, \
        _figures(scores)


# The second set stood at 1.00 until reading "a bit of blood is fine i guess" as put up with, not liked, lost one.
def test_the_second_set_keeps_what_tuning_on_it_gained(second_scores):
    assert (second_scores.hit_at_5 >= _floor(0.975, 40) and second_scores.violations <= 1
            and second_scores.absurd == 0), _figures(second_scores)


def test_the_blind_held_out_personas_do_no_worse_than_when_first_measured(blind_scores):
    assert blind_scores.personas == 60
    assert blind_scores.hit_at_5 >= _floor(0.83, 60) and blind_scores.violations <= 5 and blind_scores.absurd == 0, \
        _figures(blind_scores)


@pytest.mark.xfail(strict=False, reason="blind held-out personas: hit@5 0.83, 5 limits broken and none absurd; the "
                                        "targets are 0.95, none and none")
def test_the_blind_held_out_personas_meet_the_targets(blind_scores):
    assert blind_scores.hit_at_5 >= evaluation.HELD_OUT_HIT_AT_5 and blind_scores.violations == 0 \
        and blind_scores.absurd == 0, _figures(blind_scores)


def test_the_evaluate_command_shows_both_halves_side_by_side(ready_settings, tmp_path):
    # A few personas of each half keep this quick; the whole set is scored above.
    few = [e for e in ENTRIES if e["kind"] == "one-word"][:4]
    small = tmp_path / "personas.yaml"
    small.write_text(yaml.safe_dump(few, allow_unicode=True))
    searches = tmp_path / "searches.yaml"
    part_time = {"q": "part time", "every": ["shift_patterns has part-time-possible"]}
    searches.write_text(yaml.safe_dump({"searches": [part_time]}))
    env = {"CAREERCOMPASS_INSTANCE_DIR": str(ready_settings.instance_dir),
           "CAREERCOMPASS_MODELS_DIR": str(ready_settings.models_dir)}
    result = CliRunner().invoke(main, ["evaluate", "--personas", str(small), "--searches", str(searches)], env=env)
    assert result.exit_code == 0, result.output
    assert "development: 2 personas | held out: 2 personas" in result.output
    assert "absurd" in result.output and "keyword search only" in result.output
    assert "Held out, hybrid:" in result.output
    assert "intent searches honoured:" in result.output and "of 1 " in result.output
