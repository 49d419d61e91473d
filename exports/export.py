"""The export registry: format name → the files it writes, and writing them atomically into a folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from adaptor.errors import UserError
from exports import FORMAT_NAMES, bonding, deffile, lef, librelane, openroad, pins
from exports.ring import Ring, load_ring
from ioring.files import staged_dir

FORMATS: dict[str, Callable[[Ring], dict[str, str]]] = {
    "def": deffile.files, "lef": lef.files, "openroad": openroad.files, "librelane": librelane.files,
    "bonding": bonding.files, "pins": pins.files,
}
assert tuple(FORMATS) == FORMAT_NAMES


def export_files(ring: Ring, fmt: str) -> dict[str, str]:
    """File name → text of one format, or of every format for ``all``."""
    if fmt != "all" and fmt not in FORMATS:
        raise UserError(f"unknown export format {fmt!r}", f"use one of {', '.join([*FORMATS, 'all'])}")
    out: dict[str, str] = {}
    for name in FORMATS if fmt == "all" else (fmt,):
        for file, text in FORMATS[name](ring).items():
            assert out.get(file, text) == text, f"{file} written differently by two formats"
            out[file] = text
    return out


def export(folder: str | Path, fmt: str, output: str | Path | None = None) -> tuple[Path, list[str]]:
    """Write format ``fmt`` of the ring built in ``folder`` into the folder ``output``.

    Default output: ``folder/export``. The output must not exist or be empty; it appears only
    when every file is written.
    """
    ring = load_ring(folder)
    files = export_files(ring, fmt)
    target = Path(output) if output else ring.folder / "export"
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UserError(f"{target}: exists and is not an empty folder",
                        "give another -o folder, or remove this one")
    with staged_dir(target) as tmp:
        for name, text in files.items():
            (tmp / name).write_text(text)
    return target, sorted(files)
