"""`ioring check`: DRC and LVS of a built ring in a subprocess with a timeout.

The target is a folder written by `ioring build` (its ring.oas, or ring.gds, and intent.json)
or a GDS/OASIS file with ``--intent``. Reports go into the folder (the file's folder for a
file), each moved into place only when the worker finished.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

from adaptor import technologies
from adaptor.errors import UserError

REPORTS = ("drc.json", "drc.lyrdb", "lvs.json", "lvs.lvsdb")
DEFAULT_TIMEOUT_S = 300.0


def resolve(target: Path, intent: Path | None) -> tuple[Path, Path, Path]:
    """(layout file, intent file, report folder) for a build folder or a layout file."""
    if target.is_dir():
        layout = next((target / n for n in ("ring.oas", "ring.gds") if (target / n).is_file()), None)
        if layout is None:
            raise UserError(f"{target}: no ring.oas or ring.gds in this folder", "run `ioring build` first")
        folder = target
    elif target.is_file():
        if target.suffix.lower() not in (".gds", ".oas", ".gds2", ".oasis"):
            raise UserError(f"{target}: not a GDS or OASIS file", "pass a build folder or a .gds/.oas file")
        layout, folder = target, target.parent
    else:
        raise UserError(f"{target}: no such file or folder", "check the path")
    intent = intent or folder / "intent.json"
    if not intent.is_file():
        raise UserError(f"{intent}: no intent to check against", "pass --intent INTENT.json")
    return layout, intent, folder


def run_check(target: Path, intent: Path | None = None, timeout_s: float = DEFAULT_TIMEOUT_S) -> dict[str, Any]:
    """Run the worker; return ``{"drc": {...}, "lvs": {...}}`` as written to the reports."""
    layout, intent_path, folder = resolve(target, intent)
    from adaptor.load import load_intent

    technology = load_intent(intent_path).technology  # a bad intent is a user error here, not a worker crash
    if technology not in technologies.available():  # looked up by name, never used as a path
        raise UserError(f"{intent_path}: unknown technology {technology!r}",
                        f"use one of: {', '.join(technologies.available())}")
    with tempfile.TemporaryDirectory(prefix=".check.", dir=folder) as tmp:
        cmd = [sys.executable, "-m", "verify.worker", str(layout), str(intent_path), tmp]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            raise UserError(f"{layout}: the checks did not finish within {timeout_s:g} s",
                            "raise --timeout, or check a smaller layout") from None
        if proc.returncode < 0:
            raise UserError(f"{layout}: the geometry engine crashed (signal {-proc.returncode}) while checking",
                            "the layout may be malformed; open it in KLayout") from None
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
            raise UserError(f"{layout}: the checks failed: {last}", "the layout may not be an ioring build")
        for name in REPORTS:
            shutil.move(os.path.join(tmp, name), folder / name)
    return {name: json.loads((folder / f"{name}.json").read_text()) for name in ("drc", "lvs")}


def print_check(result: dict[str, Any], stream: TextIO | None = None) -> int:
    """Print the DRC/LVS summary and the first findings; return the exit code (0 clean, 1 violations)."""
    stream = stream or sys.stderr
    for name in ("drc", "lvs"):
        report = result[name]
        state = "clean" if report["clean"] else f"{report['count']} violation(s)"
        print(f"{name.upper()}: {state} ({report['time_s']:.2f} s)", file=stream)
        for f in report["findings"][:20]:
            print(f"  {f['rule']} at {f['where']}: {f['message']}", file=stream)
    return 0 if result["drc"]["clean"] and result["lvs"]["clean"] else 1
