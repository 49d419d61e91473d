"""Two readers, one verdict: the rule reader's ``Spec`` against the LLM reader's.

``compare_specs`` lists where two Specs differ (size, order, the outer pads in placement order,
inner pads, supplies, and per pad the stated domain, direction, drive and class). ``decide``
turns the differences into a verdict: when both assembled rings are the same, the plan goes
ahead and each difference is an assumption note (``plan.assume.readers``: read differently,
same ring); when the rings differ, every difference that changes the ring is a question
(``plan.question.readers``) for the user, the others are notes.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from adaptor.intent import AnalogDomain, IntentGraph
from adaptor.semantic import semantic_record
from agent.planner.assemble import PlanResult
from agent.planner.spec import Assumption, PadRequest, Question, Spec

_HINTS = {
    "size": "state the size, e.g. '4 pads per side' or 'a 6x4 ring' (top/bottom x left/right)",
    "order": "state the order and start, e.g. 'counterclockwise, starting on the left side'",
    "pads": "list the outer pads once, in placement order: 'Pads: A B C …'",
    "inner": "write 'insert an inner pad X between A and B' for each inner pad",
    "supplies": "write 'analog pads use <vdd>/<vss>; digital uses <core vdd>/<core vss>/<I/O vdd>/<I/O vss>'",
    "domain": "write 'X to Y use <vdd>/<vss>' (a range) or 'X, Y are analog on <vdd>/<vss>'",
    "direction": "write 'X is an output', 'Inputs: X, Y'",
    "drive": "write 'X drives 8 mA'",
    "class": "write 'X is analog' or 'X is digital'",
}


class SpecDifference(BaseModel):
    """One fact the two readers read differently: which, where (``ring`` or pad names), and both readings."""

    model_config = ConfigDict(extra="forbid")

    field: str
    where: str
    rules: str
    llm: str
    pads: list[str] = Field(default_factory=list)  # the pads a pad-level difference is about


class Verdict(BaseModel):
    """What the two readings decide: the plan to go on with (None: ask first), questions, notes."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    result: PlanResult | None
    agree: bool
    differences: list[SpecDifference]
    questions: list[Question] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)


def _nets(spec: Spec, domain: str | None) -> str:
    """A domain by its nets (readers may name the same domain differently)."""
    if domain is None:
        return "unstated"
    found = next((d for d in spec.domains if d.name == domain), None)
    if found is None:
        return domain
    if isinstance(found, AnalogDomain):
        return f"{found.vdd}/{found.vss}"
    return f"{found.core_vdd}/{found.core_vss}/{found.io_vdd}/{found.io_vss}"


def _supplies(spec: Spec) -> list[str]:
    return sorted(_nets(spec, d.name) for d in spec.domains)


def _value(pad: PadRequest, spec: Spec, field: str) -> str:
    value: Any = {"domain": lambda: _nets(spec, pad.domain), "direction": lambda: pad.direction and pad.direction.value,
                  "drive": lambda: pad.drive_ma, "class": lambda: pad.kind}[field]()
    return "unstated" if value in (None, "unstated") else str(value)


def compare_specs(rules: Spec, llm: Spec) -> list[SpecDifference]:
    """Where the rule reader's Spec and the LLM reader's differ (an empty list: they agree)."""
    out: list[SpecDifference] = []
    size = rules.pads_per_side.model_dump(), llm.pads_per_side.model_dump()
    if size[0] != size[1]:
        out.append(SpecDifference(field="size", where="ring", rules=str(size[0]), llm=str(size[1])))
    if rules.order != llm.order:
        out.append(SpecDifference(field="order", where="ring", rules=rules.order.value, llm=llm.order.value))
    names = [p.name for p in rules.outer], [p.name for p in llm.outer]
    if names[0] != names[1]:
        out.append(SpecDifference(field="pads", where="ring", rules=" ".join(names[0]), llm=" ".join(names[1])))
    inner = ({(p.name, *sorted(p.between or ())) for p in rules.inner},
             {(p.name, *sorted(p.between or ())) for p in llm.inner})
    if inner[0] != inner[1]:
        show = lambda s: ", ".join(f"{n} between {a} and {b}" for n, a, b in sorted(s)) or "none"  # noqa: E731
        out.append(SpecDifference(field="inner", where="ring", rules=show(inner[0]), llm=show(inner[1])))
    if _supplies(rules) != _supplies(llm):
        out.append(SpecDifference(field="supplies", where="ring", rules=", ".join(_supplies(rules)),
                                  llm=", ".join(_supplies(llm))))
    if names[0] != names[1]:
        return out  # pad by pad only when both read the same pads in the same places
    pairs = list(zip(rules.outer, llm.outer))
    by_name = {p.name: p for p in llm.inner}
    pairs += [(p, by_name[p.name]) for p in rules.inner if p.name in by_name]
    for field in ("domain", "class", "direction", "drive"):
        out += [SpecDifference(field=field, where=a.name, rules=_value(a, rules, field), llm=_value(b, llm, field),
                               pads=[a.name]) for a, b in pairs if _value(a, rules, field) != _value(b, llm, field)]
    directed = {d.where for d in out if d.field == "direction"}  # a direction statement also says "digital"
    return [d for d in out if not (d.field == "class" and d.where in directed)]


def _records(intent: IntentGraph) -> dict[str, Any]:
    """What a ring is, for "same ring": the semantic record plus drives."""
    record = semantic_record(intent)
    record["drives"] = {p.position: p.drive_ma for p in intent.pads if p.drive_ma}
    return record


def _changes_ring(diff: SpecDifference, a: dict[str, Any], b: dict[str, Any], rules: PlanResult) -> bool:
    """Whether a difference shows in the two rings (pad-level ones: at those pads' positions)."""
    if not diff.pads:
        return True
    positions = [p.position for p in rules.intent.pads if p.name in diff.pads]
    return any(a["positions"].get(pos) != b["positions"].get(pos) or a["drives"].get(pos) != b["drives"].get(pos)
               for pos in positions)


def decide(rules_spec: Spec, rules: PlanResult, llm_spec: Spec, llm: PlanResult) -> Verdict:
    """The verdict of two successful readings (both assembled)."""
    differences = compare_specs(rules_spec, llm_spec)
    a, b = _records(rules.intent), _records(llm.intent)
    same = a == b
    questions: list[Question] = []
    notes: list[Assumption] = []
    groups: dict[tuple[str, bool], list[SpecDifference]] = {}  # pad-level differences: one line per field
    for d in differences:
        groups.setdefault((d.field, not same and _changes_ring(d, a, b, rules)), []).append(d)
    for (field, ask), diffs in groups.items():
        if diffs[0].pads:
            where = ", ".join(d.where for d in diffs)
            said = (", ".join(f"{d.where} {d.rules}" for d in diffs), ", ".join(f"{d.where} {d.llm}" for d in diffs))
        else:
            where, said = diffs[0].where, (diffs[0].rules, diffs[0].llm)
        text = f"{field} ({where}): the rule reader read {said[0]}; the LLM read {said[1]}"
        if ask:
            questions.append(Question(rule="plan.question.readers", at="request",
                                      question=f"The two readers disagree on the {text}. Which is right?",
                                      answer_hint=_HINTS[field]))
        else:
            notes.append(Assumption(rule="plan.assume.readers", at="request",
                                    what=f"read differently, same ring: {text}"))
    if not same and not questions:  # the rings differ in a way no listed statement explains
        where = sorted(p for p in set(a["positions"]) | set(b["positions"])
                       if a["positions"].get(p) != b["positions"].get(p))
        questions.append(Question(rule="plan.question.readers", at="request",
                                  question=f"The two readers plan different rings (at {', '.join(where[:6]) or 'ring'}). "
                                           "Which reading is right?",
                                  answer_hint="state the pad list, the size, the order and the supplies plainly"))
    return Verdict(result=rules if same else None, agree=not differences, differences=differences,
                   questions=questions, assumptions=notes)
