"""The LLM as a reader: what a model is asked to fill (statements, never positions) and how its
answer becomes the same ``Spec`` the rule reader produces.

The model reads the request and answers ``Statements`` (JSON Schema ``statements_schema()``,
sent as the structured-output response format): the ring size, order and start side, the pad
names as written (one list or per-side lists), supply pairs with their pads or ranges, the
digital supplies, inner pads with their neighbours, directions, drives and class statements.
``to_spec`` turns them into a ``Spec`` with the prose reader's own machinery (rotation to the
start side, per-side lists in placement order, ranges, domain naming, the digital split by
naming conventions), so the shared assembler (``assemble.py``) places the pads. Problems are
``PlanError`` findings (rule ids as the rule reader's), which the agent sends back to the model
as corrections to its statements.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from adaptor.amsio import identifier
from adaptor.findings import Finding
from adaptor.intent import Direction, Order, PadsPerSide
from adaptor.naming import conventions
from agent.planner.prompt import Reader
from agent.planner.reader import PadList, is_pad_name, order_of_sides, rotate_to_start, side_lists_in_order
from agent.planner.spec import PadRequest, Question, Spec, Statement

Side = Literal["left", "bottom", "right", "top"]
# A name the request writes: ``statements_schema(names)`` turns it into an enum of the request's
# words, so a model under the schema's grammar cannot invent a pad (or copy one from elsewhere).
PadName = Annotated[str, Field(json_schema_extra={"x-pad-name": True})]
_MAX_PADS = 400  # per list: more than any ring the adaptor builds per side
_TRAVEL_WORDS = {"top_to_bottom": "top>bottom", "bottom_to_top": "bottom>top", "left_to_right": "left>right",
                 "right_to_left": "right>left"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Size(_Model):
    """Pads on each side (0 = the request does not say)."""

    left: int = Field(ge=0, le=200)
    bottom: int = Field(ge=0, le=200)
    right: int = Field(ge=0, le=200)
    top: int = Field(ge=0, le=200)


class SideList(_Model):
    """The pads of one side as written, and the way the text says they run (null: not said)."""

    side: Side
    pads: list[PadName] = Field(max_length=_MAX_PADS)
    runs: Literal["top_to_bottom", "bottom_to_top", "left_to_right", "right_to_left"] | None = None


class AnalogSupply(_Model):
    """An analog supply pair; its pads as a range (first_pad … last_pad in list order) or a list."""

    vdd: PadName
    vss: PadName
    first_pad: PadName | None = None
    last_pad: PadName | None = None
    pads: list[PadName] = Field(default_factory=list, max_length=_MAX_PADS)


class InnerPad(_Model):
    """An inner-ring pad between two neighbouring outer pads."""

    name: PadName
    between: list[PadName] = Field(min_length=2, max_length=2)


class Drive(_Model):
    """A stated drive strength."""

    pad: PadName
    ma: int = Field(ge=1, le=100)


class Statements(_Model):
    """What a request states about a ring (the LLM reader's answer); no positions.

    The first five fields are required (null when unstated); the others may be left out, so a
    small model under the schema's grammar can close the object instead of filling every list.
    Lists have a length cap the grammar enforces (a looping model stops).
    """

    design: str | None
    size: Size
    order: Literal["counterclockwise", "clockwise"] | None
    start_side: Side | None
    pads: list[PadName] = Field(max_length=_MAX_PADS)
    side_lists: list[SideList] = Field(default_factory=list, max_length=4)
    analog_supplies: list[AnalogSupply] = Field(default_factory=list, max_length=8)
    digital_supplies: list[PadName] = Field(default_factory=list, max_length=4)
    inner_pads: list[InnerPad] = Field(default_factory=list, max_length=_MAX_PADS)
    inputs: list[PadName] = Field(default_factory=list, max_length=_MAX_PADS)
    outputs: list[PadName] = Field(default_factory=list, max_length=_MAX_PADS)
    inouts: list[PadName] = Field(default_factory=list, max_length=_MAX_PADS)
    drives: list[Drive] = Field(default_factory=list, max_length=_MAX_PADS)
    analog_pads: list[PadName] = Field(default_factory=list, max_length=_MAX_PADS)
    digital_pads: list[PadName] = Field(default_factory=list, max_length=_MAX_PADS)


def request_names(request: str) -> list[str]:
    """The words of a request that read as pad names (``reader.is_pad_name``: not English words), as
    written, first occurrence first; all its words when fewer than four do (a lower-case pad list)."""
    words = list(dict.fromkeys(re.findall(r"[A-Za-z][A-Za-z0-9_]*", request)))
    names = [w for w in words if is_pad_name(w)]
    return names if len(names) >= 4 else words


def statements_schema(names: list[str] | None = None) -> dict[str, Any]:
    """The JSON Schema of ``Statements`` (the LLM reader's structured-output response format).

    With ``names`` (``request_names(request)``) every pad-name field is an enum of them.
    """
    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if node.get("x-pad-name"):
                return {"enum": names} if names else {"type": "string"}
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(Statements.model_json_schema())


READER_PROMPT = """You read requests for the I/O ring of a chip and write down what the request STATES, as one JSON object. Copy pad names exactly as written in the request; never invent, add or drop a pad. Leave out every field the request does not state.

Fields:
- design: the cell/design name, or null.
- size: pads on each side. "N pads per side" = N on all four; "a WxH ring" = W on top and bottom, H on left and right.
- order: "counterclockwise" or "clockwise", or null.
- start_side: the side of the FIRST listed pad, if stated (a corner start: the side the list runs along first), else null.
- pads: all outer pad names in the order written, repeated names repeated.
- side_lists: only if the pads are listed separately per side: {side, pads, runs} per side.
- analog_supplies: each analog supply/ground pair {vdd, vss}; add first_pad and last_pad only if the request says the pair covers "X to Y" (a range of the list), or pads only if it names the pads on that pair.
- digital_supplies: the four digital supply names, if given.
- inner_pads: inner-ring pads {name, between: [A, B]}.
- inputs, outputs, inouts: only pads the request itself calls an input, output or inout ("X is an output", "Inputs: X"); most requests name none.
- drives: {pad, ma} only for drive strengths the request states.
- analog_pads, digital_pads: only pads the request itself calls analog or digital by name.

Supply pads have <SUPPLY_MARKERS> in their name, grounds <GROUND_MARKERS>."""


def named(st: Statements) -> list[str]:
    """Every name the statements use (pads, supplies, neighbours, directions …), for the check against the request."""
    names = st.pads + [n for side in st.side_lists for n in side.pads] + st.digital_supplies
    names += [n for s in st.analog_supplies for n in (s.vdd, s.vss, s.first_pad, s.last_pad, *s.pads) if n]
    names += [n for p in st.inner_pads for n in (p.name, *p.between)] + [d.pad for d in st.drives]
    return names + st.inputs + st.outputs + st.inouts + st.analog_pads + st.digital_pads


# One made-up exchange, sent as an earlier turn of the chat (a small model copies less from a
# finished turn than from its instructions); its names are clearly not pads of the request.
EXAMPLE_REQUEST = ("Chip FOO. 2 pads per side, clockwise. Pads: ALPHA1 ALPHA2 VCCX GNDX BETA1 BETA2 VDDZC VSSZC. "
                   "Analog pads use VCCX/GNDX, digital supplies VDDZC/VSSZC/VDDZP/VSSZP. BETA2 is an output.")
EXAMPLE_ANSWER = ('{"design": "FOO", "size": {"left": 2, "bottom": 2, "right": 2, "top": 2}, "order": "clockwise", '
                  '"start_side": null, "pads": ["ALPHA1", "ALPHA2", "VCCX", "GNDX", "BETA1", "BETA2", "VDDZC", "VSSZC"], '
                  '"analog_supplies": [{"vdd": "VCCX", "vss": "GNDX"}], "digital_supplies": ["VDDZC", "VSSZC", "VDDZP", '
                  '"VSSZP"], "outputs": ["BETA2"]}')


def reader_prompt() -> str:
    """The LLM reader's system prompt: the fields and the naming knowledge it needs (the supply and
    ground markers of knowledge_base/conventions.yaml), no layout rules."""
    markers = conventions()
    return (READER_PROMPT.replace("<SUPPLY_MARKERS>", _words(markers["supply_markers"]))
            .replace("<GROUND_MARKERS>", _words(markers["ground_markers"])))


def _words(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" or {items[-1]}" if len(items) > 1 else "".join(items)


def _problem(rule: str, where: str, message: str, hint: str) -> Finding:
    return Finding(rule=rule, where=where, message=message, hint=hint)


def _sizes(st: Statements, r: Reader) -> dict[str, int]:
    counts = {k: v for k, v in st.size.model_dump().items() if v > 0}
    if counts:
        r.statements.append(Statement(kind="size", at="answer.size", text=str(counts)))
    return counts


def _pads_in_order(st: Statements, r: Reader, counts: dict[str, int]) -> tuple[Order | None, dict[str, int]]:
    """Fill ``r.pads`` (as written) and ``r.placement``; the prose reader's rotation and per-side logic."""
    order = Order(st.order) if st.order else None
    if order:
        r.statements.append(Statement(kind="order", at="answer.order", text=order.value))
    if st.side_lists:
        sides: dict[str, tuple[list[PadRequest], str | None]] = {}
        for k, side in enumerate(st.side_lists):
            at = f"answer.side_lists[{k}]"
            if side.side in sides:
                r.problems.append(_problem("plan.size_conflict", at, f"the {side.side} side is listed twice",
                                           "give each side once"))
                continue
            pads = [PadRequest(name=n, why={"name": f"{at}.pads[{j}]"}) for j, n in enumerate(side.pads)]
            sides[side.side] = (pads, _TRAVEL_WORDS.get(side.runs or ""))
            if side.side in counts and counts[side.side] != len(pads):
                r.problems.append(_problem("plan.signal_count", at,
                                           f"the {side.side} side lists {len(pads)} names but the size says "
                                           f"{counts[side.side]}", "make the per-side lists and the size agree"))
        missing = [s for s in ("left", "bottom", "right", "top") if s not in sides]
        if missing:
            r.problems.append(_problem("plan.signal_count", "answer.side_lists",
                                       f"no list for the {', '.join(missing)} side(s)", "give all four sides"))
            return order, counts
        found = PadList(pads=[], at="answer.side_lists", form="per-side lists", sides=sides)
        order = order or order_of_sides(found)
        if order is None:
            order = Order.counterclockwise
            r.notes.append("per-side lists without an order: counterclockwise")
        counts = {side: len(pads) for side, (pads, _) in sides.items()}
        r.pads, r.placement = side_lists_in_order(found, order, r.assumptions)
        r.range_order = r.placement
        r.statements.append(Statement(kind="pad_list", at="answer.side_lists", text="per-side lists"))
        return order, counts
    r.pads = [PadRequest(name=n, why={"name": f"answer.pads[{k}]"}) for k, n in enumerate(st.pads)]
    if r.pads:
        r.statements.append(Statement(kind="pad_list", at="answer.pads", text=" ".join(st.pads)[:160]))
    if st.start_side and st.start_side != "left" and order and len(counts) == 4:
        r.statements.append(Statement(kind="start", at="answer.start_side", text=st.start_side))
        r.placement = rotate_to_start(len(r.pads), counts, order, st.start_side)
        r.notes.append(f"the list starts on the {st.start_side} side: positions counted from there")
    return order, counts


def _targets(r: Reader, names: list[str], where: str) -> list[PadRequest]:
    """The pads (outer and inner) a statement names; an unknown name is ``plan.unknown_name``."""
    known = {p.name.upper() for p in r.pads + r.inner}
    missing = [n for n in names if n.upper() not in known]
    if missing:
        r.problems.append(_problem("plan.unknown_name", where,
                                   f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not in the pad list",
                                   "name only pads of the list (outer pads or inner pads)"))
    wanted = {n.upper() for n in names}
    return [p for p in r.pads + r.inner if p.name.upper() in wanted]


def _pad_facts(st: Statements, r: Reader) -> None:
    """Directions, drives and analog/digital class statements onto the pads."""
    for field, value in (("inputs", Direction.input), ("outputs", Direction.output), ("inouts", Direction.inout)):
        names = getattr(st, field)
        if names:
            at = f"answer.{field}"
            r.statements.append(Statement(kind="direction", at=at, text=", ".join(names)[:160]))
            for pad in _targets(r, names, at):
                pad.direction = value
                pad.kind = pad.kind or "digital"
                pad.why.setdefault("kind", f"{at}, a direction statement")
                pad.why["direction"] = at
    for k, drive in enumerate(st.drives):
        at = f"answer.drives[{k}]"
        r.statements.append(Statement(kind="drive", at=at, text=f"{drive.pad} {drive.ma} mA"))
        for pad in _targets(r, [drive.pad], at):
            pad.drive_ma = drive.ma
            pad.why["drive_ma"] = at
    for field, kind in (("analog_pads", "analog"), ("digital_pads", "digital")):
        names = getattr(st, field)
        if names:
            at = f"answer.{field}"
            r.statements.append(Statement(kind="class", at=at, text=", ".join(names)[:160]))
            for pad in _targets(r, names, at):
                pad.kind = kind  # type: ignore[assignment]
                pad.why["kind"] = at


def _supplies(st: Statements, r: Reader) -> None:
    """Analog pairs (ranges, member lists or the default pair) and the digital tuple, as the prose reader names them."""
    for k, supply in enumerate(st.analog_supplies):
        at = f"answer.analog_supplies[{k}]"
        vdd, vss = r.pair(supply.vdd, supply.vss) or (r.resolve(supply.vdd), r.resolve(supply.vss))
        domain = r.analog_domain(vdd, vss)
        if supply.first_pad and supply.last_pad:
            first, last = r.indices(supply.first_pad), r.indices(supply.last_pad)
            r.statements.append(Statement(kind="range", at=at,
                                          text=f"{supply.first_pad} to {supply.last_pad} uses {vdd}/{vss}"))
            unknown = [n for n, idx in ((supply.first_pad, first), (supply.last_pad, last)) if not idx]
            if unknown:
                r.problems.append(_problem("plan.range_unknown_name", at, f"{', '.join(unknown)} not in the pad list",
                                           "name pads that appear in the pad list"))
            else:
                r._claim(first, last, supply.first_pad, supply.last_pad, domain, at)
        if supply.pads:
            r.statements.append(Statement(kind="class", at=at, text=f"{', '.join(supply.pads)} on {vdd}/{vss}"[:160]))
            for pad in _targets(r, supply.pads, at):
                pad.kind, pad.domain = "analog", domain
                pad.why["kind"] = pad.why["domain"] = at
        if not (supply.first_pad and supply.last_pad) and not supply.pads:
            r.statements.append(Statement(kind="supply_pair", at=at, text=f"{vdd}/{vss}"))
            r.default_analog = r.default_analog or domain
    if st.digital_supplies:
        at = "answer.digital_supplies"
        r.statements.append(Statement(kind="digital_tuple", at=at, text="/".join(st.digital_supplies)))
        digital = r._digital([([r.resolve(n) for n in st.digital_supplies], at)], [])
        if digital is not None:
            r.taken.add(digital.name)
            r.domains.append(digital)
    if not r.domains and r.pads:
        r._domains_from_names()


def to_spec(st: Statements, source: str = "answer") -> Spec:
    """The ``Spec`` an LLM reader's statements give; PlanError (contradictions) or PlanQuestion (missing facts)."""
    r = Reader("", source)
    counts = _sizes(st, r)
    order, counts = _pads_in_order(st, r, counts)
    if not r.pads:
        r.questions.append(Question(rule="plan.question.pads", question="Which pads does the ring have, in which order?",
                                    answer_hint="add a line 'Pads: A B C …' listing the outer pads in placement order"))
    if len(counts) < 4:
        r.questions.append(Question(rule="plan.question.size", question="How many pads go on each side of the ring?",
                                    answer_hint="write e.g. '4 pads per side' or 'a 6x4 ring' (top/bottom x left/right)"))
    if order is None:
        r.questions.append(Question(
            rule="plan.question.order", question="In which order are the pads listed (counterclockwise or clockwise)?",
            answer_hint="write e.g. 'counterclockwise, starting at the top-left corner down the left side'"))
    r.inner = [PadRequest(name=p.name, between=(r.resolve(p.between[0]), r.resolve(p.between[1])),
                          why={"inner": f"answer.inner_pads[{k}]", "name": f"answer.inner_pads[{k}]"})
               for k, p in enumerate(st.inner_pads)]
    r.statements += [Statement(kind="inner_pad", at=f"answer.inner_pads[{k}]", text=f"{p.name} between "
                               f"{p.between[0]} and {p.between[1]}") for k, p in enumerate(st.inner_pads)]
    _pad_facts(st, r)
    _supplies(st, r)
    outer = r.settle()
    assert order is not None
    return Spec(design=identifier(st.design or "ring"), pads_per_side=PadsPerSide(**counts), order=order,
                outer=outer, inner=r.inner, domains=r.domains, default_analog=r.default_analog, notes=r.notes,
                statements=r.statements, assumptions=r.assumptions)
