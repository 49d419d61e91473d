"""The planner's intermediate form: what a spec says, before roles and positions are inferred.

Every reader (AMS-IO-Bench prompts and free prose, our pad tables, later an LLM) produces a
``Spec``: typed statements with the place in the text they came from (``at`` = ``line:col``),
the pads they name, and the assumptions made while reading. The assembler turns it into an
intent graph. ``spec_schema()`` is its JSON Schema; an LLM reader fills the smaller
``llm_reader.Statements`` instead (no places, no reasons), which ``llm_reader.to_spec`` turns into a Spec.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from adaptor.intent import AnalogDomain, DigitalDomain, Direction, Order, PadsPerSide, RingKind, Role

StatementKind = Literal["size", "order", "start", "pad_list", "supply_pair", "digital_tuple", "range", "inner_pad",
                        "direction", "drive", "class", "design", "ring_kind"]


class Statement(BaseModel):
    """One thing the text says, where it says it (``at`` = ``line:col``, 1-based), and what it decided."""

    model_config = ConfigDict(extra="forbid")

    kind: StatementKind
    at: str
    text: str


class Assumption(BaseModel):
    """A guess between plausible readings: what was assumed, and where (``--strict`` refuses it)."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    what: str
    at: str = "spec"


class Question(BaseModel):
    """A missing fact the planner will not guess: what to ask, and how to state the answer in the spec."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    question: str
    answer_hint: str
    at: str = "spec"


class PadRequest(BaseModel):
    """One pad as the spec gives it. ``between`` marks an inner pad (its two outer neighbours).

    ``kind`` is a class stated for the pad (analog/digital); ``why`` maps a field (domain,
    direction, kind, drive_ma, name) to the statement that decided it ("line:col …").
    """

    model_config = ConfigDict(extra="forbid")

    name: str
    domain: str | None = None
    role: Role | None = None
    direction: Direction | None = None
    drive_ma: int | None = None
    cell: str | None = None
    between: tuple[str, str] | None = None
    kind: Literal["analog", "digital"] | None = None
    why: dict[str, str] = Field(default_factory=dict)


class Spec(BaseModel):
    """A read spec: ring shape, outer pads in placement order, inner pads, domains, notes.

    ``default_analog`` names the domain of analog pads that no range claims; ``statements``
    are what the reader found (for --explain); ``assumptions`` what it guessed.
    """

    model_config = ConfigDict(extra="forbid")

    design: str = "ring"
    technology: str | None = None
    pads_per_side: PadsPerSide
    order: Order = Order.counterclockwise
    kind: RingKind | None = None
    outer: list[PadRequest]
    inner: list[PadRequest] = Field(default_factory=list)
    domains: list[AnalogDomain | DigitalDomain] = Field(default_factory=list)
    default_analog: str | None = None
    common_ground: str | None = None
    notes: list[str] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)


def spec_schema() -> dict[str, Any]:
    """The JSON Schema of ``Spec``."""
    return Spec.model_json_schema()
