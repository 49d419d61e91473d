"""The planner's intermediate form: what a spec says, before roles and positions are inferred.

Both input formats (AMS-IO-Bench prompts and our pad tables) parse into a ``Spec``; the
assembler turns it into an intent graph.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from adaptor.intent import AnalogDomain, DigitalDomain, Direction, Order, PadsPerSide, RingKind, Role


class PadRequest(BaseModel):
    """One pad as the spec gives it. ``between`` marks an inner pad (its two outer neighbours)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    domain: str | None = None
    role: Role | None = None
    direction: Direction | None = None
    drive_ma: int | None = None
    cell: str | None = None
    between: tuple[str, str] | None = None


class Spec(BaseModel):
    """A parsed spec: ring shape, outer pads in placement order, inner pads, domains, notes.

    ``default_analog`` names the domain of analog pads that no range claims; ``classify``
    says whether pads without a domain must be sorted into analog and digital by name.
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
