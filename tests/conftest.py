"""Shared test helpers: example intents, a CLI runner."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from ioring.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
DATA = Path(__file__).resolve().parent / "data"


def technology_cases() -> list[str]:
    """``<example>`` (its own technology) and ``<technology>:<example>`` for every other shipped technology
    that can build it (a double ring needs bond pads outside the cells)."""
    from adaptor.technologies import available
    from adaptor.technology import load_profile

    cases = [p.stem for p in EXAMPLES]
    for tech in available():
        for path in EXAMPLES:
            doc = json.loads(path.read_text())
            if doc.get("technology", "sg13g2") == tech:
                continue
            if doc["ring"].get("kind") == "double" and load_profile(tech).bond_pad.in_cell:
                continue
            cases.append(f"{tech}:{path.stem}")
    return cases


def case_intent(case: str) -> dict[str, Any]:
    """The intent document of a ``technology_cases`` entry (the example with its technology replaced)."""
    tech, _, name = case.rpartition(":")
    doc = example(name)
    if tech:
        doc["technology"] = tech
    return doc


def example(name: str) -> dict[str, Any]:
    """A deep copy of the example intent ``examples/<name>.json``."""
    return copy.deepcopy(json.loads((ROOT / "examples" / f"{name}.json").read_text()))


def pad_at(doc: dict[str, Any], position: str) -> dict[str, Any]:
    """The pad dict at ``position`` in an intent document."""
    return next(p for p in doc["pads"] if p["position"] == position)


@pytest.fixture
def run_cli(capsys):
    """Run ``ioring ARGS…`` in-process; returns (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
