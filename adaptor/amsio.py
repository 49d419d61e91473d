"""Interchange with the AMS-IO-Bench golden format (reference page §2).

``from_amsio`` reads ``io_ring_intent_graph.json`` documents into our intent graph (roles are
read from pin connections and names, not from the foreign cell names, which only break ties);
``to_amsio`` writes an intent in that format with the reference cell families and the
``_H_G`` (left/right) / ``_V_G`` (top/bottom) suffixes.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from adaptor.errors import UserError
from adaptor.graph import IntentView, corner_neighbours
from adaptor.intent import (
    POSITION_PATTERN,
    AnalogDomain,
    DigitalDomain,
    Direction,
    IntentGraph,
    Order,
    Pad,
    PadsPerSide,
    Ring,
    RingKind,
    Role,
    Side,
)
from adaptor.load import parse_intent
from adaptor.naming import infer_direction
from adaptor.rules import core_net
from adaptor.semantic import DIRECTION_WORDS

CELL_FAMILY: dict[Role, str] = {
    Role.analog_io: "PDB3AC",
    Role.analog_vdd_provider: "PVDD3AC",
    Role.analog_vss_provider: "PVSS3AC",
    Role.analog_vdd_consumer: "PVDD1AC",
    Role.analog_vss_consumer: "PVSS1AC",
    Role.digital_io: "PDDW16SDGZ",
    Role.core_vdd: "PVDD1DGZ",
    Role.core_vss: "PVSS1DGZ",
    Role.io_vdd: "PVDD2POC",
    Role.io_vss: "PVSS2DGZ",
}
_FAMILY_ROLE = {family: role for role, family in CELL_FAMILY.items()} | {
    "PVDD3A": Role.analog_vdd_provider, "PVSS3A": Role.analog_vss_provider}
_DIGITAL_PINS = ("VDD", "VSS", "VDDPST", "VSSPST")
_DIGITAL_SUPPLY_ROLES = (Role.core_vdd, Role.core_vss, Role.io_vdd, Role.io_vss)
_DIRECTIONS = {"input": Direction.input, "output": Direction.output, "inout": Direction.inout}


def identifier(text: str) -> str:
    """``text`` made into a net-name-safe identifier (``IO-28 4x4`` → ``IO_28_4x4``)."""
    ident = re.sub(r"\W", "_", text) or "ring"
    return ident if re.match(r"[A-Za-z_]", ident) else f"ring_{ident}"


def _family(device: str) -> str:
    return re.sub(r"_(H|V)_G$", "", device)


def _labels(inst: dict[str, Any], where: str) -> dict[str, str]:
    pins = inst.get("pin_connection") or {}
    if not isinstance(pins, dict):
        raise UserError(f"{where}: pin_connection must be an object", "see reference page §2")
    labels = {}
    for pin, value in pins.items():
        label = value.get("label") if isinstance(value, dict) else value
        if not isinstance(label, str):
            raise UserError(f"{where}: pin {pin} has no label", 'write it as {"PIN": {"label": "NET"}}')
        labels[pin] = label
    return labels


def _analog_role(name: str, labels: dict[str, str], family: str) -> Role:
    if "AIO" in labels:
        return Role.analog_io
    for pin, provider, consumer in (("AVDD", Role.analog_vdd_provider, Role.analog_vdd_consumer),
                                    ("AVSS", Role.analog_vss_provider, Role.analog_vss_consumer)):
        if pin in labels:
            return provider if labels[pin] == core_net(name) else consumer
    role = _FAMILY_ROLE.get(family)
    if role is not None and role.is_analog:
        return role
    return {labels["TACVDD"]: Role.analog_vdd_provider, labels["TACVSS"]: Role.analog_vss_provider}.get(
        name, Role.analog_io)


def _digital_role(name: str, nets: tuple[str, ...], family: str) -> Role:
    for net, role in zip(nets, _DIGITAL_SUPPLY_ROLES):
        if name == net:
            return role
    role = _FAMILY_ROLE.get(family)
    return role if role is not None and not role.is_analog else Role.digital_io


def from_amsio(data: Any, design: str, source: str = "golden") -> IntentGraph:
    """Convert a golden ``io_ring_intent_graph.json`` document into an intent graph."""
    if not isinstance(data, dict) or not isinstance(data.get("ring_config"), dict) \
            or not isinstance(data.get("instances"), list):
        raise UserError(f"{source}: not an AMS-IO-Bench intent graph",
                        "expected an object with 'ring_config' and 'instances'")
    cfg = data["ring_config"]
    width, height = cfg.get("width"), cfg.get("height")
    if not isinstance(width, int) or not isinstance(height, int):
        raise UserError(f"{source}: ring_config.width and ring_config.height must be integers")
    try:
        order = Order(cfg.get("placement_order", "counterclockwise"))
    except ValueError:
        raise UserError(f"{source}: ring_config.placement_order {cfg.get('placement_order')!r} is unknown",
                        "use 'counterclockwise' or 'clockwise'") from None
    analog: dict[tuple[str, str], str] = {}
    digital: dict[tuple[str, ...], str] = {}
    grounds: Counter[str] = Counter()
    pads, inner = [], False
    for n, inst in enumerate(data["instances"]):
        where = f"{source}: instances[{n}]"
        if not isinstance(inst, dict):
            raise UserError(f"{where}: not an object")
        if inst.get("type") not in ("pad", "inner_pad"):
            continue
        name, position = inst.get("name"), inst.get("position")
        if not isinstance(name, str) or not isinstance(position, str) or not re.match(POSITION_PATTERN, position):
            raise UserError(f"{where}: needs a 'name' and a 'position' like left_0 or left_3_4")
        inner |= inst["type"] == "inner_pad"
        labels, family = _labels(inst, where), _family(str(inst.get("device", "")))
        if "TACVDD" in labels and "TACVSS" in labels:
            pair = (labels["TACVDD"], labels["TACVSS"])
            domain = analog.setdefault(pair, f"analog{len(analog) + 1}")
            if "VSS" in labels:
                grounds[labels["VSS"]] += 1
            pads.append(Pad(name=name, position=position, role=_analog_role(name, labels, family), domain=domain))
        elif all(p in labels for p in _DIGITAL_PINS):
            nets = tuple(labels[p] for p in _DIGITAL_PINS)
            domain = digital.setdefault(nets, "digital" if not digital else f"digital{len(digital) + 1}")
            grounds[nets[1]] += 1
            role = _digital_role(name, nets, family)
            direction = None
            if role is Role.digital_io:
                direction = _DIRECTIONS.get(str(inst.get("direction", "")).lower()) or infer_direction(name)
            pads.append(Pad(name=name, position=position, role=role, domain=domain, direction=direction))
        else:
            raise UserError(f"{where} ({name}): cannot tell analog from digital by its pins "
                            f"{', '.join(labels) or '(none)'}",
                            "analog pads have TACVDD/TACVSS, digital pads VDD/VSS/VDDPST/VSSPST")
    if not pads:
        raise UserError(f"{source}: no pads in 'instances'")
    notes = [f"converted from AMS-IO-Bench golden {source}"]
    if len(grounds) > 1:
        notes.append(f"the golden names several common grounds: {', '.join(grounds)}")
    domains = [AnalogDomain(kind="analog", name=d, vdd=v, vss=s) for (v, s), d in analog.items()]
    domains += [DigitalDomain(kind="digital", name=d, core_vdd=a, core_vss=b, io_vdd=c, io_vss=e)
                for (a, b, c, e), d in digital.items()]
    intent = IntentGraph(
        design=identifier(design),
        ring=Ring(pads=PadsPerSide(left=height, right=height, top=width, bottom=width), order=order,
                  kind=RingKind.double if inner else RingKind.single),
        domains=domains, common_ground=grounds.most_common(1)[0][0] if grounds else "VSS",
        pads=pads, notes=notes)
    return parse_intent(intent.model_dump(mode="json", exclude_none=True), source)


def _pins(intent: IntentGraph, pad: Pad) -> dict[str, dict[str, str]]:
    domain = intent.domain(pad.domain)
    if isinstance(domain, AnalogDomain):
        pins = {"TACVDD": domain.vdd, "TACVSS": domain.vss, "VSS": intent.common_ground}
        if pad.role is Role.analog_io:
            pins["AIO"] = pad.name
        elif pad.role in (Role.analog_vdd_provider, Role.analog_vdd_consumer):
            pins["AVDD"] = core_net(pad.name) if pad.role is Role.analog_vdd_provider else pad.name
        else:
            pins["AVSS"] = core_net(pad.name) if pad.role is Role.analog_vss_provider else pad.name
    elif isinstance(domain, DigitalDomain):
        pins = dict(zip(_DIGITAL_PINS, (domain.core_vdd, domain.core_vss, domain.io_vdd, domain.io_vss)))
    else:
        raise UserError(f"pad {pad.name} refers to undefined domain {pad.domain}", "run `ioring validate` first")
    return {pin: {"label": net} for pin, net in pins.items()}


def to_amsio(intent: IntentGraph) -> dict[str, Any]:
    """The intent in the AMS-IO-Bench golden format (corners included, fillers and cuts not)."""
    p = intent.ring.pads
    if p.left != p.right or p.top != p.bottom:
        raise UserError(f"{intent.design}: the AMS-IO-Bench format needs as many pads on left as on right "
                        f"and on top as on bottom (have {p.left}/{p.right} and {p.top}/{p.bottom})",
                        "make opposite sides equal before converting")
    view = IntentView.build(intent)
    instances = []
    for pad in view.ring():
        side = pad.position.split("_")[0]
        suffix = "_H_G" if side in (Side.left.value, Side.right.value) else "_V_G"
        inst: dict[str, Any] = {
            "name": pad.name, "device": CELL_FAMILY[pad.role] + suffix, "position": pad.position,
            "type": "inner_pad" if pad.position.count("_") == 2 else "pad"}
        if pad.role is Role.digital_io and pad.direction is not None:
            inst["direction"] = DIRECTION_WORDS[pad.direction]
        inst["pin_connection"] = _pins(intent, pad)
        instances.append(inst)
    for corner, before, after in corner_neighbours(view):
        analog = any(q is not None and q.role.is_analog for q in (before, after))
        instances.append({"name": f"CORNER_{corner.split('_')[0][0].upper()}{corner.split('_')[1][0].upper()}",
                          "device": "PCORNERA_G" if analog else "PCORNER_G", "position": corner,
                          "type": "corner"})
    return {"ring_config": {"width": p.top, "height": p.left, "placement_order": intent.ring.order.value},
            "instances": instances}
