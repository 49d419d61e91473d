"""Regenerate each technology's cell data from its PDK generator and compare it with what we ship.

Slow (about a minute per technology) and needs the optional extra: ``pip install -e '.[pdk]'``
(c4m-pdk-ihpsg13g2 for sg13g2, c4m-pdk-sky130 for sky130); a technology whose generator package
is missing is skipped.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import klayout.db as kdb
import pytest

from adaptor.technology import load_profile

pytestmark = pytest.mark.slow
GENERATORS = {"sg13g2": "c4m.pdk.ihpsg13g2", "sky130": "c4m.pdk.sky130"}  # technology → its PDK package


@pytest.fixture(scope="module", params=sorted(GENERATORS))
def regenerated(request, tmp_path_factory) -> tuple[str, Path]:
    technology = request.param
    pytest.importorskip(GENERATORS[technology], reason="the [pdk] extra is not installed")
    generate = importlib.import_module(f"adaptor.technologies.{technology}.generate").generate
    out = tmp_path_factory.mktemp(technology)
    generate(out)
    return technology, out


def _layout(path: Path) -> kdb.Layout:
    layout = kdb.Layout()
    layout.read(str(path))
    return layout


def _assert_same_geometry(shipped: Path, fresh: Path) -> None:
    """Same cell names, and per cell and layer (hierarchy flattened) XOR = 0."""
    a, b = _layout(shipped), _layout(fresh)
    names_a = {c.name for c in a.each_cell()}
    assert names_a == {c.name for c in b.each_cell()}, shipped.name
    infos = {(i.layer, i.datatype) for i in a.layer_infos()} | {(i.layer, i.datatype) for i in b.layer_infos()}
    for name in sorted(names_a):
        ca, cb = a.cell(name), b.cell(name)
        for layer, datatype in sorted(infos):
            la, lb = a.find_layer(layer, datatype), b.find_layer(layer, datatype)
            ra = kdb.Region() if la is None else kdb.Region(ca.begin_shapes_rec(la))
            rb = kdb.Region() if lb is None else kdb.Region(cb.begin_shapes_rec(lb))
            assert (ra ^ rb).is_empty(), f"{shipped.name}: {name} differs on {layer}/{datatype}"


def test_geometry_is_identical(regenerated):
    technology, out = regenerated
    profile = load_profile(technology)
    _assert_same_geometry(profile.folder / profile.library, out / profile.library)


def test_net_abstracts_are_identical(regenerated):
    technology, out = regenerated
    profile = load_profile(technology)
    _assert_same_geometry(profile.folder / profile.connectivity.abstracts, out / profile.connectivity.abstracts)


def test_cell_data_and_rules_are_identical(regenerated):
    technology, out = regenerated
    shipped = load_profile(technology).folder
    for name in ("cells.json", "pdk_rules.json"):
        assert json.loads((out / name).read_text()) == json.loads((shipped / name).read_text()), name
    assert (out / "cells.sp").read_text() == (shipped / "cells.sp").read_text()


def test_a_changed_shape_is_seen(regenerated, tmp_path):
    """The comparison can fail: one shape added to a copy of the fresh library is a difference."""
    technology, out = regenerated
    profile = load_profile(technology)
    layout = _layout(out / profile.library)
    layer = layout.layer(*profile.layer(profile.top_metals[0]))
    layout.cell(profile.corner.cell).shapes(layer).insert(kdb.DBox(0, 0, 1, 1))
    layout.write(str(tmp_path / "changed.oas"))
    with pytest.raises(AssertionError, match=profile.corner.cell):
        _assert_same_geometry(profile.folder / profile.library, tmp_path / "changed.oas")
