"""Our plain structured spec formats: a YAML or TOML pad table, and CSV.

YAML / TOML::

    design: adc_ring
    ring: {pads: 4, order: counterclockwise, kind: single}   # pads: N, or {left: …, bottom: …, …}
    domains:
      adc: {vdd: <vdd>, vss: <vss>}
      digital: {core_vdd: <core vdd>, core_vss: …, io_vdd: …, io_vss: …}
    pads:                          # outer pads in placement order; inner pads with `between`
      - <name> adc                 # "NAME DOMAIN" shorthand
      - {name: <name>, domain: digital, direction: out, drive_ma: 16}
      - {name: <name>, between: [<left>, <right>]}

CSV: a header row with ``side,name`` and optionally ``domain`` (a domain written as its nets:
``<vdd>/<vss>``, or ``<core vdd>/<core vss>/<io vdd>/<io vss>`` = core vdd, core vss, I/O vdd, I/O vss), ``role``,
``direction``, ``drive_ma``, ``between`` (``A/B``, for an inner pad). Rows are in placement
order; the pads per side are counted. Lines starting with ``#`` may set ``# design: NAME`` and
``# order: clockwise``.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from adaptor.findings import Finding
from adaptor.graph import side_sequence
from adaptor.intent import (
    AnalogDomain,
    DigitalDomain,
    Order,
    PadsPerSide,
    RingKind,
)
from adaptor.load import json_path
from agent.planner.errors import PlanError
from agent.planner.spec import PadRequest, Spec


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TableRing(_Strict):
    """Ring shape in a table spec: ``pads`` is one count for every side, or one per side."""

    pads: int | PadsPerSide
    order: Order = Order.counterclockwise
    kind: RingKind | None = None


def _short_pad(value: Any) -> Any:
    """``"NAME DOMAIN"`` or ``"NAME"`` strings become pad rows."""
    if isinstance(value, str):
        parts = value.split()
        return {"name": parts[0], "domain": parts[1]} if len(parts) == 2 else {"name": value}
    return value


class TableSpec(_Strict):
    """The whole YAML / TOML document."""

    design: str = "ring"
    technology: str | None = None
    ring: TableRing
    domains: dict[str, dict[str, str]] = Field(min_length=1)
    common_ground: str | None = None
    pads: list[PadRequest] = Field(min_length=1)
    notes: list[str] = Field(default_factory=list)

    @field_validator("pads", mode="before")
    @classmethod
    def _short_pads(cls, value: Any) -> Any:
        return [_short_pad(v) for v in value] if isinstance(value, list) else value


def _domain(name: str, nets: dict[str, str], source: str) -> AnalogDomain | DigitalDomain:
    try:
        if set(nets) == {"vdd", "vss"}:
            return AnalogDomain(kind="analog", name=name, **nets)
        return DigitalDomain(kind="digital", name=name, **nets)
    except ValidationError:
        raise PlanError(source, [Finding(rule="plan.domain", where=f"domains.{name}",
                                         message=f"domain {name} must have vdd and vss (analog) or core_vdd, "
                                                 f"core_vss, io_vdd and io_vss (digital); got {', '.join(nets)}",
                                         hint="see the table format in agent/planner/README.md")]) from None


def _rows_to_spec(doc: TableSpec, source: str) -> Spec:
    pads = doc.ring.pads
    per_side = pads if isinstance(pads, PadsPerSide) else PadsPerSide(left=pads, bottom=pads, right=pads, top=pads)
    domains = [_domain(name, nets, source) for name, nets in doc.domains.items()]
    analog = [d.name for d in domains if isinstance(d, AnalogDomain)]
    rows = doc.pads
    return Spec(design=doc.design, technology=doc.technology, pads_per_side=per_side, order=doc.ring.order,
                kind=doc.ring.kind, outer=[r for r in rows if r.between is None],
                inner=[r for r in rows if r.between is not None], domains=domains,
                default_analog=analog[0] if len(analog) == 1 else None,
                common_ground=doc.common_ground, notes=doc.notes)


def _validated(data: Any, source: str) -> TableSpec:
    try:
        return TableSpec.model_validate(data)
    except ValidationError as exc:
        raise PlanError(source, [Finding(rule="plan.table", where=json_path(e["loc"]), message=e["msg"],
                                         hint="see the table format in agent/planner/README.md")
                                 for e in exc.errors()[:20]]) from None


def parse_yaml(text: str, source: str = "spec") -> Spec:
    """Parse a YAML pad table."""
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:  # ValueError: an integer past Python's digit limit
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the file"
        raise PlanError(source, [Finding(rule="plan.syntax", where=where, message=f"not valid YAML: {exc}",
                                         hint="check indentation and colons")]) from None
    return _rows_to_spec(_validated(data, source), source)


def parse_toml(text: str, source: str = "spec") -> Spec:
    """Parse a TOML pad table (same fields as YAML)."""
    try:
        data = tomllib.loads(text)
    except (ValueError, RecursionError) as exc:  # TOMLDecodeError is a ValueError, as is an integer past the digit limit
        raise PlanError(source, [Finding(rule="plan.syntax", where="the file", message=f"not valid TOML: {exc}",
                                         hint="check quotes and brackets")]) from None
    return _rows_to_spec(_validated(data, source), source)


def parse_csv(text: str, source: str = "spec") -> Spec:
    """Parse a CSV pad table (see the module docstring)."""
    settings = dict(re.findall(r"^\s*#\s*(\w+)\s*:\s*(\S+)", text, re.M))
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    reader = csv.DictReader(io.StringIO(body))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if not {"side", "name"} <= set(fields):
        raise PlanError(source, [Finding(rule="plan.table", where="header",
                                         message=f"the CSV header needs 'side' and 'name' columns; has {fields}",
                                         hint="e.g. side,name,domain,role,direction,drive_ma,between")])
    order = Order(settings.get("order", "counterclockwise"))
    sequence = [s.value for s in side_sequence(order)]
    counts = dict.fromkeys(sequence, 0)
    domains: dict[tuple[str, ...], AnalogDomain | DigitalDomain] = {}
    problems, rows, last_side = [], [], 0
    for line, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        where = f"line {line}"
        side = row.get("side", "").lower()
        if side not in counts:
            problems.append(Finding(rule="plan.table", where=where, message=f"unknown side {side!r}",
                                    hint="use left, bottom, right or top"))
            continue
        domain = None
        if row.get("domain"):
            nets = tuple(n.strip() for n in row["domain"].split("/"))
            if len(nets) not in (2, 4):
                problems.append(Finding(rule="plan.table", where=where,
                                        message=f"domain {row['domain']!r} must name 2 nets (vdd/vss) or 4 "
                                                "(core vdd/core vss/io vdd/io vss)", hint="separate nets with /"))
                continue
            if nets not in domains:
                name = nets[0] if len(nets) == 2 else "digital"
                domains[nets] = (AnalogDomain(kind="analog", name=name, vdd=nets[0], vss=nets[1]) if len(nets) == 2
                                 else DigitalDomain(kind="digital", name=name, core_vdd=nets[0], core_vss=nets[1],
                                                    io_vdd=nets[2], io_vss=nets[3]))
            domain = domains[nets].name
        between = tuple(re.split(r"[/\s]+", row["between"])) if row.get("between") else None
        if between is None:
            if sequence.index(side) < last_side:
                problems.append(Finding(rule="plan.table", where=where,
                                        message=f"rows must follow the placement order ({', '.join(sequence)})",
                                        hint="sort the rows by side, then by index along the side"))
            last_side = sequence.index(side)
            counts[side] += 1
        try:
            rows.append(PadRequest(name=row["name"], domain=domain, role=row.get("role") or None,
                                   direction=row.get("direction") or None,
                                   drive_ma=int(row["drive_ma"]) if row.get("drive_ma") else None,
                                   between=between if between and len(between) == 2 else None))
        except (ValidationError, ValueError) as exc:
            problems.append(Finding(rule="plan.table", where=where, message=str(exc).splitlines()[0],
                                    hint="check role, direction and drive_ma values"))
    if not problems and min(counts.values()) == 0:
        empty = [s for s, n in counts.items() if n == 0]
        problems.append(Finding(rule="plan.table", where="rows", message=f"no pads on side(s) {', '.join(empty)}",
                                hint="every side needs at least one pad"))
    if problems:
        raise PlanError(source, problems)
    analog = [d.name for d in domains.values() if isinstance(d, AnalogDomain)]
    return Spec(design=settings.get("design", "ring"), pads_per_side=PadsPerSide(**counts), order=order,
                outer=[r for r in rows if r.between is None], inner=[r for r in rows if r.between is not None],
                domains=list(domains.values()), default_analog=analog[0] if len(analog) == 1 else None)

