"""DRC and LVS: clean examples, the fault-injection suite, reports, exit codes, the review page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import klayout.db as kdb
import klayout.rdb as rdb
import pytest

from adaptor.build import build
from adaptor.load import parse_intent
from adaptor.technology import load_profile
from adaptor.errors import UserError
from adaptor.placement import place
from tests.conftest import EXAMPLES, case_intent, example, technology_cases
from verify.faults import FAULTS
from verify.worker import run

PROFILE = load_profile("sg13g2")
FAULT_RINGS = ["mixed_4x4", "multi_domain_8x8", "double_ring_6x6"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every example built once for this module: name → folder."""
    root = tmp_path_factory.mktemp("rings")
    return {p.stem: (build(parse_intent(example(p.stem)), root / p.stem), root / p.stem)[1] for p in EXAMPLES}


def _reports(folder: Path) -> tuple[dict, dict]:
    return json.loads((folder / "drc.json").read_text()), json.loads((folder / "lvs.json").read_text())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_drc_and_lvs_clean(built, tmp_path, path):
    folder = built[path.stem]
    run(folder / "ring.oas", folder / "intent.json", tmp_path)
    drc, lvs = _reports(tmp_path)
    assert drc["clean"], drc["findings"][:5]
    assert lvs["clean"] and lvs["compare_match"], lvs["findings"][:5]


@pytest.mark.parametrize("ring", FAULT_RINGS)
@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_injected_fault_is_caught_by_the_expected_rule(built, tmp_path, ring, fault):
    layout = kdb.Layout()
    layout.read(str(built[ring] / "ring.oas"))
    fault.inject(layout, layout.top_cell(), PROFILE)
    layout.write(str(tmp_path / f"faulty.{fault.suffix}"))
    run(tmp_path / f"faulty.{fault.suffix}", built[ring] / "intent.json", tmp_path)
    drc, lvs = _reports(tmp_path)
    found = set(drc["rules"]) | set(lvs["rules"])
    assert set(fault.expect) <= found, f"{fault.name}: expected {fault.expect}, found {sorted(found)}"


def test_lvs_against_a_different_intent_names_the_pad(built, tmp_path):
    """The layout is checked against the intent it is given: a renamed pad is reported in words."""
    doc = example("mixed_4x4")
    next(p for p in doc["pads"] if p["name"] == "VREF")["name"] = "VREFX"
    (tmp_path / "other.json").write_text(json.dumps(doc))
    run(built["mixed_4x4"] / "ring.oas", tmp_path / "other.json", tmp_path)
    _, lvs = _reports(tmp_path)
    messages = [f["message"] for f in lvs["findings"] if f["rule"] == "lvs.net_name"]
    assert any("pad VREFX at bottom_0: port pad is on net VREF, the intent says VREFX" in m for m in messages)


def test_reports_open_in_klayout(built, tmp_path):
    folder = tmp_path / "ring"
    shutil.copytree(built["mixed_4x4"], folder)
    layout = kdb.Layout()
    layout.read(str(folder / "ring.oas"))
    FAULTS[1].inject(layout, layout.top_cell(), PROFILE)  # a filler deleted
    layout.write(str(folder / "ring.oas"))
    run(folder / "ring.oas", folder / "intent.json", folder)
    db = rdb.ReportDatabase("check")
    db.load(str(folder / "drc.lyrdb"))
    assert db.num_items() == json.loads((folder / "drc.json").read_text())["count"] > 0
    lvs = kdb.LayoutVsSchematic()
    lvs.read(str(folder / "lvs.lvsdb"))
    assert lvs.netlist().circuit_by_name("mixed_4x4") is not None


def test_drc_findings_have_rule_location_and_message(built, tmp_path):
    layout = kdb.Layout()
    layout.read(str(built["digital_3x3"] / "ring.oas"))
    FAULTS[0].inject(layout, layout.top_cell(), PROFILE)
    layout.write(str(tmp_path / "f.oas"))
    run(tmp_path / "f.oas", built["digital_3x3"] / "intent.json", tmp_path)
    drc, _ = _reports(tmp_path)
    overlap = next(f for f in drc["findings"] if f["rule"] == "drc.overlap")
    assert isinstance(overlap["x_um"], float) and "overlap" in overlap["message"] and "µm" in overlap["where"]


# --- the CLI: subprocess, exit codes, bad input ----------------------------------------------

def test_check_cli_clean_and_violations(run_cli, built, tmp_path):
    folder = tmp_path / "ring"
    shutil.copytree(built["nonsquare_5x3"], folder)
    code, _, err = run_cli("check", folder)
    assert code == 0 and "DRC: clean" in err and "LVS: clean" in err
    assert f"checked against the intent {folder / 'intent.json'}" in err and "ioring signoff" in err
    assert {"drc.json", "lvs.json", "drc.lyrdb"} <= {p.name for p in folder.iterdir()}
    assert not (folder / "lvs.lvsdb").exists()  # written only with --lvsdb or when LVS fails
    layout = kdb.Layout()
    layout.read(str(folder / "ring.oas"))
    FAULTS[2].inject(layout, layout.top_cell(), PROFILE)  # a corner deleted
    layout.write(str(tmp_path / "faulty.gds"))
    code, _, err = run_cli("check", tmp_path / "faulty.gds", "--intent", folder / "intent.json")
    assert code == 1 and "drc.corners" in err


@pytest.mark.parametrize("make,needle", [
    (lambda t, b: [t / "nowhere"], "no such file or folder"),
    (lambda t, b: [t], "no ring.oas or ring.gds"),
    (lambda t, b: [b / "intent.json"], "not a GDS or OASIS file"),
    (lambda t, b: [b / "ring.oas", "--intent", t / "none.json"], "no intent to check against"),
], ids=["missing", "empty-folder", "not-layout", "no-intent"])
def test_check_bad_input(run_cli, built, tmp_path, make, needle):
    code, _, err = run_cli("check", *make(tmp_path, built["digital_3x3"]))
    assert code == 2 and needle in err and "Traceback" not in err


def test_check_corrupt_layout_and_timeout_are_clean_errors(run_cli, built, tmp_path):
    (tmp_path / "bad.oas").write_bytes(b"%SEMI-OASIS\r\n garbage")
    code, _, err = run_cli("check", tmp_path / "bad.oas", "--intent", built["digital_3x3"] / "intent.json")
    assert code == 2 and "Traceback" not in err and "bad.oas" in err
    code, _, err = run_cli("check", built["digital_3x3"], "--timeout", "0.01")
    assert code == 2 and "did not finish within 0.01 s" in err


def test_review_page(run_cli, built, tmp_path):
    folder = tmp_path / "ring"
    shutil.copytree(built["multi_domain_8x8"], folder)
    code, _, _ = run_cli("review", folder, "-o", tmp_path / "review.html")
    assert code == 0
    page = (tmp_path / "review.html").read_text()
    for text in ("Checklist", "DRC clean", "continuous common ground (VSS)", "data:image/png;base64,",
                 "Pads by side", "Domains", "Inventory", "sg13g2_IOPadAnalog", "PASS"):
        assert text in page
    assert "FAIL" not in page


# --- the second technology: the same checks on sky130 (in-cell bond pads, so no double ring) ---------------
SKY130_FAULTS = [f for f in FAULTS if f.name in (
    "pad moved by 1 µm", "filler deleted", "corner deleted", "two pad labels swapped", "two labels shorted",
    "breaker left out", "off-grid placement", "pad duplicated in place", "pad-pin label on another layer",
    "core-pin label on another layer", "bus labels of a net deleted", "die boundary shrunk")]


@pytest.fixture(scope="module")
def built_sky130(tmp_path_factory):
    """Every example sky130 can build (not the double ring), built once: name → folder."""
    root = tmp_path_factory.mktemp("sky130")
    out = {}
    for case in technology_cases():
        tech, _, name = case.rpartition(":")
        if tech == "sky130":
            build(parse_intent(case_intent(case)), root / name)
            out[name] = root / name
    return out


def test_sky130_refuses_a_double_ring_with_a_clear_error():
    doc = example("double_ring_6x6")
    doc["technology"] = "sky130"
    with pytest.raises(UserError, match="inside the cell: a double ring"):
        place(parse_intent(doc))


@pytest.mark.parametrize("name", ["digital_3x3", "mixed_4x4", "multi_domain_8x8", "nonsquare_5x3"])
def test_every_sky130_example_is_drc_and_lvs_clean(built_sky130, tmp_path, name):
    folder = built_sky130[name]
    run(folder / "ring.oas", folder / "intent.json", tmp_path)
    drc, lvs = _reports(tmp_path)
    assert drc["clean"], drc["findings"][:5]
    assert lvs["clean"] and lvs["compare_match"], lvs["findings"][:5]


@pytest.mark.parametrize("fault", SKY130_FAULTS, ids=lambda f: f.name)
def test_injected_fault_is_caught_on_sky130(built_sky130, tmp_path, fault):
    layout = kdb.Layout()
    layout.read(str(built_sky130["multi_domain_8x8"] / "ring.oas"))
    fault.inject(layout, layout.top_cell(), load_profile("sky130"))
    layout.write(str(tmp_path / f"faulty.{fault.suffix}"))
    run(tmp_path / f"faulty.{fault.suffix}", built_sky130["multi_domain_8x8"] / "intent.json", tmp_path)
    drc, lvs = _reports(tmp_path)
    found = set(drc["rules"]) | set(lvs["rules"])
    assert set(fault.expect) <= found, f"{fault.name}: expected {fault.expect}, found {sorted(found)}"
