"""`ioring check` hardened: no crash on an open ring, LVS-did-not-run reports, lvsdb on demand,
both layout files checked, stale reports refused, SIGTERM cleanup, pad cells checked against roles."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import klayout.db as kdb
import pytest

import verify.check
import verify.worker
from adaptor.build import build
from adaptor.errors import IntentError, UserError
from adaptor.load import parse_intent
from adaptor.technology import load_profile
from tests.conftest import example
from verify.faults import FAULTS, delete_side_filler
from verify.library import modified_cells, shipped_library
from verify.review import render_review, stale_reports
from verify.worker import run

PROFILE = load_profile("sg13g2")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rings(tmp_path_factory):
    """mixed_4x4 and double_ring_6x6 built once: name → folder (copy before changing)."""
    root = tmp_path_factory.mktemp("hardening")
    for name in ("mixed_4x4", "double_ring_6x6"):
        build(parse_intent(example(name)), root / name)
    return {name: root / name for name in ("mixed_4x4", "double_ring_6x6")}


def _copy(rings, name: str, tmp_path: Path) -> Path:
    folder = tmp_path / name
    shutil.copytree(rings[name], folder)
    return folder


def _faulty(folder: Path, inject, suffix: str = "oas") -> Path:
    layout = kdb.Layout()
    layout.read(str(folder / "ring.oas"))
    inject(layout, layout.top_cell(), PROFILE)
    path = folder.parent / f"faulty.{suffix}"
    layout.write(str(path))
    return path


def test_open_double_ring_is_checked_not_crashed(run_cli, rings, tmp_path):
    """The filler that aborted klayout 0.30.12 inside extract_netlist (heap corruption from
    join_net_names on a subcell): the real subprocess now reports the gap and the open bus."""
    faulty = _faulty(_copy(rings, "double_ring_6x6", tmp_path), delete_side_filler)
    code, _, err = run_cli("check", faulty, "--intent", rings["double_ring_6x6"] / "intent.json")
    assert code == 1 and "crashed" not in err
    assert "drc.gap" in err and "lvs.bus_open" in err


def test_lvs_crash_keeps_drc_findings(run_cli, rings, tmp_path, monkeypatch):
    """A worker whose LVS aborts (SIGABRT, real subprocess): DRC's findings stay, exit 1, and the
    report says LVS did not run and why."""
    folder = _copy(rings, "mixed_4x4", tmp_path)
    faulty = _faulty(folder, FAULTS[1].inject)  # a filler deleted
    monkeypatch.setattr(verify.check, "WORKER", "tests.abort_worker")
    code, _, err = run_cli("check", faulty, "--intent", folder / "intent.json")
    assert code == 1
    assert "drc.gap" in err and "LVS: did not run" in err and "SIGABRT" in err
    lvs = json.loads((tmp_path / "lvs.json").read_text())
    assert lvs["ran"] is False and not lvs["clean"] and lvs["rules"] == {"lvs.not_run": 1}
    assert lvs["layouts"] == json.loads((tmp_path / "drc.json").read_text())["layouts"]


def test_lvsdb_only_when_asked_or_failing(run_cli, rings, tmp_path, monkeypatch):
    folder = _copy(rings, "mixed_4x4", tmp_path)
    assert run_cli("check", folder)[0] == 0
    assert not (folder / "lvs.lvsdb").exists()
    assert "not written" in json.loads((folder / "lvs.json").read_text())["lvsdb"]
    assert run_cli("check", folder, "--lvsdb")[0] == 0
    lvsdb = kdb.LayoutVsSchematic()
    lvsdb.read(str(folder / "lvs.lvsdb"))
    assert lvsdb.netlist().circuit_by_name("mixed_4x4") is not None
    assert run_cli("check", folder)[0] == 0
    assert not (folder / "lvs.lvsdb").exists()  # an old database does not stay beside new reports
    faulty = _faulty(folder, FAULTS[4].inject)  # two labels shorted: LVS fails
    run(faulty, folder / "intent.json", tmp_path)
    assert (tmp_path / "lvs.lvsdb").is_file()
    (tmp_path / "lvs.lvsdb").unlink()
    monkeypatch.setattr(verify.worker, "LVSDB_MAX_CELLS", 10)  # a huge ring: no GB-sized database
    run(faulty, folder / "intent.json", tmp_path)
    assert not (tmp_path / "lvs.lvsdb").exists()
    assert "pass --lvsdb" in json.loads((tmp_path / "lvs.json").read_text())["lvsdb"]


def test_gds_and_oas_must_agree(run_cli, rings, tmp_path):
    """Deleting every pad cell from ring.gds alone used to pass (only ring.oas was read)."""
    folder = _copy(rings, "mixed_4x4", tmp_path)
    layout = kdb.Layout()
    layout.read(str(folder / "ring.gds"))
    for inst in [i for i in layout.top_cell().each_inst() if i.cell.name.startswith("sg13g2_IOPad")]:
        inst.delete()
    layout.write(str(folder / "ring.gds"))
    code, _, err = run_cli("check", folder)
    assert code == 2 and "ring.oas" in err and "ring.gds" in err and "not the same layout" in err
    assert "Traceback" not in err and not list(folder.glob(".check.*"))
    code, _, err = run_cli("check", folder / "ring.gds", "--intent", folder / "intent.json")
    assert code == 1 and "lvs.pad_missing" in err


def test_gds_with_a_bridged_breaker_is_refused(run_cli, rings, tmp_path):
    """A generated cell (the breaker, not in the shipped library) edited in ring.gds only."""
    folder = _copy(rings, "mixed_4x4", tmp_path)
    layout = kdb.Layout()
    layout.read(str(folder / "ring.gds"))
    breaker = next(c for c in layout.each_cell() if c.name.startswith("ioring_"))
    breaker.shapes(layout.layer(126, 0)).insert(kdb.DBox(0, 10, 10, 20))  # TopMetal1 across the cut
    layout.write(str(folder / "ring.gds"))
    code, _, err = run_cli("check", folder)
    assert code == 2 and f"cell {breaker.name}: its geometry differs on layer(s) 126/0" in err


def test_review_never_shows_stale_reports(run_cli, rings, tmp_path):
    """A layout changed after `ioring check` (bond pads deleted) makes the reports stale: the page
    is not built from them, and `ioring review` checks again and shows the failure."""
    folder = _copy(rings, "mixed_4x4", tmp_path)
    assert run_cli("check", folder)[0] == 0 and stale_reports(folder) == ""
    for name in ("ring.oas", "ring.gds"):
        layout = kdb.Layout()
        layout.read(str(folder / name))
        for inst in [i for i in layout.top_cell().each_inst() if i.cell.name == PROFILE.bond_pad.cell][:4]:
            inst.delete()
        layout.write(str(folder / name))
    assert "changed after" in stale_reports(folder)
    with pytest.raises(UserError, match="stale"):
        render_review(folder)
    code, _, _ = run_cli("review", folder, "-o", tmp_path / "review.html")
    assert code == 0 and stale_reports(folder) == ""
    page = (tmp_path / "review.html").read_text()
    assert "FAIL" in page and "drc.bondpad_missing" in page


def test_sigterm_stops_worker_and_removes_temp_folder(rings, tmp_path):
    """A real `ioring check` process stopped with SIGTERM: its worker is gone, no .check.* stays."""
    folder = _copy(rings, "double_ring_6x6", tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "ioring", "check", str(folder)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (children and list(folder.glob(".check.*"))):
        time.sleep(0.02)
        path = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        children = [int(c) for c in path.read_text().split()] if path.exists() else []
    assert children and list(folder.glob(".check.*")), "the worker never started"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    for pid in children:  # killed and reaped by `ioring check` before it exits
        assert not Path(f"/proc/{pid}").exists(), f"worker {pid} still runs"
    assert not list(folder.glob(".check.*"))


@pytest.mark.parametrize("pad,cell,clean", [
    ("VINP", "sg13g2_IOPadIn", False),  # an analog pad given a digital input cell
    ("AVDD", "sg13g2_IOPadIOVss", False),  # an AVDD provider given an IOVSS cell
    ("D3", "sg13g2_IOPadVdd", False),  # an output given a core-VDD cell
    ("D3", "sg13g2_IOPadOut16mA", True),  # another drive of the same kind is a legal choice
])
def test_pad_cell_override_is_checked_against_the_role(tmp_path, monkeypatch, pad, cell, clean):
    """The validator refuses a wrong override (cell.not_for_role); a layout that has the wrong cell all
    the same (built past the validator, as a hand edit would) still fails LVS, whose reference comes
    from the role."""
    doc = example("mixed_4x4")
    next(p for p in doc["pads"] if p["name"] == pad)["cell"] = cell
    if not clean:
        with pytest.raises(IntentError, match="cell.not_for_role"):
            build(parse_intent(doc), tmp_path / "refused")
        monkeypatch.setattr("adaptor.build.check_intent", lambda intent: [])
    build(parse_intent(doc), tmp_path / "ring")
    run(tmp_path / "ring" / "ring.oas", tmp_path / "ring" / "intent.json", tmp_path)
    lvs = json.loads((tmp_path / "lvs.json").read_text())
    assert lvs["clean"] is clean, lvs["findings"][:3]
    if not clean:
        messages = [f["message"] for f in lvs["findings"] if f["rule"] == "lvs.pad_cell"]
        assert any(f"pad {pad}" in m and cell in m and "not a" in m for m in messages), messages


def test_shipped_library_matches_itself_and_a_gds_round_trip(rings):
    """The library comparison has no false alarm: the shipped cells, and the cells of ring.gds (where
    the GDS writer split large polygons), are all unmodified."""
    assert modified_cells(shipped_library("sg13g2"), "sg13g2") == {}
    layout = kdb.Layout()
    layout.read(str(rings["mixed_4x4"] / "ring.gds"))
    assert modified_cells(layout, "sg13g2") == {}
    analog = layout.cell(PROFILE.role_cells["analog_io"])
    analog.shapes(layout.layer(134, 0)).insert(kdb.DBox(-5, -5, -4, -4))
    assert "134/0" in modified_cells(layout, "sg13g2")[analog.name]


def test_check_forks_its_worker_and_imports_only_what_it_needs(rings, tmp_path):
    """`ioring check` in a fresh interpreter: no second Python started (the worker is forked), and none of the
    planner, networkx, gdstk or numpy imported (they cost about half a second of every check)."""
    folder = _copy(rings, "mixed_4x4", tmp_path)
    probe = ("import subprocess, sys\n"
             "def refuse(*args, **kwargs):\n"
             "    raise AssertionError(f'a subprocess was started: {args[:1]}')\n"
             "subprocess.Popen = refuse\n"
             "from ioring.cli import main\n"
             f"code = main(['check', {str(folder)!r}])\n"
             "heavy = ('agent.planner', 'networkx', 'gdstk', 'numpy', 'langgraph')\n"
             "heavy = sorted(m for m in heavy if m in sys.modules)\n"
             "print(code, heavy)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert out.stdout.strip() == "0 []", out.stdout + out.stderr
    assert json.loads((folder / "lvs.json").read_text())["clean"]
