"""The rule-based planner: the embedded default when no LLM is configured.

``plan_file`` / ``plan_text`` read a spec (an AMS-IO-Bench style prompt, or a YAML, TOML or
CSV pad table) and return a validated intent graph, or raise PlanError with findings.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from adaptor.errors import UserError
from adaptor.load import read_text
from adaptor.findings import Finding
from agent.planner.errors import PlanError
from agent.planner.spec import Spec
from agent.planner.assemble import PlanResult, assemble
from agent.planner.prompt import parse_prompt
from agent.planner.structured import as_prose, is_table_format, load_structured
from agent.planner.table import parse_csv, parse_toml, parse_yaml

PARSERS = {"prompt": parse_prompt, "yaml": parse_yaml, "toml": parse_toml, "csv": parse_csv}
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".csv": "csv"}


def detect_format(text: str) -> tuple[str, str]:
    """(format, text) from the content: our YAML/TOML/CSV tables, other YAML/TOML rewritten as prose, else prose."""
    first = next((line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), "")
    if {"side", "name"} <= {c.strip().lower() for c in first.split(",")}:
        return "csv", text
    data = load_structured(text)
    if data is None:
        return "prompt", text
    if is_table_format(data):
        return ("toml" if _is_toml(text) else "yaml"), text
    return "prompt", as_prose(data)


def _is_toml(text: str) -> bool:
    try:
        tomllib.loads(text)
        return True
    except (ValueError, RecursionError):  # TOMLDecodeError is a ValueError
        return False


def read_spec(text: str, fmt: str = "prompt", source: str = "spec") -> Spec:
    """The rule reader alone: a spec given as text in format ``fmt`` → ``Spec`` (PlanError, PlanQuestion)."""
    if fmt not in PARSERS:
        raise UserError(f"unknown spec format {fmt!r}", f"use one of: {', '.join(PARSERS)}")
    if fmt == "prompt":
        fmt, text = detect_format(text)
    return PARSERS[fmt](text, source)


def plan_text(text: str, fmt: str = "prompt", source: str = "spec", technology: str | None = None,
              strict: bool = False) -> PlanResult:
    """Plan a spec given as text in format ``fmt`` (prompt = any text, detected; yaml, toml or csv).

    Raises PlanError (a contradiction, or with ``strict`` any assumption) or PlanQuestion (a
    missing fact).
    """
    spec = read_spec(text, fmt, source)
    if strict and spec.assumptions:
        raise PlanError(source, [Finding(rule=a.rule, where=a.at, message=f"assumed: {a.what}",
                                         hint="state it in the spec, or plan without --strict")
                                 for a in spec.assumptions])
    return assemble(spec, technology, source)


def plan_file(path: str | Path, technology: str | None = None, strict: bool = False) -> PlanResult:
    """Plan the spec in ``path``; the format follows the file suffix (anything else is a prompt)."""
    path = Path(path)
    text = read_text(path, "pass a text prompt or a YAML, TOML or CSV pad table")  # size and encoding limits first
    return plan_text(text, SUFFIXES.get(path.suffix.lower(), "prompt"), str(path), technology, strict)
