"""Spec → intent graph: positions, inner pads, domains, roles, directions, common ground.

The rules follow the AMS-IO-Bench goldens (reference page §2): a domain's provider is the
first pad of each contiguous run whose name is the domain's vdd/vss, other same-named pads are
consumers; inner pads inherit the domain of their neighbours; digital directions come from
name conventions. The result is validated; a spec that cannot give a valid intent is a
PlanError with the findings.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from adaptor import technologies
from adaptor.errors import IntentError
from adaptor.findings import Finding, errors
from adaptor.graph import IntentView, side_sequence
from adaptor.intent import AnalogDomain, DigitalDomain, IntentGraph, Role, RingKind
from adaptor.load import parse_intent
from adaptor.naming import infer_direction
from adaptor.validate import validate_data
from agent.planner.errors import PlanError
from agent.planner.names import analog_or_digital, differential_pairs, looks_like_ground, looks_like_supply
from agent.planner.spec import Assumption, PadRequest, Spec

_DIGITAL_ROLES = (Role.core_vdd, Role.core_vss, Role.io_vdd, Role.io_vss)


class PlanResult(BaseModel):
    """A planned intent, the warnings that did not stop it, what was assumed, and why each pad is as it is.

    ``why`` maps a pad's position to {field: reason}; a reason starting with ``heuristic:`` came
    only from a naming convention.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    intent: IntentGraph
    findings: list[Finding]
    assumptions: list[Assumption] = Field(default_factory=list)
    why: dict[str, dict[str, str]] = Field(default_factory=dict)


def _outer_positions(spec: Spec) -> list[str]:
    return [f"{side.value}_{i}" for side in side_sequence(spec.order) for i in range(spec.pads_per_side.count(side))]


def _drop_listed_inner(spec: Spec, slots: int, notes: list[str]) -> list[PadRequest]:
    """Inner pads that also appear in the signal list are taken out of it when that makes the count fit."""
    outer = list(spec.outer)
    if spec.inner and len(outer) == slots + len(spec.inner):
        names = [p.name for p in outer]
        if all(r.name in names for r in spec.inner):
            for req in spec.inner:
                outer.pop(next(k for k, p in enumerate(outer) if p.name == req.name))
            notes.append("inner pads were also in the signal list; they were placed as inner pads only")
    return outer


def _inner_positions(spec: Spec, outer: list[PadRequest], positions: list[str],
                     problems: list[Finding]) -> list[str | None]:
    found: list[str | None] = []
    for req in spec.inner:
        a, b = req.between or ("", "")
        ia = [k for k, p in enumerate(outer) if p.name.upper() == a.upper()]
        ib = [k for k, p in enumerate(outer) if p.name.upper() == b.upper()]
        where = f"inner pad {req.name}" + (f" at {req.why['inner']}" if "inner" in req.why else "")
        found.append(None)
        missing = [n for n, idx in ((a, ia), (b, ib)) if not idx]
        if missing:
            problems.append(Finding(rule="plan.inner_unknown_neighbour", where=where,
                                    message=f"{req.name} is to sit between {a} and {b}, but "
                                            f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} "
                                            "not an outer pad",
                                    hint="name two neighbouring pads from the signal list"))
            continue
        pairs = [(min(x, y), max(x, y)) for x in ia for y in ib if abs(x - y) == 1]
        same_side = sorted({(x, y) for x, y in pairs if positions[x].split("_")[0] == positions[y].split("_")[0]})
        if not pairs:
            problems.append(Finding(rule="plan.inner_not_adjacent", where=where,
                                    message=f"{a} ({', '.join(positions[k] for k in ia)}) and {b} "
                                            f"({', '.join(positions[k] for k in ib)}) are not neighbours",
                                    hint="an inner pad goes between two adjacent outer pads"))
        elif not same_side:
            problems.append(Finding(rule="plan.inner_across_corner", where=where,
                                    message=f"{a} and {b} are on different sides (a corner lies between them)",
                                    hint="an inner pad goes between two adjacent pads of one side"))
        elif len(same_side) > 1:
            problems.append(Finding(rule="plan.inner_ambiguous", where=where,
                                    message=f"{a} and {b} are neighbours in more than one place",
                                    hint="rename duplicated pads or name other neighbours"))
        else:
            lo = same_side[0][0]
            side, index = positions[lo].split("_")
            found[-1] = f"{side}_{index}_{int(index) + 1}"
    return found


def _classify(outer: list[PadRequest], domain_of: list[str | None], spec: Spec, digital: DigitalDomain | None,
              notes: list[str], problems: list[Finding], reason: dict[int, str]) -> None:
    """Give every outer pad without a domain one (in place), explaining guesses in ``notes``."""
    analog = [d for d in spec.domains if isinstance(d, AnalogDomain)]
    todo = [k for k, d in enumerate(domain_of) if d is None]
    if not todo:
        return
    if not analog and digital is None:
        problems.append(Finding(rule="plan.domain_missing", where="VOLTAGE DOMAIN CONFIGURATION",
                                message="the spec names no voltage domain",
                                hint="give the analog supply/ground pair and/or the digital supplies"))
        return
    stated = [k for k in todo if outer[k].kind == "digital" and digital is not None]
    for k in stated:
        domain_of[k] = digital.name  # type: ignore[union-attr]
        reason[k] = f"stated digital ({outer[k].why.get('kind', 'spec')})"
    todo = [k for k in todo if k not in stated]
    if not todo:
        return
    if digital is None:
        default = spec.default_analog or (analog[0].name if len(analog) == 1 else None)
        if default is None:
            _nearest(todo, domain_of, notes)
            reason.update({k: "heuristic: nearest supply pad's domain" for k in todo})
            return
        for k in todo:
            domain_of[k] = default
            reason[k] = f"the only analog domain ({default})"
        return
    if spec.default_analog is None:
        for k in todo:
            domain_of[k] = digital.name
            reason[k] = "no analog pair for unclaimed pads: the digital domain"
        if any(outer[k].kind == "analog" for k in todo):
            problems.append(Finding(rule="domain.provider_missing", where=", ".join(
                outer[k].name for k in todo if outer[k].kind == "analog"),
                message="pads stated analog, but the spec names no analog supply pair for them",
                hint="name the analog pair, e.g. 'X, Y are analog on <vdd>/<vss>'"))
        return
    kinds = {d.name: d.kind for d in spec.domains}
    pairs = differential_pairs([p.name for p in outer])
    guess = {k: outer[k].kind or ("analog" if outer[k].name in pairs else analog_or_digital(outer[k].name))
             for k in todo}
    by_name: dict[str, list[str]] = {"analog": [], "digital": [], "neighbours": []}
    n = len(outer)

    def near(k: int, step: int) -> tuple[int, str | None]:
        for dist in range(1, n):
            j = (k + step * dist) % n
            known = kinds.get(domain_of[j] or "") or guess.get(j)
            if known:
                return dist, known
        return n, None

    for k in todo:
        cls = guess[k]
        if cls is None:
            (d_before, before), (d_after, after) = near(k, -1), near(k, 1)
            cls = before if d_before <= d_after else after
            by_name["neighbours"].append(f"{outer[k].name}→{cls}")
            reason[k] = f"heuristic: the name says nothing, its nearest classified neighbour is {cls}"
        elif outer[k].kind:
            reason[k] = f"stated {cls} ({outer[k].why.get('kind', 'spec')})"
        else:
            by_name[cls].append(outer[k].name)
            reason[k] = f"heuristic: {cls}-looking name (conventions.yaml)"
        domain_of[k] = spec.default_analog if cls == "analog" else digital.name
    summary = "; ".join(f"{key}: {', '.join(v)}" for key, v in by_name.items() if v)
    if summary:  # every pad stated: nothing was sorted by name
        notes.append(f"pads sorted into analog/digital by name ({summary})")


def _nearest(todo: list[int], domain_of: list[str | None], notes: list[str]) -> None:
    """Several analog domains and no ranges: each unclaimed pad joins the nearest claimed pad's domain."""
    n = len(domain_of)
    known = [k for k, d in enumerate(domain_of) if d is not None]
    for k in todo:
        nearest = min(known, key=lambda j: (min((k - j) % n, (j - k) % n), (k - j) % n)) if known else None
        domain_of[k] = domain_of[nearest] if nearest is not None else None
    notes.append("several analog domains without ranges: each pad joined the domain of its nearest supply pad")


def _role(req: PadRequest, domain: AnalogDomain | DigitalDomain) -> Role:
    """The role before providers are chosen: same-named analog supplies start as consumers."""
    if req.role is not None:
        return req.role
    if isinstance(domain, AnalogDomain):
        if req.name == domain.vdd:
            return Role.analog_vdd_consumer
        if req.name == domain.vss:
            return Role.analog_vss_consumer
        if looks_like_supply(req.name):
            return Role.analog_vss_consumer if looks_like_ground(req.name) else Role.analog_vdd_consumer
        return Role.analog_io
    nets = (domain.core_vdd, domain.core_vss, domain.io_vdd, domain.io_vss)
    return next((r for r, net in zip(_DIGITAL_ROLES, nets) if req.name == net), Role.digital_io)


def _promote_providers(doc: dict[str, Any], explicit: set[int]) -> None:
    """In each run of an analog domain, the first pad named vdd (vss) becomes the provider.

    Outer pads come first (list order), then inner pads; pads with an explicit role stay.
    """
    intent = IntentGraph.model_validate(doc)
    view = IntentView.build(intent)
    for run in view.domain_runs():
        domain = intent.domain(intent.pads[run[0]].domain)
        if not isinstance(domain, AnalogDomain):
            continue
        ordered = sorted(run, key=lambda i: view.positions[i].is_inner)
        for net, consumer, provider in ((domain.vdd, Role.analog_vdd_consumer, Role.analog_vdd_provider),
                                        (domain.vss, Role.analog_vss_consumer, Role.analog_vss_provider)):
            if any(intent.pads[i].role is provider for i in run):
                continue
            first = next((i for i in ordered if i not in explicit and intent.pads[i].name == net
                          and intent.pads[i].role is consumer), None)
            if first is not None:
                doc["pads"][first]["role"] = provider.value


def assemble(spec: Spec, technology: str | None = None, source: str = "spec") -> PlanResult:
    """Turn a parsed spec into a validated intent graph; raises PlanError."""
    problems: list[Finding] = []
    notes = list(spec.notes)
    positions = _outer_positions(spec)
    outer = _drop_listed_inner(spec, len(positions), notes)
    if len(outer) != len(positions):
        counts = ", ".join(f"{s.value} {spec.pads_per_side.count(s)}" for s in side_sequence(spec.order))
        listed = next((f"the pad list at {st.at}" for st in spec.statements if st.kind == "pad_list"), "Signal names")
        raise PlanError(source, [Finding(
            rule="plan.signal_count", where=listed,
            message=f"{len(outer)} signal names for {len(positions)} outer slots ({counts})",
            hint=f"{'add' if len(outer) < len(positions) else 'remove'} "
                 f"{abs(len(positions) - len(outer))} name(s), or change the pads per side")])
    inner_positions = _inner_positions(spec, outer, positions, problems)
    digital = next((d for d in spec.domains if isinstance(d, DigitalDomain)), None)
    owner = {net: d.name for d in spec.domains if isinstance(d, AnalogDomain) for net in (d.vdd, d.vss)}
    if digital is not None:
        owner.update({net: digital.name for net in (digital.core_vdd, digital.core_vss, digital.io_vdd,
                                                    digital.io_vss)})
    domain_of: list[str | None] = [p.domain or owner.get(p.name) for p in outer]
    reason = {k: p.why.get("domain", "stated in a table row") if p.domain else f"supply net of domain {domain_of[k]}"
              for k, p in enumerate(outer) if domain_of[k]}
    _classify(outer, domain_of, spec, digital, notes, problems, reason)
    if problems:
        raise PlanError(source, problems)

    by_position = dict(zip(positions, domain_of))
    requests = list(zip(outer, positions, domain_of))
    domain_why = [reason.get(k, "") for k in range(len(outer))]
    for req, pos in zip(spec.inner, inner_positions):
        side, i, j = pos.split("_")  # type: ignore[union-attr]
        left, right = by_position[f"{side}_{i}"], by_position[f"{side}_{j}"]
        domain = req.domain or owner.get(req.name) or left
        if req.domain is None and req.name not in owner and left != right:
            kinds = {d.name: d.kind for d in spec.domains}
            cls = analog_or_digital(req.name)
            domain = right if cls and kinds.get(right) == cls and kinds.get(left) != cls else left
            notes.append(f"inner pad {req.name} sits between two domains ({left}, {right}); it joined {domain}")
        requests.append((req, pos, domain))
        domain_why.append(req.why.get("domain") or ("supply net of its domain" if req.name in owner
                                                    else f"heuristic: inherits its neighbours' domain ({req.why.get('inner', '')})"))

    domains = {d.name: d for d in spec.domains}
    pads, explicit = [], set()
    why: dict[str, dict[str, str]] = {}
    for n, (req, pos, domain) in enumerate(requests):
        dom = domains[domain]
        role = _role(req, dom)
        if req.role is not None:
            explicit.add(n)
        pad: dict[str, Any] = {"name": req.name, "position": pos, "role": role.value, "domain": domain}
        why[pos] = {"position": f"listed at {req.why['name']}" if "name" in req.why else "listed in the spec",
                    "domain": domain_why[n]}
        if "inner" in req.why:
            why[pos]["position"] = f"inner pad statement at {req.why['inner']}"
        if role is Role.digital_io:
            pad["direction"] = (req.direction or infer_direction(req.name)).value
            why[pos]["direction"] = (f"stated at {req.why['direction']}" if "direction" in req.why
                                     else "stated in a table" if req.direction else "heuristic: name convention (conventions.yaml)")
        for key in ("drive_ma", "cell"):
            if getattr(req, key) is not None:
                pad[key] = getattr(req, key)
        pads.append(pad)

    used = {domain for _, _, domain in requests}
    unused = [d.name for d in spec.domains if d.name not in used]
    if unused:
        notes.append(f"domains named in the spec but used by no pad were left out: {', '.join(unused)}")
    analog = [d for d in spec.domains if isinstance(d, AnalogDomain) and d.name in used]
    digital = digital if digital is not None and digital.name in used else None
    ground = spec.common_ground or (digital.core_vss if digital else analog[0].vss)
    if spec.common_ground is None and digital is None:
        notes.append(f"no digital domain: the common ground is the first analog ground, {ground}")
    kind = spec.kind or (RingKind.double if spec.inner else RingKind.single)
    doc = {"schema_version": 1, "design": spec.design,
           "technology": spec.technology or technology or technologies.DEFAULT,
           "ring": {"pads": spec.pads_per_side.model_dump(), "order": spec.order.value, "kind": kind.value},
           "domains": [d.model_dump(mode="json") for d in spec.domains if d.name in used],
           "common_ground": ground,
           "pads": pads, "notes": notes}
    try:
        parse_intent(doc, source)  # names and shapes first: schema findings read better than model errors
    except IntentError as exc:
        raise PlanError(source, exc.findings) from None
    _promote_providers(doc, explicit)
    result = validate_data(doc, source)
    if not result.valid:
        raise PlanError(source, errors(result.findings))
    assert result.intent is not None
    return PlanResult(intent=result.intent, findings=result.findings, assumptions=spec.assumptions, why=why)
