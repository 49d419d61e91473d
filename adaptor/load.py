"""The boundary: JSON files and LLM output become an IntentGraph, or findings.

Input is first checked with ``jsonschema`` against the checked-in schema file (so errors name
the JSON path), then parsed into the pydantic models.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import accumulate
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
MAX_INPUT_BYTES = 4 * 1024 * 1024  # any input file; a 1600-pad intent is ~0.2 MiB, a golden ~0.5 MiB
MAX_JSON_DEPTH = 64  # nesting of arrays/objects; an intent needs 5
MAX_PADS = 1600  # 4 sides x 200 outer pads (the schema's limit per side) plus inner pads
MAX_LIST = {"pads": MAX_PADS, "domains": 64, "notes": 256}
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


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


def size_findings(data: Any) -> list[Finding]:
    """Lists longer than the limits (MAX_LIST), found before the schema walks every item."""
    if not isinstance(data, dict):
        return []
    return [Finding(rule="schema", where=key, message=f"{len(data[key])} {key}; at most {limit} are allowed",
                    hint="a ring has at most 200 pads per side")
            for key, limit in MAX_LIST.items() if isinstance(data.get(key), list) and len(data[key]) > limit]


def parse_intent(data: Any, source: str = "intent") -> IntentGraph:
    """Validate ``data`` against the schema and build the model; raises IntentError."""
    findings = size_findings(data) or schema_findings(data)
    if findings:
        raise IntentError(source, findings)
    try:
        return IntentGraph.model_validate(data)
    except PydanticError as exc:  # the schema file and the models disagree: still a clear error
        raise IntentError(source, [Finding(rule="schema", where=json_path(e["loc"]), message=e["msg"])
                                   for e in exc.errors()]) from None


def read_text(path: str | Path, hint: str = "pass a text file") -> str:
    """The UTF-8 text of a file of at most MAX_INPUT_BYTES; anything else is a UserError naming it."""
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path}: is a folder, not a file", "pass the path of a file")
    if not path.is_file():
        raise UserError(f"{path}: no such file", "check the path")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise UserError(f"{path}: cannot be read ({exc.strerror})", "check the file's permissions") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise UserError(f"{path}: larger than the {MAX_INPUT_BYTES // 2**20} MiB input limit",
                        "inputs are intents, specs and netlists of a few kB; check that this is the right file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not a UTF-8 text file", hint) from None


def json_depth(text: str) -> int:
    """Deepest nesting of arrays/objects in JSON ``text``, found without parsing (strings skipped)."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(_DEPTH_STEP[c] for c in brackets), default=0)


def parse_json(text: str, source: str) -> Any:
    """JSON ``text`` from ``source``; malformed or too deeply nested text is a UserError naming it."""
    if json_depth(text) > MAX_JSON_DEPTH:
        raise UserError(f"{source}: JSON nested deeper than {MAX_JSON_DEPTH} levels",
                        "an intent is 5 levels deep; check that this is the right file")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                        "fix the JSON syntax, e.g. a missing comma or quote") from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of more than 4300 digits
        raise UserError(f"{source}: JSON value out of range ({exc})", "check the numbers in the file") from None


def read_json(path: str | Path) -> Any:
    """Read a JSON file within the size and nesting limits; anything else is a UserError naming it."""
    return parse_json(read_text(path, "pass a JSON file"), str(path))


def load_intent(path: str | Path) -> IntentGraph:
    """Read and schema-check an intent graph file (rule checks are separate)."""
    return parse_intent(read_json(path), str(path))


def dump_intent(intent: IntentGraph) -> str:
    """The intent as pretty JSON text, without defaults left implicit."""
    return json.dumps(intent.model_dump(mode="json", exclude_none=True), indent=2) + "\n"
