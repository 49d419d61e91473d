"""bench/fuzz.py in CI: the issue-18 catalogue and a small seeded budget end without a traceback."""

from __future__ import annotations

import pytest

from bench.fuzz import fuzz, table


@pytest.mark.slow
def test_fuzz_has_no_traceback_no_partial_output_no_unsafe_write():
    report = fuzz(seed=0, budget=1)
    total = report["commands"]["total"]
    assert total["runs"] > 200, table(report["commands"])
    for outcome in ("traceback", "partial", "unsafe", "exit3"):
        assert total.get(outcome, 0) == 0, table(report["commands"])
