"""What designers type, paste or upload: format detection, and when to collapse a long message.

``spec_format`` follows the CLI (the suffix of an uploaded file decides, ``agent.planner.SUFFIXES``);
pasted text has no suffix, so its content decides: a YAML pad table has top-level ``domains:``
and ``pads:`` keys, a TOML one ``pads``/``domains`` tables or assignments, a CSV one a header
row with a ``name`` column; anything else is a prompt (an AMS-IO-Bench request, prose or an edit).
"""

from __future__ import annotations

import re
from pathlib import Path

from agent.planner import SUFFIXES

LONG_LINES = 12  # user messages longer than this are shown collapsed

_YAML = re.compile(r"^(domains|pads)\s*:", re.M)
_TOML = re.compile(r"^(\[\[?\s*(pads|domains|ring)\b|(pads|domains|design)\s*=)", re.M)


def spec_format(text: str, filename: str | None = None) -> str:
    """prompt, yaml, toml or csv: by file suffix when there is one, else by content."""
    if filename and Path(filename).suffix.lower() in SUFFIXES:
        return SUFFIXES[Path(filename).suffix.lower()]
    if len(set(_YAML.findall(text))) == 2:
        return "yaml"
    if _TOML.search(text):
        return "toml"
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if lines and lines[0].count(",") >= 1 and "name" in [c.strip().lower() for c in lines[0].split(",")]:
        return "csv"
    return "prompt"


def is_long(text: str) -> bool:
    """Whether a message is long enough to be collapsed."""
    return text.count("\n") >= LONG_LINES or len(text) > 1500
