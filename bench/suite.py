"""Benchmark suites: a folder of cases, each a prompt and its expected answer. Two layouts, detected:

- ours: ``<suite>/<tier>/<case>.txt`` with ``<case>.expected.json`` (an intent graph) or
  ``<case>.error.json`` (``{"rule": "plan.signal_count"}``: the planner must refuse with it);
- the AMS-IO-Bench reference layout: prompt files ``*.txt`` anywhere in the suite and
  ``golden_output/<case>/io_ring_intent_graph.json`` goldens (converted on load).

An optional ``meta.json`` at the suite's root maps a case id to ``{"style", "convention",
"variant"}`` (how the request is written, which supply naming family it uses); the report breaks
pass rates down by them.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from adaptor.amsio import from_amsio
from adaptor.errors import UserError
from adaptor.intent import IntentGraph
from adaptor.load import parse_intent, read_json

TIERS = ("simple", "medium", "hard", "unsat")


class Case(BaseModel):
    """One benchmark case."""

    id: str
    tier: str
    prompt: Path
    expected: IntentGraph | None = None
    expected_error: str | None = None
    note: str = ""
    style: str | None = None  # from meta.json: how the request is written
    convention: str | None = None  # from meta.json: the supply naming family
    variant: str | None = None  # from meta.json: the phrasing forms used


def reference_tier(case_id: str) -> str:
    """A tier for a reference-suite case from its id: double rings and multi-domain rings are hard."""
    lower = case_id.lower()
    if "double" in lower or "multi_voltage" in lower:
        return "hard"
    return "medium" if "mixed" in lower else "simple"


def _expected_rule(path: Path) -> str:
    """The rule id an unsat case expects, from ``{"rule": "..."}``."""
    doc = read_json(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("rule"), str) or not doc["rule"]:
        raise UserError(f"{path}: needs a rule id, like {{\"rule\": \"plan.signal_count\"}}",
                        "write the rule the planner must refuse the prompt with")
    return doc["rule"]


def load_suite(folder: Path) -> list[Case]:
    """Every case of a suite, sorted by tier then id; UserError for a folder that is not a suite."""
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder", "pass a suite folder")
    golden = folder / "golden_output"
    cases = []
    if golden.is_dir():
        for prompt in sorted(p for p in folder.rglob("*.txt") if golden not in p.parents):
            path = golden / prompt.stem / "io_ring_intent_graph.json"
            if not path.is_file():
                continue
            try:
                expected = from_amsio(read_json(path), prompt.stem, str(path))
                cases.append(Case(id=prompt.stem, tier=reference_tier(prompt.stem), prompt=prompt, expected=expected))
            except (UserError, ValueError) as exc:
                cases.append(Case(id=prompt.stem, tier=reference_tier(prompt.stem), prompt=prompt,
                                  note=f"golden not usable: {str(exc).splitlines()[0]}"))
    else:
        for prompt in sorted(folder.rglob("*.txt")):
            tier = prompt.parent.name if prompt.parent.name in TIERS else "simple"
            stem = prompt.with_suffix("")
            if Path(f"{stem}.expected.json").is_file():
                doc = read_json(f"{stem}.expected.json")
                cases.append(Case(id=prompt.stem, tier=tier, prompt=prompt,
                                  expected=parse_intent(doc, f"{stem}.expected.json")))
            elif Path(f"{stem}.error.json").is_file():
                cases.append(Case(id=prompt.stem, tier=tier, prompt=prompt,
                                  expected_error=_expected_rule(Path(f"{stem}.error.json"))))
    if not cases:
        raise UserError(f"{folder}: no cases (prompts with expected answers)",
                        "see bench/README.md for the two suite layouts")
    meta = _meta(folder)
    cases = [c.model_copy(update=meta.get(c.id, {})) for c in cases]
    order = {t: k for k, t in enumerate(TIERS)}
    return sorted(cases, key=lambda c: (order.get(c.tier, 9), c.id))


def _meta(folder: Path) -> dict[str, dict[str, str]]:
    """The suite's meta.json (case id -> style, convention, variant), or nothing."""
    path = folder / "meta.json"
    if not path.is_file():
        return {}
    doc = read_json(path)
    if not isinstance(doc, dict):
        raise UserError(f"{path}: not a JSON object", "meta.json maps case ids to {style, convention, variant}")
    return {case: {k: v for k, v in entry.items() if k in ("style", "convention", "variant")}
            for case, entry in doc.items() if isinstance(entry, dict)}


def ring_size(case: Case) -> int:
    """Pads in the expected ring (for plots), or the sum of the sizes in the case id."""
    if case.expected is not None:
        return len(case.expected.pads)
    dims = re.search(r"(\d+)x(\d+)", case.id)
    return 2 * (int(dims.group(1)) + int(dims.group(2))) if dims else 0
