"""Rule-based edits of the current intent, so a conversation works offline too.

Understood (any case): ``move X to the right side`` / ``move X to right_2``; ``swap X and Y``;
``rename X to Y``; ``make D0..D3 16 mA outputs`` (names as lists, ``A..B``/``A-B`` ranges; a
direction, a drive, or both). Anything else raises EditError listing these forms; with an LLM
configured the agent sends such requests to the model instead.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from adaptor.errors import UserError
from adaptor.graph import side_sequence
from adaptor.intent import Order, Position

HELP = ("I can do these edits without an LLM: 'move X to the right side', 'move X to right_2', "
        "'swap X and Y', 'rename X to Y', 'make D0..D3 16 mA outputs'.")
_DIRECTIONS = {"input": "in", "inputs": "in", "output": "out", "outputs": "out", "inout": "inout", "inouts": "inout",
               "bidirectional": "inout"}


class EditError(UserError):
    """An edit request the rule-based editor does not understand or cannot apply."""


def _rows(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Outer pads per side in index order; each inner pad rides on the outer pad before it."""
    sides = {s.value: [] for s in side_sequence(Order(doc["ring"].get("order", "counterclockwise")))}
    inner = []
    def key(pad: dict[str, Any]) -> tuple[int, int]:
        pos = Position.parse(pad["position"])
        return pos.index, 1 if pos.is_inner else 0

    for pad in sorted(doc["pads"], key=key):
        pos = Position.parse(pad["position"])
        (inner if pos.is_inner else sides[pos.side.value]).append(pad)
    for pad in inner:
        pos = Position.parse(pad["position"])
        host = sides[pos.side.value][pos.index] if pos.index < len(sides[pos.side.value]) else None
        if host is not None:
            host.setdefault("_inner", []).append(pad)
    return sides


def _renumber(doc: dict[str, Any], sides: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    pads = []
    for side, row in sides.items():
        for k, pad in enumerate(row):
            for inner in pad.pop("_inner", []):
                inner["position"] = f"{side}_{k}_{k + 1}"
                pads.append(inner)
            pad["position"] = f"{side}_{k}"
            pads.append(pad)
        doc["ring"]["pads"][side] = len(row)
    doc["pads"] = pads
    return doc


def _find(sides: dict[str, list[dict[str, Any]]], name: str) -> tuple[str, int]:
    for side, row in sides.items():
        for k, pad in enumerate(row):
            if pad["name"].upper() == name.upper():
                return side, k
    raise EditError(f"there is no outer pad called {name}", "name a pad of the current ring")


def _names(text: str, doc: dict[str, Any]) -> list[str]:
    known = {p["name"].upper(): p["name"] for p in doc["pads"]}
    out: list[str] = []
    for part in re.split(r"\s*(?:,|\band\b)\s*", text.strip()):
        span = re.fullmatch(r"([A-Za-z_]+)(\d+)\s*(?:\.\.|-|to)\s*(?:[A-Za-z_]+)?(\d+)", part)
        if span:
            stem, a, b = span.group(1), int(span.group(2)), int(span.group(3))
            out += [f"{stem}{k}" for k in range(min(a, b), max(a, b) + 1)]
        elif part:
            out.append(part)
    missing = [n for n in out if n.upper() not in known]
    if missing:
        raise EditError(f"no pad called {', '.join(missing)}", "name pads of the current ring")
    return [known[n.upper()] for n in out]


def apply_edit(intent: dict[str, Any], request: str) -> dict[str, Any]:
    """The intent after one edit request (a new dict); EditError when the request is not understood."""
    doc = copy.deepcopy(intent)
    text = request.strip().rstrip(".")
    m = re.fullmatch(r"(?i)move\s+(\w+)\s+to\s+(?:the\s+)?(left|bottom|right|top)(?:_(\d+)|\s+side)?", text)
    if m:
        sides = _rows(doc)
        side, k = _find(sides, m.group(1))
        pad = sides[side].pop(k)
        target = sides[m.group(2).lower()]
        index = min(int(m.group(3)), len(target)) if m.group(3) else len(target)
        target.insert(index, pad)
        return _renumber(doc, sides)
    m = re.fullmatch(r"(?i)swap\s+(\w+)\s+(?:and|with)\s+(\w+)", text)
    if m:
        sides = _rows(doc)
        (sa, ka), (sb, kb) = _find(sides, m.group(1)), _find(sides, m.group(2))
        sides[sa][ka], sides[sb][kb] = sides[sb][kb], sides[sa][ka]
        return _renumber(doc, sides)
    m = re.fullmatch(r"(?i)rename\s+(\w+)\s+(?:to|as)\s+(\w+)", text)
    if m:
        (name,) = _names(m.group(1), doc)
        for pad in doc["pads"]:
            if pad["name"] == name:
                pad["name"] = m.group(2)
        return doc
    m = re.fullmatch(r"(?i)make\s+(.+?)\s+(?:(\d+)\s*mA\s*)?(inputs?|outputs?|inouts?|bidirectional)?", text)
    if m and (m.group(2) or m.group(3)):
        names = set(_names(m.group(1), doc))
        for pad in doc["pads"]:
            if pad["name"] in names:
                if pad["role"] != "digital_io":
                    raise EditError(f"{pad['name']} is a {pad['role']} pad, not a digital I/O",
                                    "directions and drives apply to digital_io pads")
                if m.group(3):
                    pad["direction"] = _DIRECTIONS[m.group(3).lower()]
                if m.group(2):
                    pad["drive_ma"] = int(m.group(2))
                if pad.get("direction") == "in":
                    pad.pop("drive_ma", None)
        return doc
    raise EditError(f"I did not understand the edit {request!r}", HELP)
