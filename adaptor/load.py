"""The boundary: JSON files and LLM output become an IntentGraph, or findings.

Input is first checked with ``jsonschema`` against the checked-in schema file (so errors name
the JSON path), then parsed into the pydantic models.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match
from pydantic import ValidationError as PydanticError

from adaptor.errors import IntentError, UserError
from adaptor.findings import Finding
from adaptor.intent import IntentGraph

SCHEMA_PATH = Path(__file__).resolve().parent / "intent_schema.json"
MAX_SCHEMA_FINDINGS = 20


def schema_document() -> dict[str, Any]:
    """The JSON Schema of the intent graph, generated from the pydantic models."""
    schema = IntentGraph.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ioring.dev/schema/intent-graph-v1.json",
        **schema,
    }


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))


def json_path(parts: Any) -> str:
    """``["pads", 3, "role"]`` → ``pads[3].role``; the empty path is ``(top level)``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _schema_finding(error: ValidationError) -> Finding:
    if error.context:
        error = best_match(error.context)
    return Finding(rule="schema", where=json_path(error.absolute_path), message=error.message,
                   hint="see `ioring schema` for the expected shape")


def schema_findings(data: Any) -> list[Finding]:
    """Findings for every JSON Schema violation of ``data`` (at most 20, by path)."""
    found = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [_schema_finding(e) for e in found[:MAX_SCHEMA_FINDINGS]]


def parse_intent(data: Any, source: str = "intent") -> IntentGraph:
    """Validate ``data`` against the schema and build the model; raises IntentError."""
    findings = schema_findings(data)
    if findings:
        raise IntentError(source, findings)
    try:
        return IntentGraph.model_validate(data)
    except PydanticError as exc:  # the schema file and the models disagree: still a clear error
        raise IntentError(source, [Finding(rule="schema", where=json_path(e["loc"]), message=e["msg"])
                                   for e in exc.errors()]) from None


def read_json(path: str | Path) -> Any:
    """Read a JSON file; a missing or malformed file is a UserError naming it."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such file", "check the path")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise UserError(f"{path}: not a text file", "pass a JSON file") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                        "fix the JSON syntax, e.g. a missing comma or quote") from None


def load_intent(path: str | Path) -> IntentGraph:
    """Read and schema-check an intent graph file (rule checks are separate)."""
    return parse_intent(read_json(path), str(path))


def dump_intent(intent: IntentGraph) -> str:
    """The intent as pretty JSON text, without defaults left implicit."""
    return json.dumps(intent.model_dump(mode="json", exclude_none=True), indent=2) + "\n"
