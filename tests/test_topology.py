"""Power-converter topologies: parser, validity, hashing and names, ngspice evaluation, generation, CLI."""

from __future__ import annotations

import json
import random

import pytest

from adaptor.errors import UserError
from sim import ngspice
from topology.evaluate import Conditions, evaluate
from topology.generate import llm_search, random_search
from topology.hashing import LIBRARY, canonical_hash, duplicate_rate, recognise
from topology.netlist import Kind, parse
from topology.validity import check

BUCK = (LIBRARY / "buck.txt").read_text()
needs_ngspice = pytest.mark.skipif(not ngspice.available(), reason="ngspice is not installed")


def rules(text: str) -> set[str]:
    return {f.rule for f in check(parse(text))}


def test_parse_buck():
    t = parse(BUCK)
    assert t.name == "buck" and t.output == "out" and len(t.components) == 6
    assert t.of_kind(Kind.inductor)[0].value == pytest.approx(22e-6)
    assert parse(t.text()) == t


@pytest.mark.parametrize("text,message", [
    ("X1 a b 1", "unknown component kind"),
    ("L1 a b", "needs 3 fields"),
    ("L1 a b fast", "is not a value"),
    ("L1 a b 1u\nL1 b c 1u", "defined twice"),
    ("L1 a b -1u", "positive value"),
    ("# nothing", "no components"),
    ("L1 a b 1u\n.output", "takes one node"),
    ("L1 a b 1u\nS1 a 0", "no load"),
])
def test_parse_errors_name_the_line(text, message):
    with pytest.raises(UserError, match=message):
        parse(text)


@pytest.mark.parametrize("text,rule", [
    ("V1 in 0 12\nS1 in out\nR1 out 0 5", "topo.size"),
    (BUCK + "V2 out 0 3\n", "topo.source"),
    (BUCK.replace("R1 out 0 5", "R1 sw 0 5") + ".output out\n", "topo.load"),
    (BUCK + "L2 x y 1u\n", "topo.connected"),
    (BUCK + "C2 out dangling 1u\n", "topo.floating"),
    (BUCK.replace("S1 in sw", "D2 in sw"), "topo.switch"),
    ("V1 in 0 12\nS1 in sw\nD1 0 sw\nD2 sw out\nR1 out 0 5", "topo.storage"),
    (BUCK + "S2 sw 0\n", "topo.source_short"),
    (BUCK + "C2 out 0 10u\nC3 out 0 10u\n", "topo.loop"),
    (BUCK + "L2 sw out 22u\n", "topo.loop"),
])
def test_validity_rules(text, rule):
    assert rule in rules(text)


@pytest.mark.parametrize("name", ["buck", "boost", "buck_boost", "cuk", "sepic"])
def test_library_topologies_are_valid_and_recognised_whatever_their_labels(name):
    text = (LIBRARY / f"{name}.txt").read_text()
    assert rules(text) == set()
    rng = random.Random(name)
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    rng.shuffle(lines)
    renamed = "\n".join(lines)
    for old, new in (("sw", "node_x"), ("out", "vo"), ("a ", "p7 "), ("b ", "q2 ")):
        renamed = renamed.replace(old, new)
    renamed = renamed.replace("L1", "LA").replace("C1", "CZ").replace("S1", "SW9")
    assert recognise(parse(renamed)) == name


def test_hashing_detects_duplicates_but_not_mirrors():
    a = parse(BUCK)
    b = parse(BUCK.replace("sw", "x").replace("L1", "L7"))
    mirrored = parse(BUCK.replace("D1 0 sw", "D1 sw 0"))
    assert canonical_hash(a) == canonical_hash(b) != canonical_hash(mirrored)
    assert duplicate_rate([a, b, mirrored]) == pytest.approx(1 / 3)
    assert recognise(mirrored) is None


@needs_ngspice
def test_buck_output_within_5_percent_of_vin_times_duty():
    result = evaluate(parse(BUCK), Conditions(vin=12, duty=0.45))
    assert result.settled and result.error is None
    assert abs(result.vout - 12 * 0.45) / (12 * 0.45) < 0.05
    assert 0.85 < result.efficiency <= 1.0 and result.ripple < 0.2


@needs_ngspice
def test_simulation_failure_is_a_result():
    result = evaluate(parse(BUCK), Conditions(timeout_s=0.001))
    assert result.error and "did not finish" in result.error and result.vout is None


def test_random_search_is_reproducible():
    a = random_search(60, 7, Conditions(), simulate=False)
    b = random_search(60, 7, Conditions(), simulate=False)
    assert a == b and 0 < a["validity_rate"] < 1 and a["count"] == 60


@needs_ngspice
def test_llm_node_with_scripted_answers():
    answers = iter([BUCK.replace("sw", "n1"), "I think a flux capacitor would do", BUCK.replace("L1", "Lx")])
    result = llm_search(lambda prompt: next(answers), 3, Conditions(), target=5.0)
    assert result["validity_rate"] == pytest.approx(2 / 3, abs=1e-4) and result["duplicate_rate"] == pytest.approx(0.5)
    assert result["named"] == ["buck"] and len(result["efficiency"]) == 1


@needs_ngspice
def test_cli(run_cli, tmp_path):
    netlist = tmp_path / "b.txt"
    netlist.write_text(BUCK)
    code, out, _ = run_cli("topology", "eval", netlist, "--duty", "0.5")
    report = json.loads(out)
    assert code == 0 and report["name"] == "buck" and {"vout", "efficiency", "ripple", "settled"} <= set(report)
    code, _, err = run_cli("topology", "generate", "--n", "20", "--seed", "3", "-o", tmp_path / "g.json",
                           "--no-simulate")
    data = json.loads((tmp_path / "g.json").read_text())
    assert code == 0 and {"validity_rate", "duplicate_rate", "designs"} <= set(data) and len(data["designs"]) == 20
    bad = tmp_path / "bad.txt"
    bad.write_text(BUCK + "S2 sw 0\n")
    code, _, err = run_cli("topology", "eval", bad)
    assert code == 2 and "topo.source_short" in err and "Traceback" not in err
    code, _, err = run_cli("topology", "eval", netlist, "--duty", "1.5")
    assert code == 2 and "duty" in err
