"""Circuit templates for sizing: a parameterised netlist plus a TOML (bounds, log flags, specs, guide).

``templates/<name>/netlist.cir`` has ``{param}`` placeholders; ``template.toml`` declares the
parameters (low, high, log), fixed values, process constants, named spec sets, the gm/Id
first-sizing formulas and, for PDK models, a ``.spiceinit`` (sky130 needs ``set ngbehavior=hsa``);
``{models}`` in a netlist is the folder of the shipped model files. ``simulate`` runs an operating point and an AC sweep and extracts DC
gain (dB), unity-gain bandwidth (Hz), phase margin (degrees) and power (W); a failed
simulation is a result with an error.
"""

from __future__ import annotations

import math
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from adaptor.errors import UserError
from sim.ngspice import run_steps

ROOT = Path(__file__).resolve().parent / "templates"
MODELS = Path(__file__).resolve().parent / "models"
AC_SWEEP = "ac dec 40 1 100g"


class Param(BaseModel):
    """A sizing parameter's range; ``log`` samples and steps in log space."""

    model_config = ConfigDict(extra="forbid")

    low: float = Field(gt=0)
    high: float = Field(gt=0)
    log: bool = True

    def to_unit(self, value: float) -> float:
        """0–1 position of ``value`` in the range."""
        if self.log:
            return (math.log(value) - math.log(self.low)) / (math.log(self.high) - math.log(self.low))
        return (value - self.low) / (self.high - self.low)

    def from_unit(self, u: float) -> float:
        """The value at position ``u`` (clipped to 0–1)."""
        u = min(1.0, max(0.0, u))
        if self.log:
            return math.exp(math.log(self.low) + u * (math.log(self.high) - math.log(self.low)))
        return self.low + u * (self.high - self.low)


class Spec(BaseModel):
    """A lower bound, an upper bound, or both (a range)."""

    model_config = ConfigDict(extra="forbid")

    min: float | None = None
    max: float | None = None


class Template(BaseModel):
    """A sizing template."""

    model_config = ConfigDict(extra="forbid")

    name: str
    title: str
    fixed: dict[str, float]
    process: dict[str, float]
    params: dict[str, Param]
    guide: dict[str, Any] = {}
    specs: dict[str, dict[str, Spec]]
    spiceinit: str = ""
    netlist: str = ""

    def render(self, values: dict[str, float]) -> str:
        """The netlist with every parameter and fixed value filled in."""
        missing = set(self.params) - set(values)
        if missing:
            raise UserError(f"template {self.name}: no value for {', '.join(sorted(missing))}")
        filled = {k: f"{v:.6g}" for k, v in {**self.fixed, **values}.items()}
        return self.netlist.format(models=MODELS, **filled)

    def start(self, specs: dict[str, Spec]) -> dict[str, float]:
        """The gm/Id first sizing from the guide formulas and the specs' targets (clipped to bounds)."""
        names: dict[str, Any] = {"pi": math.pi, "min": min, "max": max, **self.fixed, **self.process}
        names |= {k: v for k, v in self.guide.items() if isinstance(v, (int, float))}
        names |= {metric: (s.min if s.min is not None else s.max) for metric, s in specs.items()}
        names.setdefault("power_w", float("inf"))  # spec sets without a power bound
        values: dict[str, float] = {}
        for name, formula in self.guide.get("start", {}).items():  # in order; non-parameters are intermediates
            values[name] = float(eval(formula, {"__builtins__": {}}, {**names, **values}))  # noqa: S307
        return {k: self.params[k].from_unit(self.params[k].to_unit(v)) if v > 0 else self.params[k].low
                for k, v in values.items() if k in self.params}

    def centre(self) -> dict[str, float]:
        """The middle of every range."""
        return {k: p.from_unit(0.5) for k, p in self.params.items()}


def available() -> list[str]:
    """The shipped template names."""
    return sorted(p.parent.name for p in ROOT.glob("*/template.toml"))


@lru_cache(maxsize=16)
def load_template(name: str) -> Template:
    """A template by name (or a folder path); UserError when there is none."""
    folder = Path(name) if Path(name).is_dir() else ROOT / name
    if not (folder / "template.toml").is_file():
        raise UserError(f"unknown sizing template {name!r}", f"use one of: {', '.join(available())}")
    data = tomllib.loads((folder / "template.toml").read_text())
    return Template(**data, netlist=(folder / "netlist.cir").read_text())


class Metrics(BaseModel):
    """What one simulation measured, or its error."""

    gain_db: float | None = None
    ugbw_hz: float | None = None
    pm_deg: float | None = None
    power_w: float | None = None
    error: str | None = None
    seconds: float = 0.0

    def value(self, metric: str) -> float | None:
        """A metric by name."""
        return getattr(self, metric)


def extract(freq: np.ndarray, h: np.ndarray) -> tuple[float, float | None, float | None]:
    """DC gain (dB), UGBW (Hz, log-interpolated) and phase margin (°) of a transfer function."""
    mag = np.abs(h)
    gain_db = float(20 * np.log10(mag[0]))
    phase = np.degrees(np.unwrap(np.angle(h)))
    below = np.nonzero(mag < 1.0)[0]
    if mag[0] <= 1.0 or len(below) == 0:
        return gain_db, None, None
    k = below[0]
    lf0, lf1 = np.log10(freq[k - 1]), np.log10(freq[k])
    lm0, lm1 = np.log10(mag[k - 1]), np.log10(mag[k])
    t = lm0 / (lm0 - lm1)
    ugbw = float(10 ** (lf0 + t * (lf1 - lf0)))
    ph = float(phase[k - 1] + t * (phase[k] - phase[k - 1]))
    return gain_db, ugbw, 180.0 + (ph - phase[0])


def simulate(template: Template, values: dict[str, float], timeout_s: float = 20.0) -> Metrics:
    """Operating point (power) and AC sweep (gain, UGBW, PM) of one sizing."""
    op, ac = run_steps(template.render(values), [("op", ["i(VDD)"]), (AC_SWEEP, ["v(out)"])], timeout_s,
                       template.spiceinit)
    if not (op.ok and ac.ok):
        return Metrics(error=op.error or ac.error, seconds=op.seconds)
    power = float(-template.fixed["vdd"] * op.vectors["i(VDD)"][0])
    gain, ugbw, pm = extract(ac.vectors["frequency"].real, ac.vectors["v(out)"])
    return Metrics(gain_db=round(gain, 3), ugbw_hz=ugbw, pm_deg=None if pm is None else round(pm, 2),
                   power_w=power, seconds=round(ac.seconds, 4))
