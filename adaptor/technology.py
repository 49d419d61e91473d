"""Technology profiles and cell data: the pydantic model of ``technologies/<name>/profile.json``.

All lengths are µm. Layers are ``[layer, datatype]`` GDS pairs.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from adaptor import technologies
from adaptor.errors import UserError
from adaptor.intent import Direction, Pad, Role

if TYPE_CHECKING:
    import gdstk  # imported where the cells are read: the checks (klayout only) need not load it

Layer = tuple[int, int]
BusRole = Literal["common_ground", "core_vdd", "domain_vdd", "domain_vss"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Corner(_Strict):
    """The corner cell; its boundary is ``size_um`` square."""

    cell: str
    size_um: float


class BondPad(_Strict):
    """The bond pad: drawn by the adaptor outside the cell row (centred on its origin), or inside every pad cell.

    ``in_cell``: the library's pad cells carry their own opening (sky130); the adaptor then places no
    bond pad and no strap, a ring has one row of openings (no double ring), and ``edge_margin_um``
    is the die edge to the cell row. ``cell`` is then the library's pad sub-cell and ``centre_um`` the
    opening's centre in pad-cell coordinates.
    """

    cell: str
    in_cell: bool = False
    centre_um: tuple[float, float] | None = Field(default=None, description="in-cell opening centre (cell coords)")
    opening_um: float = Field(description="passivation opening edge")
    metal_um: float = Field(description="top-metal square edge")
    row_pitch_um: float = Field(description="distance between the two bond-pad rows of a double ring")
    strap_width_um: float = Field(description="top-metal strap from a far-row pad to its cell pin")
    edge_margin_um: float = Field(description="die edge to the outer edge of the outermost opening (seal-ring "
                                  "room); in-cell pads: die edge to the cell row")
    metal_layer: Layer
    opening_layer: Layer
    marker_layer: Layer | None = Field(default=None, description="pad recognition marker over the pad metal, if the "
                                       "foundry deck needs one")

    @model_validator(mode="after")
    def _in_cell_has_centre(self) -> BondPad:
        if self.in_cell and self.centre_um is None:
            raise ValueError("an in-cell bond pad needs centre_um")
        return self

    def zone_um(self, double: bool) -> float:
        """Depth of the bond-pad zone between the die edge and the I/O cell row (µm)."""
        if self.in_cell:
            return self.edge_margin_um
        rows = 2 if double else 1
        return rows * self.row_pitch_um + self.edge_margin_um - (self.row_pitch_um - self.opening_um) / 2


class TieContacts(_Strict):
    """Contact rows the breaker adds on every tie diffusion of its own that is left without a contact.

    A tie's diffusion must not run more than a few µm beyond its last contact (latch-up: IHP LU.d/LU.d1, 6 µm); the
    base filler's thin guard-ring rails carry none (their contacts are in the pad cells), so the rails of a corner or
    filler continued through the breaker would end uncontacted in it. A row on each rail, kept ``space_um`` from the
    breaker's sides (a neighbour's contact may touch its own side), makes every tie end in the breaker contacted.
    """

    layer: str = Field(description="contact layer (a key of Profile.layers, in the connectivity stack)")
    width_um: float = Field(description="contact edge (a square)")
    space_um: float = Field(description="minimum contact space; also kept from the breaker's sides")


class Breaker(_Strict):
    """The generated domain breaker: a filler whose shapes on domain-local nets are cut in a window.

    Which shapes are domain-local is found by connectivity (adaptor/connectivity.py), not by height.
    """

    base_filler: str
    cut_x0_um: float
    cut_x1_um: float
    pullback_um: dict[str, float] = Field(
        description="layer → extra cut on each side, so its ends stay inside the wells/implants around it")
    contact_enclosure_um: dict[str, dict[str, float]] = Field(
        description="via layer → {layer: enclosure}: a cut via is kept only where the cut layers still enclose it")
    tie_contacts: TieContacts | None = Field(
        default=None, description="contact rows added on the breaker's uncontacted tie diffusion (None: none added)")


class Connectivity(_Strict):
    """How the technology's layers conduct (layer names are keys of ``Profile.layers``)."""

    stack: list[str] = Field(description="diffusion, contact, Metal1, via, … top metal: each touches the next")
    gate: str = Field(description="gate poly: splits diffusion into source/drain, connects to the contact layer")
    gate_resistor_marker: str = Field(description="poly under this layer is a resistor body, not a conductor")
    well: str = Field(description="the well, joined to diffusion inside it that is not under the tap-excluding implant")
    well_tap_excluded_by: str
    pin_datatype: int = Field(description="datatype of the pin/label layers of the conductors")
    lvs_from: str = Field(description="lowest layer of the stack the metal LVS extracts (the core pins' metal or below)")
    abstracts: str = Field(description="file of per-cell net abstracts (verify/frontend.py builds it)")


class Rules(_Strict):
    """Rule values the checks use, from the PDK's technology data.

    Field names follow SG13G2's layers; another technology maps them onto its own: ``topmetal2`` is
    ``Profile.top_metals[0]``, ``topmetal1`` ``top_metals[1]``, ``passiv`` the bond pad's opening layer,
    ``nwell``/``psd``/``activ``/``cont``/``metal1`` the connectivity's well, tap-excluding implant,
    diffusion, contact and first metal.
    """

    topmetal2_min_space_um: float
    topmetal2_wide_space_um: float
    topmetal2_wide_width_um: float
    topmetal2_wide_length_um: float
    topmetal1_min_space_um: float
    metal_wide_space_um: float
    passiv_min_width_um: float
    passiv_min_space_um: float
    passiv_enclosure_by_topmetal2_um: float
    metal_max_unslotted_width_um: float | None = Field(description="metal wider than this needs slits (outside "
                                                       "pads); null: the technology has no slit rule")
    nwell_activ_enclosure_um: float
    psd_activ_enclosure_um: float
    cont_activ_enclosure_um: float
    metal1_cont_end_enclosure_um: float
    cont_width_um: float | None = None
    cont_space_um: float | None = None


class Profile(_Strict):
    """Everything the adaptor needs to know about a technology, as data."""

    name: str
    title: str
    grid_um: float
    library: str
    cell_info: str
    spice: str
    pad_width_um: float
    cell_depth_um: float
    corner: Corner
    fillers: dict[str, float]
    default_gap_um: float
    role_cells: dict[Role, str]
    digital_cells: dict[Direction, dict[int, str]]
    default_drive_ma: int
    buses: dict[str, BusRole]
    domain_local_buses: list[str]
    core_vdd_fallback: str
    bus_label_layer: Layer
    pad_pin_layer: Layer
    core_pin_layer: Layer
    text_layer: Layer
    die_layer: Layer = Field(description="the die outline (prBoundary) the layout carries")
    top_metals: tuple[str, str] = Field(description="the top metal and the one below it (names in ``layers``)")
    bus_metals: list[str] = Field(description="metals the ring buses run on, which a breaker must cut apart")
    lef_layers: dict[str, Layer] = Field(default_factory=dict, description="LEF/DEF routing-layer name → the GDS pin "
                                         "layer its pins are drawn on, bottom to top (needed by the open-flow exports)")
    bond_pad: BondPad
    breaker: Breaker
    layers: dict[str, Layer]
    connectivity: Connectivity
    io_supply_every_n_signals: int
    rules: Rules

    @model_validator(mode="after")
    def _strap_needs_no_slits(self) -> Profile:
        limit = self.rules.metal_max_unslotted_width_um
        if not self.bond_pad.in_cell and limit is not None and self.bond_pad.strap_width_um > limit:
            raise ValueError(f"bond_pad.strap_width_um {self.bond_pad.strap_width_um} exceeds the "
                             f"{self.rules.metal_max_unslotted_width_um} µm that metal may be wide without slits")
        return self

    @property
    def folder(self) -> Path:
        """The technology's data folder."""
        return technologies.folder(self.name)

    def layer(self, name: str) -> Layer:
        """The GDS layer of a layer name of ``layers``."""
        return self.layers[name]

    @property
    def breaker_width_um(self) -> float:
        """Width of the domain breaker (the width of its base filler)."""
        return self.fillers[self.breaker.base_filler]

    def cells_for(self, pad: Pad) -> list[str]:
        """The pad cells that may serve ``pad``: its role's cell, or for digital I/O the cells of its direction."""
        if pad.role is not Role.digital_io:
            return [self.role_cells[pad.role]]
        return sorted(set(self.digital_cells[pad.direction or Direction.input].values()))

    def pad_cell(self, pad: Pad) -> str:
        """The library cell for ``pad``: its override, or the role (and direction/drive) mapping."""
        if pad.cell:
            return pad.cell
        if pad.role is not Role.digital_io:
            return self.role_cells[pad.role]
        cells = self.digital_cells[pad.direction or Direction.input]
        drives = sorted(cells)
        if drives == [0]:  # one cell of unrated drive strength serves every request (rules warn)
            return cells[0]
        want = pad.drive_ma or (self.default_drive_ma if drives != [0] else 0)
        fit = next((d for d in drives if d >= want), None)
        if fit is None:
            raise UserError(f"pad {pad.name} at {pad.position}: no {self.name} cell drives {want} mA",
                            f"use at most {drives[-1]} mA")
        return cells[fit]


class CellInfo(_Strict):
    """One library cell: abutment boundary [x0, y0, x1, y1] in µm, ports in SPICE order, pin labels."""

    boundary: tuple[float, float, float, float] | None
    ports: list[str]
    pins: list[dict[str, object]]

    def pin_xy(self, port: str, layer: Layer) -> tuple[float, float] | None:
        """Where the pin label of ``port`` on ``layer`` sits, or None."""
        for pin in self.pins:
            if pin["name"] == port and tuple(pin["layer"]) == tuple(layer):  # type: ignore[arg-type]
                return float(pin["x"]), float(pin["y"])  # type: ignore[arg-type]
        return None


@lru_cache(maxsize=8)
def load_profile(name: str) -> Profile:
    """The validated profile of technology ``name``; UserError when it is not shipped."""
    try:
        folder = technologies.folder(name)
    except KeyError as exc:
        raise UserError(str(exc.args[0]), "pass --technology with a shipped technology") from None
    return Profile.model_validate(json.loads((folder / "profile.json").read_text()))


@lru_cache(maxsize=8)
def cell_info(name: str) -> dict[str, CellInfo]:
    """Per-cell data of technology ``name`` (from its cells.json)."""
    profile = load_profile(name)
    data = json.loads((profile.folder / profile.cell_info).read_text())
    return {cell: CellInfo.model_validate(info) for cell, info in data["cells"].items()}


@lru_cache(maxsize=8)
def cell_library(name: str) -> dict[str, gdstk.Cell]:
    """The technology's layout cells by name (read once per process)."""
    import gdstk

    profile = load_profile(name)
    return {c.name: c for c in gdstk.read_oas(str(profile.folder / profile.library)).cells}


@lru_cache(maxsize=8)
def bus_label_y(name: str) -> dict[str, float]:
    """Bus → y (µm from the die edge) of the middle of its first band on the bus-label layer."""
    profile = load_profile(name)
    bands = json.loads((profile.folder / profile.cell_info).read_text())["buses"]
    number = profile.bus_label_layer[0]  # bands are stored with the drawing datatype, labels sit on the pin one
    return {bus: next((b["y0"] + b["y1"]) / 2 for b in spans if b["layer"][0] == number) for bus, spans in bands.items()}
