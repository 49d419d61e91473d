"""Edits of the current intent as typed operations, one parser for chat requests, one applier.

An edit is a list of operations (pydantic models, JSON Schema from ``edit_schema()`` so an LLM
can be asked for the same thing): ``move``, ``swap``, ``rename``, ``set`` (role, domain,
direction, drive_ma, cell), ``insert``, ``remove``, ``insert_inner``. ``parse_edit`` turns a
chat request into operations without an LLM; ``apply_ops`` applies them (positions renumbered,
per-side counts updated); ``diff`` says what changed between two intents, for the reply.

Chat forms understood (any case): ``move X to the right side`` / ``move X to right_2``;
``swap X and Y``; ``rename X to Y``; ``make D0..D3 16 mA outputs`` / ``make SDO a 16 mA output``
(names as lists, ``A..B``/``A-B`` ranges; a direction, a drive, or both); ``set X drive to 16``
(role, domain, direction, drive, cell); ``remove X``; ``add X as ROLE in DOMAIN at right_2`` (or
``at the right side``); ``add inner X as ROLE in DOMAIN after Y``.
"""

from __future__ import annotations

import copy
import re
from difflib import SequenceMatcher
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from adaptor.errors import UserError
from adaptor.graph import side_sequence
from adaptor.intent import SIDES, Order, Position, Role

HELP = ("I can do these edits without an LLM: 'move X to the right side', 'move X to right_2', "
        "'swap X and Y', 'rename X to Y', 'make D0..D3 16 mA outputs', 'set X domain to AVDD', 'remove X', "
        "'add X as analog_io in AVDD at right_2', 'add inner X as analog_io in AVDD after Y'.")
_DIRECTIONS = {"input": "in", "inputs": "in", "in": "in", "output": "out", "outputs": "out", "out": "out",
               "inout": "inout", "inouts": "inout", "bidirectional": "inout"}
_FIELDS = {"role": "role", "domain": "domain", "direction": "direction", "drive": "drive_ma", "drive_ma": "drive_ma",
           "cell": "cell"}


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NewPad(_Op):
    """A pad to insert (its position follows from where it goes)."""

    name: str
    role: Role
    domain: str
    direction: Literal["in", "out", "inout"] | None = None
    drive_ma: int | None = Field(default=None, ge=1, le=100)
    cell: str | None = None


class Move(_Op):
    """Move an outer pad to a side (appended) or before the pad now at a position (``right_2``)."""

    op: Literal["move"] = "move"
    pad: str
    to: str = Field(description="a side (left, bottom, right, top) or a position like right_2")


class Swap(_Op):
    """Swap two outer pads (inner pads stay with their hosts)."""

    op: Literal["swap"] = "swap"
    a: str
    b: str


class Rename(_Op):
    """Rename a pad."""

    op: Literal["rename"] = "rename"
    pad: str
    to: str


class SetField(_Op):
    """Set one field of some pads; ``None`` clears direction, drive_ma or cell."""

    op: Literal["set"] = "set"
    pads: list[str] = Field(min_length=1)
    field: Literal["role", "domain", "direction", "drive_ma", "cell"]
    value: str | int | None


class Insert(_Op):
    """Insert an outer pad at a side (appended) or before the pad now at a position."""

    op: Literal["insert"] = "insert"
    at: str = Field(description="a side or a position like right_2")
    pad: NewPad


class Remove(_Op):
    """Remove a pad (an outer pad only once its inner pads are gone)."""

    op: Literal["remove"] = "remove"
    pad: str


class InsertInner(_Op):
    """Insert an inner-ring pad riding on an outer pad (between it and the next one)."""

    op: Literal["insert_inner"] = "insert_inner"
    after: str
    pad: NewPad


Operation = Annotated[Move | Swap | Rename | SetField | Insert | Remove | InsertInner, Field(discriminator="op")]
OPERATIONS = TypeAdapter(list[Operation])


class EditError(UserError):
    """An edit request the rule-based editor does not understand or cannot apply."""


def edit_schema() -> dict[str, Any]:
    """The JSON Schema of an edit: a list of operations."""
    return OPERATIONS.json_schema()


# --- applying ---------------------------------------------------------------------------------

def _rows(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Outer pads per side in index order; each inner pad rides on the outer pad before it."""
    sides: dict[str, list[dict[str, Any]]] = {
        s.value: [] for s in side_sequence(Order(doc["ring"].get("order", "counterclockwise")))}
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


def _slot(sides: dict[str, list[dict[str, Any]]], where: str) -> tuple[str, int]:
    """(side, index) for a side name (the end of it) or a position ``right_2``."""
    m = re.fullmatch(r"(left|bottom|right|top)(?:_(\d+))?", where.strip().lower())
    if not m:
        raise EditError(f"{where!r} is not a side or an outer position", "use e.g. 'right' or 'right_2'")
    row = sides[m.group(1)]
    return m.group(1), min(int(m.group(2)), len(row)) if m.group(2) else len(row)


def _pad(doc: dict[str, Any], name: str) -> dict[str, Any]:
    for pad in doc["pads"]:
        if pad["name"].upper() == name.upper():
            return pad
    raise EditError(f"no pad called {name}", "name pads of the current ring")


def _new(pad: NewPad) -> dict[str, Any]:
    return pad.model_dump(mode="json", exclude_none=True)


def _set(doc: dict[str, Any], op: SetField) -> None:
    for name in op.pads:
        pad = _pad(doc, name)
        if op.field in ("direction", "drive_ma") and op.value is not None and pad["role"] != "digital_io":
            raise EditError(f"{pad['name']} is a {pad['role']} pad, not a digital I/O",
                            "directions and drives apply to digital_io pads")
        if op.value is None or op.value == "":
            pad.pop(op.field, None)
        else:
            pad[op.field] = int(op.value) if op.field == "drive_ma" else str(op.value)
        if pad.get("direction") == "in":
            pad.pop("drive_ma", None)


def apply_ops(intent: dict[str, Any], ops: list[Operation]) -> dict[str, Any]:
    """The intent after ``ops`` in order (a new dict); EditError naming the operation that cannot apply."""
    doc = copy.deepcopy(intent)
    for op in ops:
        if isinstance(op, SetField):
            _set(doc, op)
            continue
        if isinstance(op, Rename):
            _pad(doc, op.pad)["name"] = op.to
            continue
        sides = _rows(doc)
        if isinstance(op, Move):
            side, k = _find(sides, op.pad)
            pad = sides[side].pop(k)
            target, index = _slot(sides, op.to)
            sides[target].insert(index, pad)
        elif isinstance(op, Swap):
            (sa, ka), (sb, kb) = _find(sides, op.a), _find(sides, op.b)
            sides[sa][ka], sides[sb][kb] = sides[sb][kb], sides[sa][ka]
        elif isinstance(op, Insert):
            target, index = _slot(sides, op.at)
            sides[target].insert(index, _new(op.pad))
        elif isinstance(op, InsertInner):
            side, k = _find(sides, op.after)
            sides[side][k].setdefault("_inner", []).append(_new(op.pad))
        elif isinstance(op, Remove):
            pad = _pad(doc, op.pad)
            if Position.parse(pad["position"]).is_inner:
                for row in sides.values():
                    for host in row:
                        host["_inner"] = [p for p in host.get("_inner", []) if p is not pad]
            else:
                side, k = _find(sides, op.pad)
                if sides[side][k].get("_inner"):
                    raise EditError(f"{pad['name']} carries inner pads", "remove or move its inner pads first")
                sides[side].pop(k)
        doc = _renumber(doc, sides)
    return doc


# --- parsing chat requests --------------------------------------------------------------------

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


_NEW = r"(\w+)\s+as\s+(?:an?\s+)?(\w+)\s+(?:in|on)\s+(?:domain\s+)?(\w+)"


def parse_edit(intent: dict[str, Any], request: str) -> list[Operation]:
    """The operations a chat request asks for; EditError when it is not understood."""
    text = request.strip().rstrip(".")
    m = re.fullmatch(r"(?i)move\s+(\w+)\s+to\s+(?:the\s+)?(left|bottom|right|top)(?:_(\d+)|\s+side)?", text)
    if m:
        to = m.group(2).lower() + (f"_{m.group(3)}" if m.group(3) else "")
        return [Move(pad=m.group(1), to=to)]
    m = re.fullmatch(r"(?i)swap\s+(\w+)\s+(?:and|with)\s+(\w+)", text)
    if m:
        return [Swap(a=m.group(1), b=m.group(2))]
    m = re.fullmatch(r"(?i)rename\s+(\w+)\s+(?:to|as)\s+(\w+)", text)
    if m:
        return [Rename(pad=_names(m.group(1), intent)[0], to=m.group(2))]
    m = re.fullmatch(r"(?i)(?:remove|delete)\s+(?:pad\s+)?(\w+)", text)
    if m:
        return [Remove(pad=m.group(1))]
    m = re.fullmatch(rf"(?i)(?:add|insert)\s+(?:an?\s+)?inner\s+(?:pad\s+)?{_NEW}\s+after\s+(\w+)", text)
    if m:
        return [InsertInner(after=m.group(4), pad=_new_pad(m.group(1), m.group(2), m.group(3)))]
    m = re.fullmatch(rf"(?i)(?:add|insert)\s+(?:an?\s+)?(?:pad\s+)?{_NEW}\s+at\s+(?:the\s+)?(\w+?)(?:\s+side)?", text)
    if m:
        return [Insert(at=m.group(4).lower(), pad=_new_pad(m.group(1), m.group(2), m.group(3)))]
    m = re.fullmatch(r"(?i)(?:set|change|make)\s+(.+?)(?:'s)?\s+(role|domain|direction|drive_ma|drive|cell)\s+"
                     r"(?:to|=)\s+(\w+)(?:\s*mA)?", text)
    if m:
        field = _FIELDS[m.group(2).lower()]
        value: str | None = m.group(3)
        if field == "direction":
            value = _DIRECTIONS.get(value.lower(), value)
        return [SetField(pads=_names(m.group(1), intent), field=field, value=value)]  # type: ignore[arg-type]
    m = re.fullmatch(r"(?i)make\s+(.+?)\s+(?:an?\s+)?(?:(\d+)\s*mA\s*)?(inputs?|outputs?|inouts?|bidirectional)?",
                     text)
    if m and (m.group(2) or m.group(3)):
        names = _names(m.group(1), intent)
        ops: list[Operation] = []
        if m.group(3):
            ops.append(SetField(pads=names, field="direction", value=_DIRECTIONS[m.group(3).lower()]))
        if m.group(2):
            ops.append(SetField(pads=names, field="drive_ma", value=int(m.group(2))))
        return ops
    raise EditError(f"I did not understand the edit {request!r}", HELP)


def _new_pad(name: str, role: str, domain: str) -> NewPad:
    if role not in Role.__members__:
        raise EditError(f"{role!r} is not a pad role", f"use one of: {', '.join(Role.__members__)}")
    return NewPad(name=name, role=Role(role), domain=domain)


def apply_edit(intent: dict[str, Any], request: str) -> dict[str, Any]:
    """The intent after one chat edit request (a new dict); EditError when it is not understood."""
    return apply_ops(intent, parse_edit(intent, request))


# --- describing -------------------------------------------------------------------------------

_SHOWN = ("role", "domain", "direction", "drive_ma", "cell")


def _keyed(intent: dict[str, Any]) -> dict[tuple[str, int], dict[str, Any]]:
    """Pads by (name, occurrence), in ring order: supply names may repeat."""
    def order(pad: dict[str, Any]) -> tuple[int, int, int]:
        pos = Position.parse(pad["position"])
        return list(SIDES).index(pos.side), pos.index, 1 if pos.is_inner else 0

    seen: dict[str, int] = {}
    out = {}
    for pad in sorted(intent["pads"], key=order):
        seen[pad["name"]] = seen.get(pad["name"], 0) + 1
        out[(pad["name"], seen[pad["name"]])] = pad
    return out


def _side(pad: dict[str, Any]) -> str:
    return Position.parse(pad["position"]).side.value


def diff(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """What changed from ``before`` to ``after``, pad by pad ("moved VREF bottom_0 → right_4").

    A pad counts as moved when it changed side or order on its side; pads only renumbered
    around it are counted, not listed.
    """
    if not before:
        return [f"new design {after['design']} with {len(after['pads'])} pads"]
    old, new = _keyed(before), _keyed(after)
    gone = {p["position"]: key for key, p in old.items() if key not in new}
    pairs: dict[tuple[str, int], tuple[str, int]] = {}  # new key → old key
    out: list[str] = []
    for key, pad in new.items():
        if key in old:
            pairs[key] = key
        elif pad["position"] in gone:
            pairs[key] = gone.pop(pad["position"])
            out.append(f"renamed {pairs[key][0]} → {key[0]}")
        else:
            out.append(f"added {key[0]} at {pad['position']}")
    stayed: set[tuple[str, int]] = set()
    for side in SIDES:
        was = [k for k, p in old.items() if _side(p) == side.value and k in pairs.values()]
        now = [pairs[k] for k, p in new.items() if _side(p) == side.value and k in pairs]
        for block in SequenceMatcher(a=was, b=now, autojunk=False).get_matching_blocks():
            stayed.update(was[block.a:block.a + block.size])
    renumbered = 0
    for key, pad in new.items():
        if key not in pairs:
            continue
        was = old[pairs[key]]
        if pairs[key] not in stayed:
            out.append(f"moved {key[0]} {was['position']} → {pad['position']}")
        elif was["position"] != pad["position"]:
            renumbered += 1
        out += [f"{key[0]} {field} {was.get(field) or '–'} → {pad.get(field) or '–'}"
                for field in _SHOWN if was.get(field) != pad.get(field)]
    out += [f"removed {key[0]} from {pos}" for pos, key in gone.items()]
    if renumbered:
        out.append(f"{renumbered} pad(s) renumbered")
    was_d, now_d = ({d["name"]: d for d in doc.get("domains", [])} for doc in (before, after))
    out += [f"added domain {name}" for name in now_d if name not in was_d]
    out += [f"changed domain {name}" for name in now_d if name in was_d and was_d[name] != now_d[name]]
    out += [f"removed domain {name}" for name in was_d if name not in now_d]
    return out or ["no change to the pads"]
