"""Design-rule checks on an intent graph, beyond what the JSON Schema can say.

Every check returns findings ``{rule, where, message, hint}``; an empty list means clean.
Rule ids are stable: tests, the agent's repair prompt and the docs refer to them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from adaptor import technologies
from adaptor.findings import Finding, Severity
from adaptor.graph import IntentView, domain_nets
from adaptor.technology import load_profile
from adaptor.intent import (
    SIDES,
    AnalogDomain,
    DigitalDomain,
    Direction,
    IntentGraph,
    Role,
    RingKind,
)

CORE_SUFFIX = "_CORE"

_DIGITAL_SUPPLY_ATTR = {
    Role.core_vdd: "core_vdd",
    Role.core_vss: "core_vss",
    Role.io_vdd: "io_vdd",
    Role.io_vss: "io_vss",
}


def core_net(name: str) -> str:
    """The core-side net of a signal or provider pad."""
    return f"{name}{CORE_SUFFIX}"


def has_core_net(role: Role) -> bool:
    """Signal pads and analog providers have a core-side net ``<name>_CORE``."""
    return role in (Role.analog_io, Role.digital_io, Role.analog_vdd_provider, Role.analog_vss_provider)


def check_technology(view: IntentView) -> list[Finding]:
    """The technology must be one the adaptor ships."""
    known = technologies.available()
    if view.intent.technology in known:
        return []
    return [Finding(rule="technology.unknown", where="technology",
                    message=f"unknown technology {view.intent.technology!r}",
                    hint=f"use one of: {', '.join(known)}")]


def check_positions(view: IntentView) -> list[Finding]:
    """Slots per side all filled once; no position twice; inner pads between adjacent outer pads."""
    intent, out = view.intent, []
    seen: Counter[str] = Counter(p.position for p in intent.pads)
    for pos, n in sorted(seen.items()):
        if n > 1:
            names = [p.name for p in intent.pads if p.position == pos]
            out.append(Finding(rule="position.duplicate", where=pos,
                               message=f"{n} pads share position {pos}: {', '.join(names)}",
                               hint="give each pad its own position"))
    for i, pos in view.positions.items():
        pad, count = intent.pads[i], intent.ring.pads.count(pos.side)
        if not pos.is_inner:
            if pos.index >= count:
                out.append(Finding(rule="position.out_of_range", where=pad.position,
                                   message=f"pad {pad.name} at index {pos.index}, but the {pos.side.value} "
                                           f"side has {count} pads (indices 0..{count - 1})",
                                   hint="move the pad or change ring.pads"))
            continue
        if intent.ring.kind is not RingKind.double:
            out.append(Finding(rule="position.inner_in_single_ring", where=pad.position,
                               message=f"inner pad {pad.name} in a single ring",
                               hint="set ring.kind to 'double' or make the pad an outer pad"))
        if pos.inner_to != pos.index + 1 or pos.inner_to >= count:
            out.append(Finding(rule="position.inner_not_between", where=pad.position,
                               message=f"inner pad {pad.name} must sit between two adjacent outer pads "
                                       f"of the {pos.side.value} side (indices i and i+1 below {count})",
                               hint=f"use {pos.side.value}_<i>_<i+1>, e.g. {pos.side.value}_0_1"))
    outer = {(p.side, p.index) for p in view.positions.values() if not p.is_inner}
    for side in SIDES:
        count = intent.ring.pads.count(side)
        missing = [k for k in range(count) if (side, k) not in outer]
        if missing:
            out.append(Finding(rule="ring.pad_count", where=side.value,
                               message=f"the {side.value} side has {count} slots but no pad at "
                                       f"{', '.join(f'{side.value}_{k}' for k in missing[:8])}"
                                       f"{' …' if len(missing) > 8 else ''}",
                               hint="add the missing pads or reduce ring.pads for this side"))
    return out


def check_domains(view: IntentView) -> list[Finding]:
    """Domains exist, are used, suit the pad's class, and have distinct names."""
    intent, out = view.intent, []
    names = Counter(d.name for d in intent.domains)
    for name, n in names.items():
        if n > 1:
            out.append(Finding(rule="domain.duplicate", where=f"domains.{name}",
                               message=f"{n} domains are called {name}", hint="rename one of them"))
    used = set()
    for pad in intent.pads:
        dom = intent.domain(pad.domain)
        used.add(pad.domain)
        if dom is None:
            out.append(Finding(rule="domain.unknown", where=pad.position,
                               message=f"pad {pad.name} refers to domain {pad.domain!r}, which is not defined",
                               hint=f"define it or use one of: {', '.join(names)}"))
        elif pad.role.is_analog != isinstance(dom, AnalogDomain):
            want = "analog" if pad.role.is_analog else "digital"
            out.append(Finding(rule="domain.class_mismatch", where=pad.position,
                               message=f"pad {pad.name} has role {pad.role.value} but domain {dom.name} is {dom.kind}",
                               hint=f"put the pad in a {want} domain or change its role"))
    for d in intent.domains:
        if d.name not in used:
            out.append(Finding(rule="domain.unused", where=f"domains.{d.name}",
                               message=f"domain {d.name} has no pads", hint="remove it or assign pads to it"))
        nets = domain_nets(d)
        if len(set(nets)) != len(nets):
            out.append(Finding(rule="domain.nets_not_distinct", where=f"domains.{d.name}",
                               message=f"domain {d.name} uses a net twice: {', '.join(nets)}",
                               hint="each supply of a domain needs its own net"))
    return out


def check_providers(view: IntentView) -> list[Finding]:
    """Provider pads are named after their nets, and every analog run contains its provider pair."""
    intent, out = view.intent, []
    for pad in intent.pads:
        dom = intent.domain(pad.domain)
        if isinstance(dom, AnalogDomain) and pad.role in (Role.analog_vdd_provider, Role.analog_vss_provider):
            net = dom.vdd if pad.role is Role.analog_vdd_provider else dom.vss
            if pad.name != net:
                out.append(Finding(rule="role.provider_name", where=pad.position,
                                   message=f"provider pad {pad.name} is not named after the net it provides ({net})",
                                   hint=f"rename it {net} or make it a consumer"))
        if isinstance(dom, DigitalDomain) and pad.role in _DIGITAL_SUPPLY_ATTR:
            net = getattr(dom, _DIGITAL_SUPPLY_ATTR[pad.role])
            if pad.name != net:
                out.append(Finding(rule="role.supply_name", where=pad.position,
                                   message=f"{pad.role.value} pad {pad.name} is not named after its net {net}",
                                   hint=f"rename it {net} or change its role"))
    for run in view.domain_runs():
        pads = [intent.pads[i] for i in run]
        dom = intent.domain(pads[0].domain)
        if not isinstance(dom, AnalogDomain):
            continue
        roles = Counter(p.role for p in pads)
        span = f"{pads[0].position}..{pads[-1].position}"
        for role, net in ((Role.analog_vdd_provider, dom.vdd), (Role.analog_vss_provider, dom.vss)):
            if roles[role] == 0:
                out.append(Finding(rule="domain.provider_missing", where=span,
                                   message=f"the run of domain {dom.name} from {pads[0].name} to {pads[-1].name} "
                                           f"has no {role.value} ({net})",
                                   hint=f"make one pad of this run the {role.value} named {net}, "
                                        "or join the run to the rest of its domain"))
            elif roles[role] > 1:
                out.append(Finding(rule="domain.provider_duplicate", where=span,
                                   message=f"the run of domain {dom.name} has {roles[role]} {role.value} pads",
                                   hint="keep the first one as provider and make the others consumers"))
    return out


def check_digital(view: IntentView) -> list[Finding]:
    """Four distinct digital supply names when digital pads exist; directions on digital I/O only."""
    intent, out = view.intent, []
    digital_pads = [p for p in intent.pads if not p.role.is_analog]
    if digital_pads:
        supplies = {n for d in intent.domains if isinstance(d, DigitalDomain) for n in domain_nets(d)}
        if len(supplies) != 4:
            out.append(Finding(rule="digital.supplies", where="domains",
                               message=f"digital pads need exactly four distinct digital supply names "
                                       f"(core vdd, core vss, io vdd, io vss); found {len(supplies)}: "
                                       f"{', '.join(sorted(supplies)) or 'none'}",
                               hint="define one digital domain with four different net names"))
    for pad in intent.pads:
        if pad.role is Role.digital_io and pad.direction is None:
            out.append(Finding(rule="digital.direction_missing", where=pad.position,
                               message=f"digital I/O pad {pad.name} has no direction",
                               hint="set direction to 'in', 'out' or 'inout'"))
        if pad.role is not Role.digital_io and pad.direction is not None:
            out.append(Finding(rule="digital.direction_not_allowed", where=pad.position,
                               message=f"pad {pad.name} ({pad.role.value}) has a direction",
                               hint="only digital_io pads take a direction; remove it"))
        if pad.drive_ma is not None and not (pad.role is Role.digital_io and pad.direction is not None
                                             and pad.direction.value != "in"):
            out.append(Finding(rule="digital.drive_not_allowed", where=pad.position,
                               message=f"pad {pad.name} has a drive strength but is not a digital output",
                               hint="drive_ma applies to digital_io pads with direction 'out' or 'inout'"))
    return out


def check_names(view: IntentView) -> list[Finding]:
    """Core-side nets do not collide with pad or supply names; signal names are unique."""
    intent, out = view.intent, []
    pad_names = {p.name for p in intent.pads}
    supply_nets = {n for d in intent.domains for n in domain_nets(d)} | {intent.common_ground}
    for pad in intent.pads:
        if has_core_net(pad.role):
            core = core_net(pad.name)
            if core in pad_names or core in supply_nets:
                out.append(Finding(rule="names.core_collision", where=pad.position,
                                   message=f"the core-side net {core} of pad {pad.name} is also a pad or supply name",
                                   hint=f"rename the pad called {core}"))
    by_name: defaultdict[str, list[str]] = defaultdict(list)
    for pad in intent.pads:
        if pad.role.is_signal:
            by_name[pad.name].append(pad.position)
    for name, where in by_name.items():
        if len(where) > 1:
            out.append(Finding(rule="names.duplicate_signal", where=", ".join(where),
                               message=f"signal {name} is on {len(where)} pads; they will share one net",
                               hint="rename them if they are different signals",
                               severity=Severity.warning))
    for pad in intent.pads:
        own = domain_nets(d) if (d := intent.domain(pad.domain)) is not None else ()
        others = {n for x in intent.domains if x.name != pad.domain for n in domain_nets(x)} - set(own)
        if pad.name in others:
            out.append(Finding(rule="names.other_domain_supply", where=pad.position,
                               message=f"pad {pad.name} of domain {pad.domain} has the name of a supply net of "
                                       "another domain, so it would short the two domains",
                               hint=f"rename the pad, or move it to the domain that {pad.name} belongs to"))
    for pad in intent.pads:
        if pad.role.is_signal and pad.name in supply_nets:
            out.append(Finding(rule="names.signal_is_supply", where=pad.position,
                               message=f"signal pad {pad.name} has the name of a supply net, so it is on that net",
                               hint="give it a supply role or rename it if that is not meant",
                               severity=Severity.warning))
    return out


def check_ground(view: IntentView) -> list[Finding]:
    """One ring-wide common ground: a ground net, the digital core ground when there is one."""
    intent = view.intent
    gnd = intent.common_ground
    vdds = {d.vdd for d in intent.domains if isinstance(d, AnalogDomain)}
    vdds |= {n for d in intent.domains if isinstance(d, DigitalDomain) for n in (d.core_vdd, d.io_vdd)}
    if gnd in vdds:
        return [Finding(rule="ground.common", where="common_ground",
                        message=f"the common ground {gnd} is a supply (vdd) net",
                        hint="use the digital core ground, or a ground net")]
    digital = [d for d in intent.domains if isinstance(d, DigitalDomain)]
    if digital and gnd not in {d.core_vss for d in digital}:
        return [Finding(rule="ground.common", where="common_ground",
                        message=f"the common ground {gnd} is not the digital core ground "
                                f"({', '.join(d.core_vss for d in digital)})",
                        hint="the ring-wide ground is the digital core ground")]
    return []


def check_cells(view: IntentView) -> list[Finding]:
    """Cell overrides name a pad cell of the pad's kind; digital outputs get a drive the technology has."""
    if view.intent.technology not in technologies.available():
        return []
    profile, out = load_profile(view.intent.technology), []
    for pad in view.intent.pads:
        allowed = profile.cells_for(pad)
        kind = pad.role.value + (f", {pad.direction.value}" if pad.direction else "")
        if pad.cell is not None and pad.cell not in allowed:
            out.append(Finding(rule="cell.not_for_role", where=pad.position,
                               message=f"pad {pad.name} ({kind}) names cell {pad.cell}, which is not a "
                                       f"{profile.name} pad cell for that kind of pad",
                               hint=f"remove the cell override or use one of: {', '.join(allowed)}"))
        elif pad.cell is None and pad.role is Role.digital_io and pad.drive_ma is not None:
            drives = sorted(profile.digital_cells[pad.direction or Direction.input])
            if drives == [0]:  # one cell of unstated drive strength (sky130): it serves every request
                out.append(Finding(rule="digital.drive_unrated", where=pad.position, severity=Severity.warning,
                                   message=f"pad {pad.name} asks for {pad.drive_ma} mA; {profile.name} has one "
                                           "output cell with no rated drive strength, which is used",
                                   hint="check the cell's drive in its SPICE model, or leave drive_ma out"))
            elif pad.drive_ma > drives[-1]:
                out.append(Finding(rule="digital.drive_unavailable", where=pad.position,
                                   message=f"pad {pad.name} asks for {pad.drive_ma} mA; {profile.name} cells "
                                           f"drive at most {drives[-1]} mA",
                                   hint=f"use a drive of at most {drives[-1]} mA"))
    return out


CHECKS: tuple[Callable[[IntentView], list[Finding]], ...] = (
    check_technology,
    check_positions,
    check_domains,
    check_providers,
    check_digital,
    check_names,
    check_ground,
    check_cells,
)


def check_intent(intent: IntentGraph) -> list[Finding]:
    """Run every rule check on a schema-valid intent."""
    view = IntentView.build(intent)
    return [f for check in CHECKS for f in check(view)]
