"""Evaluate a topology with an ngspice transient: output voltage, ripple and efficiency at steady state.

Switches are voltage-controlled switches (on-resistance 50 mΩ) driven by one PWM at duty D and
frequency fsw; the diode is a Schottky-like model. The run is measured only once the mean
output voltage and the mean input current over the last window of periods agree with the
window before it (1 % and 2 %): a slow resonance can leave the output flat while the input
still swings. Until then the run is doubled, up to a limit, after which ``settled`` is false.
"""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, Field

from sim import ngspice
from topology.netlist import GROUND, Kind, Topology

WINDOW_PERIODS = 50
SETTLE_TOLERANCE = 0.01  # output voltage, relative
SETTLE_TOLERANCE_IIN = 0.02  # input current, relative
POINTS_PER_PERIOD = 100


class Conditions(BaseModel):
    """Operating point: input volts, duty (0–1), switching frequency (Hz), load (Ω, replaces the netlist's)."""

    vin: float = Field(default=12.0, gt=0)
    duty: float = Field(default=0.45, gt=0, lt=1)
    fsw: float = Field(default=100e3, gt=0)
    load: float | None = Field(default=None, gt=0)
    periods: int = Field(default=200, ge=2 * WINDOW_PERIODS)
    max_periods: int = Field(default=3200, ge=2 * WINDOW_PERIODS)
    timeout_s: float = Field(default=60.0, gt=0)


class Evaluation(BaseModel):
    """What the transient says (volts, watts, 0–1), or why it could not say."""

    vout: float | None = None
    ripple: float | None = None
    efficiency: float | None = None
    conversion_ratio: float | None = None
    pin_w: float | None = None
    pout_w: float | None = None
    settled: bool = False
    periods: int = 0
    sim_seconds: float = 0.0
    error: str | None = None


def spice(topology: Topology, cond: Conditions, periods: int) -> str:
    """The transient deck (without .control)."""
    period = 1.0 / cond.fsw
    lines = [f"* {topology.name or 'topology'}",
             ".model SWMOD SW(Ron=0.05 Roff=1e6 Vt=0.5 Vh=0)",
             ".model DMOD D(Is=1e-5 Rs=0.02 N=1 Cjo=10p)",
             f"VPWM pwm 0 PULSE(0 1 0 {period / 1000:g} {period / 1000:g} {cond.duty * period:g} {period:g})"]
    for c in topology.components:
        a, b = c.nodes
        if c.kind is Kind.source:
            lines.append(f"V{c.name} {a} {b} DC {cond.vin:g}")
        elif c.kind is Kind.switch:
            lines.append(f"S{c.name} {a} {b} pwm 0 SWMOD")
        elif c.kind is Kind.diode:
            lines.append(f"D{c.name} {a} {b} DMOD")
        elif c.kind is Kind.load:
            lines.append(f"R{c.name} {a} {b} {cond.load or c.value:g}")
        else:
            lines.append(f"{c.kind.value}{c.name} {a} {b} {c.value:g}")
    lines.append(f".tran {period / POINTS_PER_PERIOD:g} {periods * period:g} 0 {period / POINTS_PER_PERIOD:g} uic")
    return "\n".join(lines)


def evaluate(topology: Topology, cond: Conditions | None = None) -> Evaluation:
    """Simulate until steady state (or the limit) and measure over the last window."""
    cond = cond or Conditions()
    source = topology.of_kind(Kind.source)[0]
    load = topology.of_kind(Kind.load)[0]
    periods, seconds = cond.periods, 0.0
    while True:
        result = ngspice.run(spice(topology, cond, periods),
                             [f"v({topology.output})", f"i(V{source.name})"], cond.timeout_s)
        seconds += result.seconds
        if not result.ok:
            return Evaluation(error=result.error, periods=periods, sim_seconds=round(seconds, 3))
        t = result.vectors["time"]
        vout = result.vectors[f"v({topology.output})"]
        iin = -result.vectors[f"i(V{source.name})"]
        window = WINDOW_PERIODS / cond.fsw
        last = t >= t[-1] - window
        before = (t >= t[-1] - 2 * window) & ~last
        mean_last, mean_before = _mean(t, vout, last), _mean(t, vout, before)
        i_last, i_before = _mean(t, iin, last), _mean(t, iin, before)
        settled = abs(mean_last - mean_before) <= SETTLE_TOLERANCE * max(abs(mean_last), 1e-3) and \
            abs(i_last - i_before) <= SETTLE_TOLERANCE_IIN * max(abs(i_last), 1e-3)
        if settled or periods * 2 > cond.max_periods:
            break
        periods *= 2
    rload = cond.load or load.value or 1.0
    sign = 1.0 if source.nodes[1] == GROUND else -1.0
    pout = _mean(t, vout ** 2, last) / rload
    pin = sign * cond.vin * _mean(t, iin, last)
    return Evaluation(vout=round(mean_last, 4), ripple=round(float(np.ptp(vout[last])), 5),
                      efficiency=round(pout / pin, 4) if pin > 1e-9 else None,
                      conversion_ratio=round(mean_last / cond.vin, 4), pin_w=round(pin, 4), pout_w=round(pout, 4),
                      settled=bool(settled), periods=periods, sim_seconds=round(seconds, 3))


def _mean(t: np.ndarray, y: np.ndarray, mask: np.ndarray) -> float:
    """Time-weighted mean of ``y`` where ``mask`` holds."""
    tt, yy = t[mask], y[mask]
    if len(tt) < 2:
        return float(np.mean(yy)) if len(yy) else 0.0
    return float(np.trapezoid(yy, tt) / (tt[-1] - tt[0]))
