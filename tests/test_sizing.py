"""Sizing: the unified turn reward at its band edges, templates and metrics, optimisers, CLI."""

from __future__ import annotations

import json
import math
from typing import Any, TypedDict

import numpy as np
import pytest

from adaptor.errors import UserError
from sim import ngspice
from sizing.cli import parse_specs
from sizing.optimize import optimise
from sizing.reward import BAND, FLOOR, band_score, spec_score, trajectory_value, turn_reward
from sizing.template import Metrics, Spec, extract, load_template, simulate

needs_ngspice = pytest.mark.skipif(not ngspice.available(), reason="ngspice is not installed")


class SizingState(TypedDict, total=False):
    """The state of a one-node graph around the sizing node."""

    template: str
    specs: Any
    budget: int
    sizing: dict


# --- the reward at and around every band edge --------------------------------------------------

@pytest.mark.parametrize("x,expected", [(-1.0, 1.0), (0.0, 1.0), (0.25, 1 - 2 * 0.0625), (0.5, 0.5), (1.0, FLOOR),
                                        (1.5, FLOOR), (10.0, FLOOR)])
def test_band_score_values(x, expected):
    assert band_score(x) == pytest.approx(expected)


@pytest.mark.parametrize("edge", [0.0, 0.5, 1.0])
def test_band_score_is_continuous_and_smooth_at_edges(edge):
    eps = 1e-6
    assert band_score(edge - eps) == pytest.approx(band_score(edge + eps), abs=1e-5)
    slope_left = (band_score(edge) - band_score(edge - eps)) / eps
    slope_right = (band_score(edge + eps) - band_score(edge)) / eps
    assert slope_left == pytest.approx(slope_right, abs=1e-3)


def test_band_score_monotone_in_unit_range():
    xs = np.linspace(0, 1.2, 241)
    ys = [band_score(x) for x in xs]
    assert all(a >= b for a, b in zip(ys, ys[1:])) and min(ys) >= FLOOR and max(ys) <= 1.0


def test_spec_scores_lower_upper_range():
    assert spec_score(70, Spec(min=60)) == 1.0
    assert spec_score(60 * (1 - BAND / 2), Spec(min=60)) == pytest.approx(0.5)  # half a band short
    assert spec_score(1e-4 * (1 + BAND), Spec(max=1e-4)) == pytest.approx(FLOOR)  # a whole band over
    assert spec_score(75, Spec(min=60, max=90)) == 1.0
    assert spec_score(90 * (1 + BAND / 2), Spec(min=60, max=90)) == pytest.approx(0.5)
    assert spec_score(None, Spec(min=1)) == FLOOR


def test_turn_reward_is_the_geometric_mean_and_trajectory_the_best_turn():
    specs = {"gain_db": Spec(min=60), "power_w": Spec(max=1e-4)}
    m = Metrics(gain_db=60 * (1 - BAND / 2), power_w=5e-5)
    assert turn_reward(m, specs) == pytest.approx(math.sqrt(0.5 * 1.0))
    assert turn_reward(Metrics(error="failed"), specs) == FLOOR
    assert trajectory_value([0.2, 0.9, 0.4]) == 0.9 and trajectory_value([]) == 0.0


# --- templates and metrics -----------------------------------------------------------------------

def test_extract_on_a_two_pole_transfer_function():
    f = np.logspace(0, 10, 2001)
    s = 2j * np.pi * f
    h = 1000 / ((1 + s / (2 * np.pi * 1e4)) * (1 + s / (2 * np.pi * 1e8)))
    gain, ugbw, pm = extract(f, h)
    assert gain == pytest.approx(60, abs=0.01)
    assert ugbw == pytest.approx(1e7, rel=0.02)  # gain × first pole, below the second pole
    assert pm == pytest.approx(90 - math.degrees(math.atan(ugbw / 1e8)), abs=0.5)


@needs_ngspice
@pytest.mark.parametrize("name", ["ota5t", "miller"])
def test_templates_simulate(name):
    template = load_template(name)
    m = simulate(template, template.centre())
    assert m.error is None and m.gain_db > 20 and m.ugbw_hz > 1e6 and 0 < m.power_w < 1e-2
    assert set(template.specs) >= {"default", "fast", "lowpower"}


@needs_ngspice
def test_failed_simulation_is_a_result():
    template = load_template("ota5t")
    m = simulate(template, {**template.centre(), "ibias": template.centre()["ibias"]}, timeout_s=1e-4)
    assert m.error and turn_reward(m, template.specs["default"]) == FLOOR


def test_unknown_template_and_specs():
    with pytest.raises(UserError, match="unknown sizing template"):
        load_template("nope")
    specs = load_template("ota5t").specs
    assert parse_specs(["fast"], specs) == specs["fast"]
    parsed = parse_specs(["gain_db>=60", "power_w<=4e-4", "pm_deg=60:90"], specs)
    assert parsed == {"gain_db": Spec(min=60), "power_w": Spec(max=4e-4), "pm_deg": Spec(min=60, max=90)}
    with pytest.raises(UserError, match="cannot read the spec"):
        parse_specs(["gain is big"], specs)


# --- optimisers ----------------------------------------------------------------------------------

@needs_ngspice
@pytest.mark.parametrize("method", ["ours", "tpe", "random"])
def test_optimisers_keep_the_budget_and_record_every_turn(method):
    template = load_template("miller")
    run = optimise(template, template.specs["default"], 6, method, seed=1)
    assert len(run.turns) == 6 and [t.turn for t in run.turns] == list(range(1, 7))
    assert run.best().reward == max(t.reward for t in run.turns)


@needs_ngspice
def test_ours_beats_random_at_five_on_the_miller_ota():
    template = load_template("miller")
    specs = template.specs["default"]
    ours = [optimise(template, specs, 5, "ours", s).best().reward for s in range(3)]
    rnd = [optimise(template, specs, 5, "random", s).best().reward for s in range(3)]
    assert sum(ours) / 3 > sum(rnd) / 3


@needs_ngspice
def test_cli_size_and_trajectories(run_cli, tmp_path):
    code, out, err = run_cli("size", "ota5t", "--spec", "gain_db>=40", "ugbw_hz>=10e6", "--budget", "4",
                             "--export-trajectories", tmp_path / "t.jsonl")
    assert code == 0 and json.loads(out)["reward"] > 0.5 and "turn   1" in err
    turns = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text().splitlines()]
    assert len(turns) == 4 and {"params", "metrics", "reward", "specs"} <= set(turns[0])


@needs_ngspice
def test_cli_size_bench_shape(run_cli, tmp_path):
    code, out, _ = run_cli("size-bench", "--budgets", "2", "--seeds", "1", "--templates", "ota5t", "-o",
                           tmp_path / "b.json")
    data = json.loads((tmp_path / "b.json").read_text())
    assert code == 0 and set(data["ota5t/default"]) == {"ours", "tpe", "random"}
    assert set(data["ota5t/default"]["ours"]["2"]) == {"mean", "std"} and "| **mean** |" in out


# --- the agent node and the dataset diagnostics -------------------------------------------------

@needs_ngspice
def test_agent_turn_loop_with_a_scripted_model():
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from sizing.agent import llm_size

    template = load_template("ota5t")
    good = template.start(template.specs["default"])
    answers = [json.dumps({"analysis": "start at the centre", "params": template.centre()}),
               "no idea, sorry",
               json.dumps({"analysis": "gm/Id sizing for the gain and power targets", "params": good})]
    run, usage = llm_size(FakeListChatModel(responses=answers), template, template.specs["default"], 3)
    assert [t.turn for t in run.turns] == [1, 2, 3] and usage["calls"] == 3
    assert run.best().turn == 3 and run.best().reward == pytest.approx(1.0)
    assert run.turns[2].note.startswith("gm/Id sizing") and run.turns[1].params == run.turns[0].params


@needs_ngspice
def test_size_node_in_a_graph_falls_back_to_our_optimiser():
    from langgraph.graph import END, START, StateGraph

    from sizing.agent import size_node

    graph = StateGraph(SizingState)
    graph.add_node("size", size_node)
    graph.add_edge(START, "size")
    graph.add_edge("size", END)
    out = graph.compile().invoke({"template": "miller", "specs": "default", "budget": 4})
    assert out["sizing"]["method"] == "ours" and len(out["sizing"]["turns"]) == 4
    assert out["sizing"]["best"]["reward"] > 0.9


@needs_ngspice
def test_dataset_generate_and_diagnose(run_cli, tmp_path):
    code, _, err = run_cli("dataset", "generate", "ota5t", "-n", "80", "--seed", "2", "-o", tmp_path / "d.json")
    assert code == 0 and "points" in err
    code, out, _ = run_cli("dataset", "diagnose", tmp_path / "d.json", "--png", tmp_path / "d.png")
    report = json.loads(out)
    assert code == 0 and report["k"] >= 3 * (report["dims"] + 1)
    assert set(report["median"]) == {"forward_linearity", "inverse_linearity", "local_variance", "non_injectivity"}
    assert report["median"]["forward_linearity"] > report["median"]["inverse_linearity"]
    assert (tmp_path / "d.png").stat().st_size > 10_000


def test_diagnose_needs_enough_points(run_cli, tmp_path):
    (tmp_path / "tiny.json").write_text(json.dumps({"x_unit": [[0.1, 0.2]] * 5, "y": [[1, 2, 3, 4]] * 5}))
    code, _, err = run_cli("dataset", "diagnose", tmp_path / "tiny.json")
    assert code == 2 and "too few" in err


@needs_ngspice
@pytest.mark.parametrize("name", ["ota5t_sky130", "miller_sky130"])
def test_sky130_templates_simulate(name):
    template = load_template(name)
    assert template.spiceinit == "set ngbehavior=hsa"
    m = simulate(template, template.centre())
    assert m.error is None and m.gain_db > 20 and m.ugbw_hz > 1e6 and 0 < m.power_w < 1e-2


def test_sky130_models_are_shipped_with_their_notice():
    from sizing.template import MODELS

    subckts = {line.split()[1] for line in (MODELS / "sky130_1v8_tt.spice").read_text().splitlines()
               if line.lower().startswith(".subckt")}
    assert {"sky130_fd_pr__nfet_01v8", "sky130_fd_pr__pfet_01v8"} <= subckts
    assert "Apache" in (MODELS / "NOTICE").read_text()
