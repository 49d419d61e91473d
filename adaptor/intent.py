"""Intent graph schema v1: what goes where in an I/O ring, technology-neutral.

The intent names pads, their positions, roles and voltage domains. Corners, fillers and
domain breakers are not part of it: the adaptor derives them from the pad sequence.

Positions use the AMS-IO-Bench encoding: ``<side>_<k>`` for the k-th outer pad of a side,
counted in placement order along that side, and ``<side>_<i>_<j>`` (j = i + 1) for an inner
pad of a double ring between outer pads i and j of the same side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SCHEMA_VERSION = 1

NET_NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
POSITION_PATTERN = r"^(left|bottom|right|top)_(0|[1-9][0-9]*)(_(0|[1-9][0-9]*))?$"

NetName = Annotated[str, StringConstraints(pattern=NET_NAME_PATTERN, max_length=64)]
PositionStr = Annotated[str, StringConstraints(pattern=POSITION_PATTERN)]


class Side(str, Enum):
    """A side of the die. Counterclockwise placement visits them in this order."""

    left = "left"
    bottom = "bottom"
    right = "right"
    top = "top"


SIDES: tuple[Side, ...] = (Side.left, Side.bottom, Side.right, Side.top)


class Order(str, Enum):
    """Placement order of the pad list around the ring."""

    counterclockwise = "counterclockwise"
    clockwise = "clockwise"


class RingKind(str, Enum):
    """A single ring has one row of bond pads; a double ring adds staggered inner pads."""

    single = "single"
    double = "double"


class Role(str, Enum):
    """Technology-neutral pad roles."""

    analog_io = "analog_io"
    analog_vdd_provider = "analog_vdd_provider"
    analog_vss_provider = "analog_vss_provider"
    analog_vdd_consumer = "analog_vdd_consumer"
    analog_vss_consumer = "analog_vss_consumer"
    digital_io = "digital_io"
    core_vdd = "core_vdd"
    core_vss = "core_vss"
    io_vdd = "io_vdd"
    io_vss = "io_vss"

    @property
    def is_analog(self) -> bool:
        """True for the roles that belong to an analog domain."""
        return self.value.startswith("analog_")

    @property
    def is_signal(self) -> bool:
        """True for pads that carry a signal (and so have a core-side net)."""
        return self in (Role.analog_io, Role.digital_io)


class Direction(str, Enum):
    """Direction of a digital I/O pad, seen from the chip core."""

    input = "in"
    output = "out"
    inout = "inout"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class PadsPerSide(_Strict):
    """Number of outer-ring pads on each side (corners excluded)."""

    left: int = Field(ge=1, le=200)
    bottom: int = Field(ge=1, le=200)
    right: int = Field(ge=1, le=200)
    top: int = Field(ge=1, le=200)

    def count(self, side: Side) -> int:
        """Pads on ``side``."""
        return int(getattr(self, side.value))


class DieSize(_Strict):
    """Outer die edge, µm."""

    width: float = Field(gt=0, le=100000)
    height: float = Field(gt=0, le=100000)


class Ring(_Strict):
    """Ring shape: pads per side, placement order, single or double ring, optional die size."""

    pads: PadsPerSide
    order: Order = Order.counterclockwise
    kind: RingKind = RingKind.single
    die_um: DieSize | None = Field(default=None, description="Die size; derived from the pads when absent.")


class AnalogDomain(_Strict):
    """An analog voltage domain: its supply and ground net names."""

    kind: Literal["analog"]
    name: NetName
    vdd: NetName
    vss: NetName


class DigitalDomain(_Strict):
    """A digital domain: core (low-voltage) and I/O (high-voltage) supply nets."""

    kind: Literal["digital"]
    name: NetName
    core_vdd: NetName
    core_vss: NetName
    io_vdd: NetName
    io_vss: NetName


Domain = Annotated[Union[AnalogDomain, DigitalDomain], Field(discriminator="kind")]


class Pad(_Strict):
    """One I/O cell of the ring, outer or inner."""

    name: NetName = Field(description="Pad (and pad-side net) name.")
    position: PositionStr = Field(description="'<side>_<k>' outer, '<side>_<i>_<j>' inner.")
    role: Role
    domain: NetName = Field(description="Name of a domain in 'domains'.")
    direction: Direction | None = Field(default=None, description="Digital I/O only.")
    drive_ma: int | None = Field(default=None, ge=1, le=100, description="Output drive, mA.")
    cell: str | None = Field(default=None, description="Technology cell override.")


class IntentGraph(_Strict):
    """The whole intent: ring, domains, ring-wide common ground, pads and notes."""

    schema_version: Literal[1] = SCHEMA_VERSION
    design: NetName
    technology: str = "sg13g2"
    ring: Ring
    domains: list[Domain] = Field(min_length=1)
    common_ground: NetName
    pads: list[Pad] = Field(min_length=1)
    notes: list[str] = Field(default_factory=list)

    def domain(self, name: str) -> AnalogDomain | DigitalDomain | None:
        """The domain called ``name``, or None."""
        return next((d for d in self.domains if d.name == name), None)


_POSITION_RE = re.compile(POSITION_PATTERN)


@dataclass(frozen=True, order=True)
class Position:
    """A parsed position: an outer slot, or an inner slot between ``index`` and ``index + 1``."""

    side: Side
    index: int
    inner_to: int | None = None

    @property
    def is_inner(self) -> bool:
        """True for an inner pad of a double ring."""
        return self.inner_to is not None

    @classmethod
    def parse(cls, text: str) -> "Position":
        """Parse ``left_0`` or ``left_3_4``; raises ValueError on anything else."""
        match = _POSITION_RE.match(text)
        if not match:
            raise ValueError(f"not a position: {text!r} (expected e.g. 'left_0' or 'left_3_4')")
        inner = match.group(4)
        return cls(Side(match.group(1)), int(match.group(2)), int(inner) if inner else None)

    def __str__(self) -> str:
        base = f"{self.side.value}_{self.index}"
        return base if self.inner_to is None else f"{base}_{self.inner_to}"
