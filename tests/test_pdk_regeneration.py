"""Regenerate the SG13G2 cell data from the PDK generator and compare it with what we ship.

Slow (about a minute) and needs the optional extra: ``pip install -e '.[pdk]'``.
"""

from __future__ import annotations

import json

import klayout.db as kdb
import pytest

from adaptor.technology import load_profile

pytest.importorskip("c4m.pdk.ihpsg13g2", reason="the [pdk] extra is not installed")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    from adaptor.technologies.sg13g2.generate import generate

    out = tmp_path_factory.mktemp("sg13g2")
    generate(out)
    return out


def _layout(path):
    layout = kdb.Layout()
    layout.read(str(path))
    return layout


def test_geometry_is_identical(regenerated):
    shipped = load_profile("sg13g2").folder
    a, b = _layout(shipped / "cells.oas"), _layout(regenerated / "cells.oas")
    names_a = {c.name for c in a.each_cell()}
    assert names_a == {c.name for c in b.each_cell()}
    for name in sorted(names_a):
        ca, cb = a.cell(name), b.cell(name)
        for info in a.layer_infos():
            ra = kdb.Region(ca.begin_shapes_rec(a.layer(info)))
            rb = kdb.Region(cb.begin_shapes_rec(b.layer(info)))
            assert (ra ^ rb).is_empty(), f"{name} differs on {info}"


def test_cell_data_and_rules_are_identical(regenerated):
    shipped = load_profile("sg13g2").folder
    for name in ("cells.json", "pdk_rules.json"):
        assert json.loads((regenerated / name).read_text()) == json.loads((shipped / name).read_text()), name
    assert (regenerated / "cells.sp").read_text() == (shipped / "cells.sp").read_text()
