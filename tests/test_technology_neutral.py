"""No technology fact outside its technology folder: layer/datatype pairs and cell names of every shipped
technology appear only in ``adaptor/technologies/<name>/`` (and in the allow-listed files below, which
exercise one technology on purpose or document it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from adaptor.technologies import available
from adaptor.technology import cell_info, load_profile
from tests.conftest import ROOT

# files that name a technology's cells or layers on purpose, each with why
ALLOWED = {
    "bench/fuzz.py": "fuzzes cell overrides with real SG13G2 cell names",
}
SKIPPED_DIRS = ("tests", "docs", ".venv", ".git", "adaptor/technologies")


def _code_files() -> list[Path]:
    out = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(SKIPPED_DIRS) or rel in ALLOWED or "/." in f"/{rel}":
            continue
        out.append(path)
    return out


def _facts(technology: str) -> tuple[set[str], set[tuple[int, int]]]:
    profile = load_profile(technology)
    layers = {tuple(v) for v in profile.layers.values()} | {tuple(v) for v in profile.lef_layers.values()}
    layers |= {tuple(getattr(profile, f)) for f in ("bus_label_layer", "pad_pin_layer", "core_pin_layer",
                                                    "text_layer", "die_layer")}
    bp = profile.bond_pad
    layers |= {tuple(v) for v in (bp.metal_layer, bp.opening_layer, bp.marker_layer) if v is not None}
    return set(cell_info(technology)), layers  # type: ignore[return-value]


def _hits(text: str, cells: set[str], layers: set[tuple[int, int]]) -> list[str]:
    """Cell names as words and layer pairs as ``(a, b)``/``[a, b]``; (1, 0)-like pairs are unit vectors in code
    far more often than layers, so pairs of 0s and 1s are not searched."""
    found = [f"cell {name}" for name in sorted(cells) if re.search(rf"\b{re.escape(name)}\b", text)]
    found += [f"layer {a}/{b}" for a, b in sorted(layers) if max(a, b) > 1 and re.search(rf"[\[(]\s*{a}\s*,\s*{b}\s*[\])]", text)]
    return found


def test_the_code_scan_covers_the_packages():
    files = {p.relative_to(ROOT).parts[0] for p in _code_files()}
    assert {"adaptor", "verify", "exports", "ioring"} <= files


@pytest.mark.parametrize("technology", available())
def test_no_layer_number_or_cell_name_outside_the_technology_folder(technology):
    cells, layers = _facts(technology)
    assert cells and layers
    bad = {p.relative_to(ROOT).as_posix(): hits for p in _code_files()
           if (hits := _hits(p.read_text(), cells, layers))}
    assert not bad, f"{technology} facts outside adaptor/technologies/{technology}/: {bad}"


def test_the_scan_finds_a_planted_fact():
    """The patterns catch what they look for (a test that cannot fail proves nothing)."""
    for technology in available():
        cells, layers = _facts(technology)
        a, b = max(layers)
        assert _hits(f"X = ({a}, {b})  # somewhere", cells, layers) == [f"layer {a}/{b}"]
        name = sorted(cells)[0]
        assert _hits(f'CELL = "{name}"', cells, layers) == [f"cell {name}"]
