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


def run_steps(netlist: str, steps: list[tuple[str, list[str]]], timeout_s: float = DEFAULT_TIMEOUT_S,
              spiceinit: str = "") -> list[SimResult]:
    """Run each ``(analysis command, vectors)`` in turn on ``netlist`` (no .control/.end); one result per step.

    ``spiceinit`` goes into the run's ``.spiceinit`` (e.g. ``set ngbehavior=hsa`` for sky130).
    A failed simulation fails every step with the same error.
    """
    if not available():
        return [SimResult(ok=False, error="ngspice is not installed (Debian: apt-get install ngspice)")] * len(steps)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ngspice.") as tmp:
        files = [Path(tmp) / f"out{k}.txt" for k in range(len(steps))]
        control = "".join(f"{command}\nwrdata {f} {' '.join(vectors)}\n" for (command, vectors), f in zip(steps, files))
        deck = f"{netlist.rstrip()}\n.control\nset wr_singlescale\nset wr_vecnames\n{control}quit\n.endc\n.end\n"
        (Path(tmp) / "deck.cir").write_text(deck)
        if spiceinit:
            (Path(tmp) / ".spiceinit").write_text(spiceinit + "\n")
        try:
            proc = subprocess.run(["ngspice", "-b", str(Path(tmp) / "deck.cir")], capture_output=True, text=True,
                                  timeout=timeout_s, cwd=tmp)
        except subprocess.TimeoutExpired:
            failed = SimResult(ok=False, error=f"ngspice did not finish within {timeout_s:g} s",
                               seconds=time.perf_counter() - start)
            return [failed] * len(steps)
        if not all(f.is_file() for f in files):
            lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if "rror" in ln or "singular" in ln]
            failed = SimResult(ok=False, error=(lines[0] if lines else f"ngspice exited with {proc.returncode}"),
                               seconds=time.perf_counter() - start)
            return [failed] * len(steps)
        results = [SimResult(ok=True, vectors=_columns(f), seconds=time.perf_counter() - start) for f in files]
    return results


def _columns(path: Path) -> dict[str, np.ndarray]:
    """Vectors of a wrdata file; a complex vector is written as two columns under one name."""
    table = np.loadtxt(path, skiprows=1, ndmin=2)
    names = path.read_text().splitlines()[0].split()
    vectors: dict[str, np.ndarray] = {}
    k = 0
    while k < len(names):
        if k + 1 < len(names) and names[k + 1] == names[k]:
            vectors[names[k]] = table[:, k] + 1j * table[:, k + 1]
            k += 2
        else:
            vectors[names[k]] = table[:, k]
            k += 1
    return vectors


def run(netlist: str, vectors: list[str], timeout_s: float = DEFAULT_TIMEOUT_S) -> SimResult:
    """Simulate ``netlist`` (its own analysis lines) and read ``vectors`` written after ``run``."""
    return run_steps(netlist, [("run", vectors)], timeout_s)[0]
