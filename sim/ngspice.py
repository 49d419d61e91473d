"""ngspice in batch mode as a subprocess with a timeout: a failed run is a result, not an exception.

A netlist's ``.control`` block writes vectors with ``wrdata``; ``run`` returns them as columns.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

DEFAULT_TIMEOUT_S = 60.0


class SimResult(BaseModel):
    """Vectors by name (``time`` first), or an error; wall time in seconds."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    ok: bool
    vectors: dict[str, np.ndarray] = {}
    error: str | None = None
    seconds: float = 0.0


def available() -> bool:
    """True when the ngspice executable is on PATH."""
    return shutil.which("ngspice") is not None


def run(netlist: str, vectors: list[str], timeout_s: float = DEFAULT_TIMEOUT_S) -> SimResult:
    """Simulate ``netlist`` (without .control/.end) and read ``vectors`` written after ``run``."""
    if not available():
        return SimResult(ok=False, error="ngspice is not installed (Debian: apt-get install ngspice)")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ngspice.") as tmp:
        data = Path(tmp) / "out.txt"
        deck = (f"{netlist.rstrip()}\n.control\nset wr_singlescale\nset wr_vecnames\nrun\n"
                f"wrdata {data} {' '.join(vectors)}\nquit\n.endc\n.end\n")
        (Path(tmp) / "deck.cir").write_text(deck)
        try:
            proc = subprocess.run(["ngspice", "-b", str(Path(tmp) / "deck.cir")], capture_output=True, text=True,
                                  timeout=timeout_s, cwd=tmp)
        except subprocess.TimeoutExpired:
            return SimResult(ok=False, error=f"ngspice did not finish within {timeout_s:g} s",
                             seconds=time.perf_counter() - start)
        if not data.is_file():
            lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if "rror" in ln or "singular" in ln]
            return SimResult(ok=False, error=(lines[0] if lines else f"ngspice exited with {proc.returncode}"),
                             seconds=time.perf_counter() - start)
        table = np.loadtxt(data, skiprows=1, ndmin=2)
        names = data.read_text().splitlines()[0].split()
    return SimResult(ok=True, vectors={n: table[:, k] for k, n in enumerate(names)},
                     seconds=time.perf_counter() - start)
