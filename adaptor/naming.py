"""Name conventions for pads: digital directions and supply roles inferred from names.

These are the conventions seen in AMS-IO-Bench prompts and goldens (reference page §4);
both the planner and the golden-format converter use them.
"""

from __future__ import annotations

import re

from adaptor.intent import Direction

_INPUTS = {
    "SDI", "SCK", "SCLK", "SCL", "RST", "RSTN", "RSTB", "RESET", "RESETN", "NRST", "SLP", "SLEEP", "CS",
    "CSB", "CSN", "SS", "SSN", "EN", "ENB", "ENA", "TEST", "TM", "MCLK", "LRCK", "BCLK", "DIN", "CLK",
    "CLKIN", "SDIN", "MOSI", "SEL", "PD", "PDN", "TRIG", "START", "SHDN", "SYNC",
}
_OUTPUTS = {"SDO", "DOUT", "FLAG", "DCLK", "MISO", "IRQ", "INT", "READY", "RDY", "BUSY", "DONE",
            "VALID", "LOCK", "ERR", "ALERT", "CLKOUT", "SDOUT", "EOC", "DRDY", "DONE"}
_INOUTS = {"SDA", "GPIO", "IO", "DIO", "DQ"}


def infer_direction(name: str) -> Direction:
    """Direction of a digital I/O pad from its name; inputs when nothing says otherwise.

    Known names first (SDI, SCLK, RSTN … inputs; SDO, DOUT, FLAG … outputs; SDA, GPIOx inout),
    then data pins ``D<n>``/``Q<n>`` as outputs, then suffixes: ``…OUT``/``…O`` output,
    ``…IN``/``…I`` input.
    """
    upper = name.upper()
    stem = re.sub(r"[_]?\d+$", "", upper).rstrip("_")
    for candidates, direction in ((_INPUTS, Direction.input), (_OUTPUTS, Direction.output),
                                  (_INOUTS, Direction.inout)):
        if upper in candidates or stem in candidates:
            return direction
    if upper.startswith("GPIO") or re.fullmatch(r"(SDA|IO)\d*", upper):
        return Direction.inout
    if re.fullmatch(r"(DOUT|SDO|DO|Q)_?\d*", upper) or re.fullmatch(r"D\d+", upper):
        return Direction.output
    if stem.endswith("OUT") or (stem.endswith("O") and len(stem) > 2):
        return Direction.output
    if stem.endswith("IN") or stem.endswith("I"):
        return Direction.input
    return Direction.input
