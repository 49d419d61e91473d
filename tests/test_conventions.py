"""The naming conventions are data: the file, the knowledge base text and the code agree."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import knowledge_base as kb
from adaptor.naming import conventions
from tests.conftest import ROOT

# KB bullet label → conventions key
KB_LISTS = {"supply markers": "supply_markers", "ground markers": "ground_markers", "core markers": "core_markers",
            "I/O markers": "io_markers", "voltage tokens": "voltage_tokens", "inputs": "inputs",
            "outputs": "outputs", "inouts": "inouts", "analog supply markers": "analog_supply_markers"}


def _kb_list(label: str) -> set[str]:
    text = kb.load("domains", "digital")
    match = re.search(rf"^- {re.escape(label)}:(.*?)(?=^- |^\S|\Z)", text, re.M | re.S)
    assert match, f"the knowledge base has no '- {label}:' bullet"
    return set(re.findall(r"`([^`]+)`", match.group(1)))


@pytest.mark.parametrize("label,key", KB_LISTS.items())
def test_knowledge_base_lists_every_convention_and_no_other(label, key):
    data = {str(v).upper() for v in conventions()[key]}
    assert _kb_list(label) == data


def test_voltage_tokens_are_volts():
    for token, volts in conventions()["voltage_tokens"].items():
        digits = re.sub(r"\D", "", str(token))
        assert abs(float(digits[0] + "." + (digits[1:] or "0")) - volts) < 1e-9 or volts == 5.0, token


def _corpus_names() -> set[str]:
    names: set[str] = set()
    suites = sorted(p for p in (ROOT / "bench" / "suites").iterdir() if p.is_dir())  # the hold-out part too
    assert {"ioring-30", "designer", "designer-holdout"} <= {s.name for s in suites}
    for suite in suites:
        for path in suite.rglob("*.expected.json"):
            names |= {p["name"] for p in json.loads(path.read_text())["pads"]}
    return names


def test_no_pad_name_of_any_suite_is_a_word_in_the_planner_code():
    names = _corpus_names()
    assert len(names) > 50
    code = "\n".join(p.read_text() for p in sorted((ROOT / "agent" / "planner").glob("*.py")))
    words = set(re.findall(r"[A-Za-z0-9_]+", code))
    assert sorted(names & words) == []
