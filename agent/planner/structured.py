"""YAML and TOML requests in any layout → the plain text the prose reader understands.

Our own table format (``ring.pads`` + ``domains`` mapping) keeps its strict parser
(``table.py``); any other YAML/TOML document (``pads_per_side``, ``digital_domain: {core, io}``,
``analog_ranges``, ``[[pad]]`` tables, ``directions: {NAME: out}`` …) is rewritten as lines of
statements and a markdown pad table, so that one reader handles every format.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

_RANGE_KEYS = (("from", "to"), ("first", "last"), ("first_pin", "last_pin"), ("start", "end"), ("first_pad", "last_pad"))
_PAD_COLUMNS = ("name", "domain", "dir", "direction", "drive_ma", "drive", "class", "kind", "type")


def load_structured(text: str) -> tuple[str, Any] | None:
    """``("toml" | "yaml", document)`` when ``text`` is a TOML document or a YAML mapping, else None."""
    try:
        data = tomllib.loads(text)
        if data and any(isinstance(v, (dict, list)) for v in data.values()):
            return "toml", data
    except (ValueError, RecursionError):  # TOMLDecodeError is a ValueError, as is an integer past the digit limit
        pass
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, RecursionError):  # not YAML we can read: prose
        return None
    structured = isinstance(data, dict) and all(re.fullmatch(r"[A-Za-z_][\w /-]{0,40}", str(k)) for k in data) and any(
        isinstance(v, (dict, list)) for v in data.values())
    return ("yaml", data) if structured else None


def is_table_format(data: dict[str, Any]) -> bool:
    """Our own table format: ``ring.pads`` and a ``domains`` mapping of net sets."""
    ring, domains = data.get("ring"), data.get("domains")
    return isinstance(ring, dict) and "pads" in ring and isinstance(domains, dict) and all(
        isinstance(v, dict) for v in domains.values())


@dataclass
class _Prose:
    """Statement lines being written, each with the ``line:col`` of the source key it came from."""

    source: list[str]
    lines: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    here: str = "1:1"

    def add(self, *texts: str) -> None:
        self.lines += texts
        self.origins += [self.here] * len(texts)

    def find(self, pattern: str, after: str | None = None) -> str | None:
        """``line:col`` of the first source line (after the line of ``after``) matching ``pattern``."""
        first = int((after or "0:0").split(":")[0])
        for number, line in enumerate(self.source[first:], first + 1):
            if m := re.search(pattern, line):
                return f"{number}:{m.start(1) + 1}"
        return None

    def key(self, key: str, after: str | None = None) -> str:
        """Where a mapping key (YAML ``key:``, TOML ``key =`` or ``[key]``, JSON ``"key":``) is written."""
        k = re.escape(key)
        return (self.find(rf"^\s*(?:-\s*)?[\"']?({k})[\"']?\s*[:=]", after)
                or self.find(rf"^\s*\[\[?\s*(?:[\w.]*\.)?({k})\s*\]", after)
                or self.find(rf"[\"']({k})[\"']\s*:", after) or self.here)


def _words(key: str) -> str:
    return key.replace("_", " ")


def _scalar_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)


def _supplies(value: Any) -> str:
    if isinstance(value, dict):
        if "vdd" in value and "vss" in value:
            return f"{value['vdd']}/{value['vss']}"
        return " ".join(f"{_words(k)} {_supplies(v)}" for k, v in value.items())
    if _scalar_list(value):
        return "/".join(str(v) for v in value)
    return str(value)


def _range(item: dict[str, Any]) -> str | None:
    for a, b in _RANGE_KEYS:
        if a in item and b in item:
            first, last = item[a], item[b]
            who = f"pins {first} to {last}" if isinstance(first, int) else f"from {first} to {last}"
            nets = item.get("supplies") or item.get("domain") or item
            return f"{who} uses {_supplies(nets)}"
    members = item.get("pads") or item.get("members") or item.get("signals")
    if _scalar_list(members) and ("vdd" in item or "supplies" in item):
        return f"{', '.join(map(str, members))} are analog on {_supplies(item.get('supplies') or item)}"
    return None


def _pad_rows(items: list[dict[str, Any]], out: _Prose) -> None:
    columns = [c for c in _PAD_COLUMNS if any(c in i for i in items)]
    out.here = _pad_origin(items[0], out)
    out.add("| " + " | ".join(columns) + " |", "|" + "---|" * len(columns))
    for item in items:
        out.here = _pad_origin(item, out)
        out.add("| " + " | ".join(str(item.get(c, "")) for c in columns) + " |")


def _pad_origin(item: dict[str, Any], out: _Prose) -> str:
    """Where a pad item's name is written (``name: X``, ``name = "X"``, ``"name": "X"``)."""
    return out.find(rf"\bname[\"']?\s*[:=]\s*[\"']?({re.escape(str(item['name']))})\b") or out.here


def _emit(key: str, value: Any, out: _Prose, pad_items: list[dict[str, Any]]) -> None:
    k = key.lower()
    if isinstance(value, dict):
        if ("vdd" in value and "vss" in value) or _range(value):
            out.add(f"{_words(key)}: " + (_range(value) or _supplies(value)))
        elif set(value) and set(value) <= {"left", "right", "top", "bottom"} and all(_scalar_list(v) for v in value.values()):
            parent = out.here
            for side, names in value.items():  # per-side pad lists
                out.here = out.key(side, parent)
                out.add(f"{side.capitalize()} side: {' '.join(map(str, names))}")
            out.here = parent
        elif set(value) and set(value) <= {"left", "right", "top", "bottom"}:
            out.add(". ".join(f"{v} pads on the {s} side" for s, v in value.items()) + ".")
        elif all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", str(n)) and isinstance(v, (str, int)) for n, v in value.items()) \
                and any(str(n).isupper() for n in value):
            unit = " mA" if "drive" in k or "ma" in k.split("_") else ""
            kind = " analog" if "analog" in k else " digital" if "digital" in k and not unit else ""
            parent = out.here
            for n, v in value.items():
                out.here = out.key(str(n), parent)
                out.add(f"{n}:{kind} {v}{unit}.")
        elif set(value) & {"core", "io"} and all(_scalar_list(v) for v in value.values()):
            out.add(f"{_words(key)}: " + ", ".join(f"{'I/O' if n == 'io' else n} {_supplies(v)}" for n, v in value.items()) + ".")
        else:
            parent = out.here
            for sub, v in value.items():
                out.here = out.key(str(sub), parent)
                _emit(sub if k in ("ring", "design", "chip", "spec") else f"{key} {sub}", v, out, pad_items)
        return
    if isinstance(value, list) and value and re.search(r"pad|pin|signal", k) and all(
            isinstance(v, (str, int)) or (isinstance(v, dict) and len(v) == 1 and "name" not in v) for v in value) and any(
            isinstance(v, dict) for v in value):  # "- NAME: annotation" items
        items = [str(v) if not isinstance(v, dict) else f"{next(iter(v))} ({next(iter(v.values()))})" for v in value]
        out.add(f"Pads: {' '.join(items)}")
        return
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        if all("name" in v for v in value):
            pad_items += value
        else:
            for item in value:
                _emit(key, item, out, pad_items)
        return
    if _scalar_list(value):
        said = re.search(r"analog|digital|inputs?|outputs?|inouts?|bidir\w*", k)
        if said and len(value) and not re.search(r"suppl|domain|rail", k):
            out.add(f"{', '.join(map(str, value))} {'is' if len(value) == 1 else 'are'} {said.group(0)}.")
        elif re.search(r"pad|pin|signal", k):
            out.add(f"Pads: {' '.join(map(str, value))}.")
        else:  # a supply list is one tuple however long (a wrong length is refused as such)
            joiner = "/" if len(value) <= 4 or re.search(r"suppl|domain|rail", k) else " "
            out.add(f"{_words(key)}: {joiner.join(map(str, value))}.")
        return
    if re.search(r"(pads?_)?per_side|pads_each_side", k) and isinstance(value, int):
        out.add(f"{value} pads per side.")
    elif k in ("left", "right", "top", "bottom") and isinstance(value, int):
        out.add(f"{value} pads on the {k} side.")
    elif k in ("name", "design_name", "top_cell", "cell_name", "chip_name"):
        out.add(f"design: {value}.")
    elif k.endswith(("start", "starting", "first_side")):
        out.add(f"starting at the {value}.")
    elif k in ("type", "kind", "ring_type", "ring kind") or k.endswith((" type", " kind")):
        out.add(f"{value} ring.")
    else:
        out.add(f"{_words(key)}: {value}.")


def as_prose(data: dict[str, Any], source: str) -> tuple[str, list[str]]:
    """A structured request as statement lines plus a markdown pad table, and for each line the
    ``line:col`` in ``source`` (the document's text) of the key or pad it was written from."""
    out = _Prose(source.splitlines())
    pad_items: list[dict[str, Any]] = []
    for key, value in data.items():
        out.here = out.key(str(key))
        _emit(str(key), value, out, pad_items)
    outer = [p for p in pad_items if not (p.get("between") or p.get("inner_between"))]
    for item in pad_items:
        between = item.get("between") or item.get("inner_between")
        if between:
            a, b = between if isinstance(between, list) else re.split(r"[/,\s]+", str(between))[:2]
            out.here = _pad_origin(item, out)
            out.add(f"insert an inner pad {item['name']} between {a} and {b}.")
            out.add(*[f"{item['name']}: {item[c]}." for c in ("dir", "direction") if item.get(c)])
    if outer:
        out.add("")
        _pad_rows(outer, out)
    return "\n".join(out.lines) + "\n", out.origins


def csv_as_markdown(text: str) -> tuple[str, list[str]]:
    """A CSV pad table not in our own format as a markdown table (the prose reader reads its columns:
    side, type, domain, direction …), and for each line the ``line:col`` of the CSV row it came from."""
    lines: list[str] = []
    origins: list[str] = []
    for k, line in enumerate(text.splitlines(), 1):  # comment lines ('# order: clockwise') are prose
        if line.lstrip().startswith("#"):
            lines.append(line.lstrip().lstrip("#").strip())
            origins.append(f"{k}:1")
    rows = [(k, row) for k, row in enumerate(csv.reader(io.StringIO(text)), 1)
            if row and any(c.strip() for c in row) and not row[0].lstrip().startswith("#")]
    for n, (k, row) in enumerate(rows):
        lines.append("| " + " | ".join(c.strip() for c in row) + " |")
        origins.append(f"{k}:1")
        if n == 0:
            lines.append("|" + "---|" * len(row))
            origins.append(f"{k}:1")
    return "\n".join(lines) + "\n", origins
