"""Supply naming families: how a design names its digital 4-tuple and its analog pairs.

Every family's names can be told apart by the usual conventions (VDD/VCC/V-prefix = supply,
VSS/GND/G-prefix = ground; L/H, CORE/IO/PAD/PST, voltages 09/12/18/33, 1V2/3V3 = core or I/O),
so a careful reader can derive which digital supply is which even when a request does not say.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """A supply naming convention: the digital tuple and an analog pair for each domain tag."""

    id: str
    digital: tuple[str, str, str, str]  # core vdd, core vss, io vdd, io vss
    analog_vdd: str  # with {t} for the domain tag ("" for the first domain)
    analog_vss: str

    def analog(self, tag: str) -> tuple[str, str]:
        """The (vdd, vss) pair of an analog domain with tag ``tag`` ("" = the main analog domain)."""
        return self.analog_vdd.format(t=tag), self.analog_vss.format(t=tag)


FAMILIES: dict[str, Family] = {f.id: f for f in (
    Family("VDD-IOVDD", ("VDD", "VSS", "IOVDD", "IOVSS"), "AVDD{t}", "AVSS{t}"),
    Family("DVDDL-DVDDH", ("DVDDL", "DVSSL", "DVDDH", "DVSSH"), "AVDD{t}", "AVSS{t}"),
    Family("VCORE-GPAD", ("VCORE", "GCORE", "VPAD", "GPAD"), "VANA{t}", "GANA{t}"),
    Family("VCC-GNDIO", ("VCC", "GND", "VCCIO", "GNDIO"), "VCCA{t}", "GNDA{t}"),
    Family("VDD12-VDD33", ("VDD12", "VSS12", "VDD33", "VSS33"), "VDDA{t}", "VSSA{t}"),
    Family("DVDD09-DVDD18", ("DVDD09", "DVSS09", "DVDD18", "DVSS18"), "AVDD18{t}", "AVSS18{t}"),
    Family("VDDA-AGND", ("VDDD", "VSSD", "VDDIO", "VSSIO"), "VDDA{t}", "AGND{t}"),
    Family("VDD_1V2-VDD_3V3", ("VDD_1V2", "VSS_1V2", "VDD_3V3", "VSS_3V3"), "AVDD_1V8{t}", "AVSS_1V8{t}"),
    Family("VDDCORE-VDDPST", ("VDDCORE", "VSSCORE", "VDDPST", "VSSPST"), "VDDANA{t}", "VSSANA{t}"),
)}
