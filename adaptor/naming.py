"""Name conventions for pads: digital directions and supply roles inferred from names.

The conventions are data (``knowledge_base/conventions.yaml``, the ones seen in AMS-IO-Bench
prompts and goldens, reference page §4); both the planner and the golden-format converter use
them through this module.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from adaptor.intent import Direction

CONVENTIONS_FILE = Path(__file__).resolve().parent.parent / "knowledge_base" / "conventions.yaml"


@lru_cache(maxsize=1)
def conventions() -> dict[str, Any]:
    """The naming conventions file, parsed (lists of upper-case markers, names and patterns)."""
    return yaml.safe_load(CONVENTIONS_FILE.read_text(encoding="utf-8"))


def convention_set(key: str) -> frozenset[str]:
    """One list of the conventions file as an upper-case set."""
    return frozenset(str(v).upper() for v in conventions()[key])


def _full(patterns: list[str], name: str) -> bool:
    return any(re.fullmatch(p, name, re.I) for p in patterns)


def infer_direction(name: str) -> Direction:
    """Direction of a digital I/O pad from its name; inputs when nothing says otherwise.

    Known names first (``inputs``, ``outputs``, ``inouts`` of the conventions file, also with a
    trailing ``_<n>``), then the inout and output patterns (data pins ``D<n>``/``Q<n>``), then
    suffixes (``…OUT``/``…O`` output, ``…IN``/``…I`` input).
    """
    c = conventions()
    upper = name.upper()
    stem = re.sub(r"[_]?\d+$", "", upper).rstrip("_")
    for key, direction in (("inputs", Direction.input), ("outputs", Direction.output),
                           ("inouts", Direction.inout)):
        names = convention_set(key)
        if upper in names or stem in names:
            return direction
    if _full(c["inout_patterns"], upper):
        return Direction.inout
    if _full(c["output_patterns"], upper):
        return Direction.output
    if any(stem.endswith(s) and (len(s) > 1 or len(stem) > 2) for s in convention_set("output_suffixes")):
        return Direction.output
    if any(stem.endswith(s) for s in convention_set("input_suffixes")):
        return Direction.input
    return Direction.input
