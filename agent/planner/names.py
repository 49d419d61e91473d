"""Name heuristics the planner uses: analog versus digital, supply versus signal, core versus I/O.

Each function is a documented guess from naming conventions; the planner records in the
intent's notes every place where it relied on one.
"""

from __future__ import annotations

import re

_SUPPLY = re.compile(r"(VDD|VCC|VSS|GND|VEE|AVD|AVS|DVD|DVS|PWR)", re.I)
_GROUND = re.compile(r"(VSS|GND|VEE|AVS|DVS)", re.I)
_ANALOG = re.compile(
    r"^(A(IN|OUT|IO|TEST|MUX)|V(IN|OUT|REF|BG|CM|BIAS|CTRL|TUNE|TEMP|SENSE|IP|IN|ON|OP|MID)|"
    r"I(REF|BIAS|TAIL|OUT|IN)|RF|LO[PN]?\b|IF[PN]?\b|INP|INN|OUTP|OUTN|XTAL|XIN|XOUT|XI\b|XO\b|"
    r"CP(OUT)?|LF|SNS|SENS|TEMP|BG|REF|BIAS|ANA|PROBE|TP\d)", re.I)
_ANALOG_ANYWHERE = re.compile(r"(REF|BIAS|VCM|ANA|SENSE|SNS)", re.I)
_DIGITAL = re.compile(
    r"^(D\d+|Q\d+|DATA|DAT\d|DIN|DOUT|ADDR|A\d+$|CLK|SCLK|SCK|MCLK|BCLK|LRCK|DCLK|SCL|SDA|SDI|SDO|"
    r"MOSI|MISO|CS|SS|EN|RST|RESET|NRST|IRQ|INT|TEST|TM|GPIO|PWM|TX|RX|UART|SPI|I2C|JTAG|TCK|TMS|TDI|"
    r"TDO|TRST|FLAG|READY|RDY|BUSY|DONE|VALID|SEL|MODE|SLP|SLEEP|WAKE|PD\b|PDN|START|SYNC|TRIG|"
    r"LOCK|ERR|ALERT|EOC|DRDY|SHDN|OE|WE|CE)", re.I)

_IO_HINTS = re.compile(r"(IO|PST|HV|33|3V3|25|2V5|POST)", re.I)
_CORE_HINTS = re.compile(r"(CORE|LV|12|1V2)", re.I)


def looks_like_supply(name: str) -> bool:
    """True for names like AVDD, VSS2, GNDA, DVDDH."""
    return bool(_SUPPLY.search(name))


def looks_like_ground(name: str) -> bool:
    """True for supply names that are grounds (VSS, GND, VEE)."""
    return bool(_GROUND.search(name))


def analog_or_digital(name: str) -> str | None:
    """'analog', 'digital' or None when the name says nothing."""
    if _DIGITAL.match(name):
        return "digital"
    if _ANALOG.match(name) or _ANALOG_ANYWHERE.search(name):
        return "analog"
    return None


def differential_pairs(names: list[str]) -> set[str]:
    """Names that have a P/N partner in ``names`` (VINP with VINN, SIG_P with SIG_N): analog signals."""
    upper = {n.upper() for n in names}
    partner = {"P": "N", "N": "P"}
    return {n for n in names if len(n) > 1 and n[-1].upper() in partner
            and n[:-1].upper() + partner[n[-1].upper()] in upper}


def io_score(name: str) -> int:
    """How much a supply name sounds like the I/O (high-voltage) supply: >0 I/O, <0 core."""
    upper = name.upper()
    score = 0
    if _IO_HINTS.search(upper):
        score += 2
    if _CORE_HINTS.search(upper):
        score -= 2
    if upper.endswith("H"):
        score += 1
    if upper.endswith("L"):
        score -= 1
    return score
