"""The rule-based planner: the embedded default when no LLM is configured.

``plan_file`` / ``plan_text`` read a spec (an AMS-IO-Bench style prompt, or a YAML, TOML or
CSV pad table) and return a validated intent graph, or raise PlanError with findings.
"""

from __future__ import annotations

from pathlib import Path

from adaptor.errors import UserError
from adaptor.load import read_text
from adaptor.findings import Finding
from agent.planner.errors import PlanError
from agent.planner.spec import Spec
from agent.planner.assemble import PlanResult, assemble
from agent.planner.prompt import parse_prompt
from agent.planner.structured import as_prose, csv_as_markdown, is_table_format, load_structured
from agent.planner.table import parse_csv, parse_toml, parse_yaml

PARSERS = {"prompt": parse_prompt, "yaml": parse_yaml, "toml": parse_toml, "csv": parse_csv}
_CSV_COLUMNS = {"side", "name", "domain", "role", "direction", "drive_ma", "between"}  # our own CSV table format
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".csv": "csv"}


def detect_format(text: str, declared: str = "prompt") -> tuple[str, str, list[str] | None]:
    """(format, text, origins) from the content and the ``declared`` format (a file suffix's).

    Our YAML/TOML/CSV tables keep their strict parsers, as does a declared YAML/TOML file that is
    not a readable mapping or tries our table format (``ring.pads``), and a CSV whose columns are
    all ours; any other YAML/TOML is rewritten as prose and any other CSV pad table as a markdown
    table (``origins``: for each written line, the ``line:col`` in the document it came from); the
    rest is prose.
    """
    first = next((line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), "")
    header = {c.strip().lower() for c in first.split(",")}
    if ({"side", "name"} <= header or declared == "csv") and header <= _CSV_COLUMNS:  # our CSV format (or an attempt)
        return "csv", text, None
    if declared == "csv" or {"side", "name"} <= header:  # any other pad table: read as a markdown table
        return ("prompt", *csv_as_markdown(text))
    loaded = load_structured(text)
    if loaded is None:
        return declared, text, None
    fmt, data = loaded
    ring = data.get("ring")
    if is_table_format(data) or (declared != "prompt" and isinstance(ring, dict) and "pads" in ring):
        return fmt, text, None
    return ("prompt", *as_prose(data, text))


def read_spec(text: str, fmt: str = "prompt", source: str = "spec") -> Spec:
    """The rule reader alone: a spec given as text in format ``fmt`` → ``Spec`` (PlanError, PlanQuestion)."""
    if fmt not in PARSERS:
        raise UserError(f"unknown spec format {fmt!r}", f"use one of: {', '.join(PARSERS)}")
    fmt, text, origins = detect_format(text, fmt)
    return parse_prompt(text, source, origins) if fmt == "prompt" else PARSERS[fmt](text, source)


def plan_text(text: str, fmt: str = "prompt", source: str = "spec", technology: str | None = None,
              strict: bool = False) -> PlanResult:
    """Plan a spec given as text in format ``fmt`` (prompt = any text; yaml, toml or csv as declared by a
    file suffix; the content decides, see ``detect_format``).

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
