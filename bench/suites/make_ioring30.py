"""Generate the ioring-30 suite: 30 cases of our own (10 simple, 10 medium, 10 hard) plus unsatisfiable ones.

Each case is defined structurally below (pads in order with their domain, inner pads, digital
supplies, directions): that definition is the ground truth. From it this script renders the
prompt in one of the AMS-IO-Bench phrasings and, separately, builds the expected intent with
the golden rules of reference page §2. The planner is never used here, so the suite measures it.

    PYTHONPATH=. python bench/suites/make_ioring30.py   (rewrites bench/suites/ioring-30/)
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from bench import golden

HERE = Path(__file__).resolve().parent / "ioring-30"
RULE = "=" * 70
OUT_NAMES = ("SDO", "DOUT", "IRQ", "FLAG", "DCLK", "RDY", "DRDY", "CLKOUT", "MISO", "LOCK")
INOUT_NAMES = ("SDA", "GPIO")


@dataclass
class Spec:
    """A case's ground truth and how to phrase it."""

    id: str
    tier: str
    per_side: tuple[int, int, int, int]  # left, bottom, right, top
    pads: list[tuple[str, str]]  # (name, domain key: "D" or an analog key), placement order
    analog: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (vdd, vss)
    digital: tuple[str, str, str, str] | None = None  # core vdd, core vss, io vdd, io vss
    inner: list[tuple[str, str, str, str]] = field(default_factory=list)  # (name, a, b, domain key)
    order: str = "counterclockwise"
    style: str = "pair"  # pair | uses | ranges
    ground_first: bool = False
    lower: bool = False
    merged: bool = False
    reverse_inner: bool = False


def direction(name: str) -> str:
    """The ground-truth direction of our digital signal names."""
    upper = name.upper()
    if upper.startswith(INOUT_NAMES):
        return "inout"
    if upper.startswith(OUT_NAMES) or upper[:1] in "DQ" and upper[1:].isdigit():
        return "out"
    return "in"


def expected_intent(spec: Spec) -> dict:
    """The golden answer from the ground truth (bench/golden.py, reference page §2 rules)."""
    return golden.expected_intent(spec, direction)


def _pair(vdd: str, vss: str, ground_first: bool) -> tuple[str, str]:
    return (vss, vdd) if ground_first else (vdd, vss)


def prompt(spec: Spec, rng: random.Random) -> str:
    """The AMS-IO-Bench style prompt of a case, in the case's phrasing."""
    left, bottom, right, top = spec.per_side
    size = f"{left} pads per side." if len(set(spec.per_side)) == 1 else \
        f"{left} pads on left and right sides, {top} pads on top and bottom sides."
    ring = "Double ring layout." if spec.inner else "Single ring layout."
    order = ("Order: counterclockwise through left side, bottom side, right side, top side."
             if spec.order == "counterclockwise" else "Order: clockwise through left side, top side, right side, "
                                                      "bottom side.")
    names = [n for n, _ in spec.pads]
    inner = [f"- insert an inner ring pad {n} between {b if spec.reverse_inner else a} and "
             f"{a if spec.reverse_inner else b}" for n, a, b, _ in spec.inner]
    bullets = []
    if spec.digital:
        tuple_names = list(spec.digital)
        rng.shuffle(tuple_names)
        digital_phrase = ", ".join(tuple_names)
    if spec.style == "pair":
        (key, (vdd, vss)), = spec.analog.items()
        a, b = _pair(vdd, vss, spec.ground_first)
        text = f"analog signals use analog domain voltage domain ({a}/{b})"
        if spec.digital:
            text += f", digital IO signals need to connect to digital domain voltage domain ({'/'.join(spec.digital)})"
        bullets.append(text)
    elif spec.style == "uses":
        for key, (vdd, vss) in spec.analog.items():
            bullets.append(f"Analog domain uses {'/'.join(_pair(vdd, vss, spec.ground_first))} as voltage domain")
        if spec.digital:
            bullets.append(f"Digital domain uses {digital_phrase} as voltage domain")
    else:
        ranges = []
        k = 0
        while k < len(spec.pads):
            key = spec.pads[k][1]
            j = k
            while j + 1 < len(spec.pads) and spec.pads[j + 1][1] == key:
                j += 1
            if key != "D":
                vdd, vss = spec.analog[key]
                a, b = _pair(vdd, vss, spec.ground_first)
                first, last = names[k], names[j]
                if spec.lower:
                    first, last, a, b = first.lower(), last.lower(), a.lower(), b.lower()
                ranges.append(f"from {first} to {last} uses {a} and {b} as voltage domain")
            k = j + 1
        for n in range(0, len(ranges), 2):
            chunk = ranges[n:n + 2]
            bullets.append(", ".join(c[0].upper() + c[1:] if i == 0 else c for i, c in enumerate(chunk)))
        if spec.digital:
            bullets.append(f"Digital domain uses {digital_phrase} as voltage domain")
    lines = [f"{spec.id}: |", "Task: Generate IO ring schematic and layout design for the tool.", "",
             "  Design requirements:", f"  {size} {ring} {order}", "", f"  {RULE}", "  SIGNAL CONFIGURATION",
             f"  {RULE}", f"  Signal names: {' '.join(names)}", *[f"  {x}" for x in inner], "", f"  {RULE}",
             "  VOLTAGE DOMAIN CONFIGURATION", f"  {RULE}", "  Voltage domain requirements:",
             *[f"  - {b}" for b in bullets], "", f"  {RULE}", "  DESIGN CONFIGURATION", f"  {RULE}",
             "  Configuration:", f"  - Technology: {rng.choice(['28nm', '40nm', '65nm', '130nm'])} process node",
             "  - Library: TEST_LIB", f"  - Cell name: {spec.id}", "  - View: schematic and layout"]
    if spec.merged:
        return lines[0] + "\n" + " ".join(x.strip() for x in lines[1:] if x.strip()) + "\n"
    return "\n".join(lines) + "\n"


# --- the cases ---------------------------------------------------------------------------------

def sig(prefix: str, n: int, start: int = 0) -> list[str]:
    return [f"{prefix}{k}" for k in range(start, start + n)]


def D(names: list[str]) -> list[tuple[str, str]]:
    return [(n, "D") for n in names]


def A(key: str, names: list[str]) -> list[tuple[str, str]]:
    return [(n, key) for n in names]


STD = ("VDD", "VSS", "IOVDD", "IOVSS")
HL = ("DVDDL", "DVSSL", "DVDDH", "DVSSH")


def cases() -> list[Spec]:
    out = []
    # ---- simple: single rings, one domain or one analog pair, 3x3 to 6x6
    out.append(Spec("IO_T_3x3_single_ring_digital", "simple", (3, 3, 3, 3),
                    D(["SCK", "SDI", "CSB", "VDD", "VSS", "SDO", "IOVDD", "IOVSS", "RSTN", "EN", "D0", "D1"]),
                    digital=STD, style="uses"))
    out.append(Spec("IO_T_4x4_single_ring_digital", "simple", (4, 4, 4, 4),
                    D(["VDDC", "GNDC", "VDDPST", "VSSPST", "SCLK", "MOSI", "MISO", "CS", "Q0", "Q1", "Q2", "Q3",
                       "IRQ", "RESETN", "TEST", "MCLK"]), digital=("VDDC", "GNDC", "VDDPST", "VSSPST"), style="uses"))
    out.append(Spec("IO_T_3x3_single_ring_analog", "simple", (3, 3, 3, 3),
                    A("ana", ["VINP", "VINN", "AVSS", "AVDD", "VOUTP", "VOUTN", "VREF", "VCM", "IBIAS", "AVSS",
                              "AVDD", "VTEST"]), analog={"ana": ("AVDD", "AVSS")}, style="uses"))
    out.append(Spec("IO_T_4x4_single_ring_mixed", "simple", (4, 4, 4, 4),
                    A("adc", ["VIN1", "VIN2", "AVSS", "AVDD", "VREF", "IREF"]) +
                    D(["D3", "D2", "D1", "D0", "DVDDL", "DVSSL", "DVDDH", "DVSSH", "RSTB", "SCLK"]),
                    analog={"adc": ("AVDD", "AVSS")}, digital=HL))
    out.append(Spec("IO_T_4x4_single_ring_mixed_2", "simple", (4, 4, 4, 4),
                    A("dac", ["VOUT1", "VOUT2", "AGND", "AVCC_ADC", "VREFP", "VREFN"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS", "SCK", "SDI", "SDO", "CSB", "LRCK", "DIN"]),
                    analog={"dac": ("AVCC_ADC", "AGND")}, digital=STD, order="clockwise", style="uses"))
    out.append(Spec("IO_T_5x5_single_ring_digital", "simple", (5, 5, 5, 5),
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 8) + ["SCK", "SDI", "SDO", "CSB", "RSTN", "EN",
                                                                         "IRQ", "FLAG"]),
                    digital=STD, style="uses"))
    out.append(Spec("IO_T_4x4_single_ring_analog_2", "simple", (4, 4, 4, 4),
                    A("afe", ["VSSA", "VDDA", "VIN1", "VIN2", "VIN3", "VIN4", "VSSA", "VDDA", "VCM", "VREF",
                              "IBIAS1", "IBIAS2", "VSSA", "VDDA", "VOUT1", "VOUT2"]),
                    analog={"afe": ("VDDA", "VSSA")}, style="uses", ground_first=True))
    out.append(Spec("IO_T_5x5_single_ring_mixed", "simple", (5, 5, 5, 5),
                    A("pll", ["VCTRL", "VREF", "AVSS", "AVDD", "IBIAS", "VTUNE"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS", "SCK", "SDI", "SDO", "CSB", "RSTN", "EN", "CLKOUT", "LOCK",
                       "D0", "D1"]), analog={"pll": ("AVDD", "AVSS")}, digital=STD))
    out.append(Spec("IO_T_4x3_single_ring_mixed", "simple", (4, 3, 4, 3),
                    A("sns", ["SNSP", "SNSN", "AVSS", "AVDD", "VBIAS"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS", "SCL", "SDA", "RSTN", "IRQ", "EN"]),
                    analog={"sns": ("AVDD", "AVSS")}, digital=STD))
    out.append(Spec("IO_T_6x6_single_ring_mixed", "simple", (6, 6, 6, 6),
                    A("adc", ["VINP", "VINN", "AVSS", "AVDD", "VREFP", "VREFN", "VCM", "IBIAS"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 10) + ["SCK", "CSB"]),
                    analog={"adc": ("AVDD", "AVSS")}, digital=STD, ground_first=True))
    # ---- medium: several domains by ranges, duplicates, traps, non-square, merged lines
    out.append(Spec("IO_T_6x6_single_ring_multi_voltage_domain", "medium", (6, 6, 6, 6),
                    A("rx", ["RXP", "RXN", "VSSRX", "VDDRX", "RXBIAS"]) + A("tx", ["TXP", "TXN", "VSSTX", "VDDTX"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS", "SCK", "SDI", "SDO", "CSB", "RSTN", "EN", "IRQ", "D0", "D1",
                       "D2", "D3"]),
                    analog={"rx": ("VDDRX", "VSSRX"), "tx": ("VDDTX", "VSSTX")}, digital=STD, style="ranges"))
    out.append(Spec("IO_T_7x7_single_ring_multi_voltage_domain", "medium", (7, 7, 7, 7),
                    A("bg", ["BGVSS", "BGVDD", "VBG", "IPTAT"]) + A("ldo", ["VSSLDO", "VDDLDO", "VOUTLDO", "VFB"]) +
                    A("osc", ["XIN", "XOUT", "VSSOSC", "VDDOSC"]) +
                    D(["DVDDL", "DVSSL", "DVDDH", "DVSSH"] + sig("D", 8) + ["SCK", "SDI", "SDO", "CSB"]),
                    analog={"bg": ("BGVDD", "BGVSS"), "ldo": ("VDDLDO", "VSSLDO"), "osc": ("VDDOSC", "VSSOSC")},
                    digital=HL, style="ranges", lower=True, ground_first=True))
    out.append(Spec("IO_T_6x4_single_ring_mixed", "medium", (6, 4, 6, 4),
                    A("ana", ["VIN", "GND", "AVSS", "AVDD", "DVDD", "VOUT", "VREF"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS", "SCK", "SDI", "SDO", "CSB", "RSTN", "EN", "IRQ", "D0", "D1"]),
                    analog={"ana": ("AVDD", "AVSS")}, digital=STD, style="ranges"))  # GND, DVDD inside the range
    out.append(Spec("IO_T_8x8_single_ring_multi_voltage_domain", "medium", (8, 8, 8, 8),
                    A("adc", ["AINP", "AINN", "AVSS1", "AVDD1", "VREF1", "AVSS1"]) +
                    A("dac", ["AOUTP", "AOUTN", "AVSS2", "AVDD2", "VREF2", "AVDD2"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 12) + ["SCK", "SDI", "SDO", "CSB"]),
                    analog={"adc": ("AVDD1", "AVSS1"), "dac": ("AVDD2", "AVSS2")}, digital=STD, style="ranges"))
    out.append(Spec("IO_T_7x5_single_ring_multi_voltage_domain", "medium", (7, 5, 7, 5),
                    A("mic", ["MIC1", "MIC2", "GNDM", "VDDM", "MICB"]) + A("spk", ["SPKP", "SPKN", "GNDS", "VDDS"]) +
                    D(["VDDC", "GNDC", "VDDIO", "GNDIO", "BCLK", "LRCK", "DIN", "DOUT", "MCLK", "SCL", "SDA", "RSTN",
                       "IRQ", "EN", "TEST"]),
                    analog={"mic": ("VDDM", "GNDM"), "spk": ("VDDS", "GNDS")},
                    digital=("VDDC", "GNDC", "VDDIO", "GNDIO"), style="ranges", merged=True))
    out.append(Spec("IO_T_8x8_single_ring_mixed", "medium", (8, 8, 8, 8),
                    A("rf", ["RFIN", "RFVSS", "RFVDD", "LOP", "LON", "IFP", "IFN", "RFVSS"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 16) + ["SCK", "SDI", "SDO", "CSB"]),
                    analog={"rf": ("RFVDD", "RFVSS")}, digital=STD, style="ranges", lower=True))
    out.append(Spec("IO_T_9x9_single_ring_multi_voltage_domain", "medium", (9, 9, 9, 9),
                    A("a1", ["VIN1", "AVSS1", "AVDD1", "VOUT1"]) + A("a2", ["VIN2", "AVSS2", "AVDD2", "VOUT2"]) +
                    A("a3", ["VIN3", "AVSS3", "AVDD3", "VOUT3"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 12) + ["SCK", "SDI", "SDO", "CSB", "RSTN", "EN",
                                                                          "IRQ", "FLAG"]),
                    analog={"a1": ("AVDD1", "AVSS1"), "a2": ("AVDD2", "AVSS2"), "a3": ("AVDD3", "AVSS3")},
                    digital=STD, style="ranges", order="clockwise"))
    out.append(Spec("IO_T_10x10_single_ring_mixed", "medium", (10, 10, 10, 10),
                    A("adc", ["VINP", "VINN", "AVSS", "AVDD", "VREFP", "VREFN", "VCM", "AVDD", "AVSS", "IBIAS"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 20) + ["SCK", "SDI", "SDO", "CSB", "RSTN", "EN"]),
                    analog={"adc": ("AVDD", "AVSS")}, digital=STD))
    out.append(Spec("IO_T_8x6_single_ring_multi_voltage_domain", "medium", (8, 6, 8, 6),
                    A("vco", ["VCOVSS", "VCOVDD", "VCTRL", "VCOOUT"]) + A("cp", ["CPVSS", "CPVDD", "CPOUT", "CPBIAS"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 12) + ["SCK", "SDI", "SDO", "CSB"]),
                    analog={"vco": ("VCOVDD", "VCOVSS"), "cp": ("CPVDD", "CPVSS")}, digital=STD, style="ranges",
                    ground_first=True, merged=True))
    out.append(Spec("IO_T_6x6_single_ring_analog", "medium", (6, 6, 6, 6),
                    A("p", ["VSSP", "VDDP", "VINP1", "VINP2", "VOUTP1", "VOUTP2"]) +
                    A("q", ["VSSQ", "VDDQ", "VINQ1", "VINQ2", "VOUTQ1", "VOUTQ2"]) +
                    A("r", ["VSSR", "VDDR", "VINR1", "VINR2", "VOUTR1", "VOUTR2", "VREFR", "VCMR", "IBR1", "IBR2",
                            "VSSR", "VDDR"]),
                    analog={"p": ("VDDP", "VSSP"), "q": ("VDDQ", "VSSQ"), "r": ("VDDR", "VSSR")}, style="ranges"))
    # ---- hard: double rings with inner pads, many domains, large rings
    out.append(Spec("IO_T_6x6_double_ring_mixed", "hard", (6, 6, 6, 6),
                    A("afe", ["VIN1", "VIN2", "AVSS", "AVDD", "VREFP", "VREFN"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS", "SCK", "SDI", "SDO", "CSB", "RSTN"] + sig("D", 8) + ["EN"]),
                    analog={"afe": ("AVDD", "AVSS")}, digital=STD,
                    inner=[("VCM", "VIN1", "VIN2", "afe"), ("AVDD", "VREFP", "VREFN", "afe"),
                           ("DRDY", "IOVDD", "IOVSS", "D"), ("VDD", "CSB", "RSTN", "D")], reverse_inner=True))
    out.append(Spec("IO_T_8x8_double_ring_multi_voltage_domain", "hard", (8, 8, 8, 8),
                    A("rf", ["RFIN", "RFVSS", "RFVDD", "LOP", "LON"]) + A("pll", ["PLLVDD", "PLLVSS", "VCTRL",
                                                                                   "CPOUT"]) +
                    A("bg", ["BGVSS", "BGVDD", "VBG", "IREF", "VTEMP"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS", "SCK", "SDI", "SDO", "CSB", "RSTN", "EN", "IRQ", "D0", "D1",
                       "D2", "D3", "CLKOUT", "D4", "D5"]),
                    analog={"rf": ("RFVDD", "RFVSS"), "pll": ("PLLVDD", "PLLVSS"), "bg": ("BGVDD", "BGVSS")},
                    digital=STD, style="ranges",
                    inner=[("RFIN2", "RFIN", "RFVSS", "rf"), ("VBG2", "VBG", "IREF", "bg"), ("D6", "D2", "D3", "D")]))
    out.append(Spec("IO_T_10x10_double_ring_multi_voltage_domain", "hard", (10, 10, 10, 10),
                    A("a1", ["VIN1", "AVSS1", "AVDD1", "VOUT1", "VREF1"]) + A("a2", ["VIN2", "AVSS2", "AVDD2", "VOUT2"]) +
                    A("a3", ["VIN3", "AVSS3", "AVDD3", "VOUT3"]) + A("a4", ["VIN4", "AVSS4", "AVDD4", "VOUT4"]) +
                    D(["DVDDL", "DVSSL", "DVDDH", "DVSSH"] + sig("D", 12) + ["SCK", "SDI", "SDO", "CSB", "RSTN",
                                                                            "EN", "IRQ"]),
                    analog={"a1": ("AVDD1", "AVSS1"), "a2": ("AVDD2", "AVSS2"), "a3": ("AVDD3", "AVSS3"),
                            "a4": ("AVDD4", "AVSS4")}, digital=HL, style="ranges", lower=True,
                    inner=[("VOUT1B", "VOUT1", "VREF1", "a1"), ("AVDD2", "AVSS2", "AVDD2", "a2"),
                           ("D12", "D10", "D11", "D")]))
    out.append(Spec("IO_T_12x12_double_ring_multi_voltage_domain", "hard", (12, 12, 12, 12),
                    A("a1", ["VIN1", "AVSS1", "AVDD1", "VOUT1"]) + A("a2", ["VIN2", "AVSS2", "AVDD2", "VOUT2"]) +
                    A("a3", ["VIN3", "AVSS3", "AVDD3", "VOUT3"]) + A("a4", ["VIN4", "AVSS4", "AVDD4", "VOUT4"]) +
                    A("a5", ["VIN5", "AVSS5", "AVDD5", "VOUT5"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 20) + ["SCK", "SDI", "SDO", "CSB"]),
                    analog={f"a{k}": (f"AVDD{k}", f"AVSS{k}") for k in range(1, 6)}, digital=STD, style="ranges",
                    ground_first=True, inner=[("VIN1B", "VIN1", "AVSS1", "a1"), ("VIN5B", "VIN5", "AVSS5", "a5")]))
    out.append(Spec("IO_T_14x14_single_ring_multi_voltage_domain", "hard", (14, 14, 14, 14),
                    sum((A(f"a{k}", [f"VIN{k}", f"AVSS{k}", f"AVDD{k}", f"VOUT{k}", f"VREF{k}"]) for k in range(1, 7)),
                        []) + D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 18) + ["SCK", "SDI", "SDO", "CSB"]),
                    analog={f"a{k}": (f"AVDD{k}", f"AVSS{k}") for k in range(1, 7)}, digital=STD, style="ranges",
                    merged=True))
    out.append(Spec("IO_T_16x16_double_ring_mixed", "hard", (16, 16, 16, 16),
                    A("adc", ["VINP", "VINN", "AVSS", "AVDD", "VREFP", "VREFN", "VCM", "IBIAS"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 40) + ["SCK", "SDI", "SDO", "CSB", "RSTN", "EN",
                                                                          "IRQ", "FLAG", "MCLK", "TEST", "DCLK",
                                                                          "LRCK"]),
                    analog={"adc": ("AVDD", "AVSS")}, digital=STD, order="clockwise",
                    inner=[("VINP2", "VINP", "VINN", "adc"), ("VDD", "D10", "D11", "D"), ("VSS", "D11", "D12", "D"),
                           ("IOVDD", "D30", "D31", "D"), ("IOVSS", "D31", "D32", "D")]))
    out.append(Spec("IO_T_18x18_single_ring_multi_voltage_domain", "hard", (18, 18, 18, 18),
                    A("rx", ["RXP", "RXN", "VSSRX", "VDDRX", "RXBIAS", "RXCM"]) +
                    A("tx", ["TXP", "TXN", "VSSTX", "VDDTX", "TXBIAS"]) +
                    A("pll", ["VSSPLL", "VDDPLL", "VCTRL", "CPOUT"]) +
                    D(["DVDDL", "DVSSL", "DVDDH", "DVSSH"] + sig("D", 40) + ["SCK", "SDI", "SDO", "CSB", "RSTN",
                                                                            "EN", "IRQ", "FLAG", "MCLK", "TEST",
                                                                            "DCLK", "LRCK", "BCLK"]),
                    analog={"rx": ("VDDRX", "VSSRX"), "tx": ("VDDTX", "VSSTX"), "pll": ("VDDPLL", "VSSPLL")},
                    digital=HL, style="ranges", lower=True))
    out.append(Spec("IO_T_12x8_double_ring_multi_voltage_domain", "hard", (12, 8, 12, 8),
                    A("s1", ["S1P", "S1N", "GND1", "VCC1"]) + A("s2", ["S2P", "S2N", "GND2", "VCC2"]) +
                    D(["VDDC", "GNDC", "VDDPST", "VSSPST"] + sig("D", 24) + ["SCK", "SDI", "SDO", "CSB"]),
                    analog={"s1": ("VCC1", "GND1"), "s2": ("VCC2", "GND2")},
                    digital=("VDDC", "GNDC", "VDDPST", "VSSPST"), style="ranges",
                    inner=[("S1C", "S1P", "S1N", "s1"), ("S2C", "S2N", "S2P", "s2"), ("D24", "D5", "D6", "D")],
                    reverse_inner=True))
    out.append(Spec("IO_T_10x10_double_ring_analog", "hard", (10, 10, 10, 10),
                    A("a", ["VSSA", "VDDA", "VIN1", "VIN2", "VIN3", "VIN4", "VIN5", "VIN6", "VSSA", "VDDA"]) +
                    A("b", ["VSSB", "VDDB"] + sig("VOUT", 8) + ["VSSB", "VDDB"] + sig("VREF", 8)) +
                    A("c", ["VSSC", "VDDC_A"] + sig("IB", 8)),
                    analog={"a": ("VDDA", "VSSA"), "b": ("VDDB", "VSSB"), "c": ("VDDC_A", "VSSC")}, style="ranges",
                    inner=[("VIN7", "VIN1", "VIN2", "a"), ("VDDB", "VOUT3", "VOUT4", "b"), ("IB6", "IB2", "IB3", "c")]))
    out.append(Spec("IO_T_9x7_double_ring_multi_voltage_domain", "hard", (9, 7, 9, 7),
                    A("x", ["XIN", "XOUT", "VSSX", "VDDX"]) + A("m", ["MIC1", "MIC2", "GNDM", "VDDM", "MICB"]) +
                    D(["VDD", "VSS", "IOVDD", "IOVSS"] + sig("D", 12) + ["SCK", "SDI", "SDO", "CSB", "RSTN", "EN",
                                                                          "IRQ"]),
                    analog={"x": ("VDDX", "VSSX"), "m": ("VDDM", "GNDM")}, digital=STD, style="ranges", lower=True,
                    merged=True, inner=[("XIN2", "XIN", "XOUT", "x"), ("VDDM", "MIC2", "GNDM", "m")]))
    return out


def unsatisfiable() -> list[tuple[str, str, str]]:
    """(case id, prompt, the planner error expected)."""
    base = Spec("IO_T_4x4_single_ring_mixed_unsat", "unsat", (4, 4, 4, 4),
                A("adc", ["VIN1", "VIN2", "AVSS", "AVDD", "VREF", "IREF"]) +
                D(["D3", "D2", "D1", "D0", "DVDDL", "DVSSL", "DVDDH", "DVSSH", "RSTB", "SCLK"]),
                analog={"adc": ("AVDD", "AVSS")}, digital=HL)
    rng = random.Random(7)
    text = prompt(base, rng)
    ranges = Spec(**{**base.__dict__, "style": "ranges"})
    out = [("IO_T_4x4_unsat_extra_signal", text.replace("RSTB SCLK", "RSTB SCLK EXTRA"), "plan.signal_count"),
           ("IO_T_4x4_unsat_missing_signal", text.replace(" SCLK", ""), "plan.signal_count"),
           ("IO_T_4x4_unsat_inner_unknown", text.replace("Single ring", "Double ring").replace(
               "SCLK\n", "SCLK\n  - insert an inner ring pad VIN3 between VIN1 and VIN9\n"),
            "plan.inner_unknown_neighbour"),
           ("IO_T_4x4_unsat_inner_not_adjacent", text.replace("Single ring", "Double ring").replace(
               "SCLK\n", "SCLK\n  - insert an inner ring pad VIN3 between VIN1 and AVDD\n"), "plan.inner_not_adjacent"),
           ("IO_T_4x4_unsat_inner_core_name", text.replace("Single ring", "Double ring").replace(
               "SCLK\n", "SCLK\n  - insert an inner ring pad VIN1_CORE between VIN1 and VIN2\n"),
            "names.core_collision"),
           ("IO_T_4x4_unsat_overlapping_ranges", prompt(ranges, rng).replace(
               "From VIN1 to IREF", "From VIN1 to D2 uses DVDDL and DVSSL as voltage domain, from VIN1 to IREF"),
            "plan.range_overlap")]
    return out


def main() -> None:
    rng = random.Random(2026)
    if HERE.exists():
        shutil.rmtree(HERE)
    specs = cases()
    assert [s.tier for s in specs].count("simple") == 10 and len(specs) == 30
    for spec in specs:
        folder = HERE / spec.tier
        folder.mkdir(parents=True, exist_ok=True)
        assert len(spec.pads) == sum(spec.per_side), (spec.id, len(spec.pads), sum(spec.per_side))
        (folder / f"{spec.id}.txt").write_text(prompt(spec, rng))
        (folder / f"{spec.id}.expected.json").write_text(json.dumps(expected_intent(spec), indent=1) + "\n")
    for case_id, text, rule in unsatisfiable():
        folder = HERE / "unsat"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{case_id}.txt").write_text(text)
        (folder / f"{case_id}.error.json").write_text(json.dumps({"rule": rule}) + "\n")
    print(f"wrote {len(specs)} cases and {len(unsatisfiable())} unsatisfiable ones to {HERE}")


if __name__ == "__main__":
    main()
