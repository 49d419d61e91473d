"""Write the designer corpus: bench/suites/designer (tuned part) and designer-holdout (hold-out part).

Every design of ``cases.designs()`` is given a style (round robin over a seeded shuffle) and a
phrasing; every third case of each style goes to the hold-out part, which prefers the phrasing
forms the tuned part never uses. Each suite folder holds ``<tier>/<case>.txt`` with
``<case>.expected.json`` (built by bench.golden from the definition) or ``<case>.error.json``,
and ``meta.json`` (case id → style, convention, variant).

    PYTHONPATH=. python -m bench.corpus.make
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from bench.corpus.cases import designs
from bench.corpus.styles import PROSE_STYLES, STYLES, choose_phrasing, render
from bench.corpus.unsat import PROSE_RULES, unsatisfiable
from bench.corpus.view import from_design

SUITES = Path(__file__).resolve().parent.parent / "suites"
TUNED, HOLDOUT = SUITES / "designer", SUITES / "designer-holdout"
NO_COUNT_STYLES = ("per_side",)  # the side lists give the size, so a wrong count cannot be stated


def corpus() -> list[dict]:
    """Every case: id, part, tier, text, expected intent or rule, and its meta entry."""
    rng = random.Random(2613)
    sat = designs()
    order = list(range(len(sat)))
    rng.shuffle(order)
    styles = list(STYLES)
    out = []
    seen: dict[str, int] = {}
    for slot, index in enumerate(order):
        design = sat[index]
        style = styles[slot % len(styles)]
        seen[style] = seen.get(style, 0) + 1
        holdout = seen[style] % 3 == 0
        phrasing = choose_phrasing(style, rng, holdout)
        case_id = f"{design.id}_{style}"
        out.append({"id": case_id, "part": "holdout" if holdout else "tuned", "tier": design.tier,
                    "text": render(from_design(design), style, phrasing, slot), "expected": design.expected(),
                    "meta": {"style": style, "convention": design.family, "variant": phrasing.label()}})
    family = {d.id: d.family for d in sat}
    used = dict.fromkeys(styles, 0)
    for n, (case_id, view, rule) in enumerate(unsatisfiable(sat)):
        pool = PROSE_STYLES if rule in PROSE_RULES else [s for s in styles if s not in NO_COUNT_STYLES or
                                                          rule != "plan.signal_count"]
        style = min(pool, key=lambda x: (used[x], (pool.index(x) - 5 * n) % len(pool)))  # spread over styles
        used[style] += 1
        holdout = n % 3 == 2
        phrasing = choose_phrasing(style, rng, holdout)
        if rule in ("plan.range_unknown_name", "plan.range_overlap"):
            phrasing.analog = "range"
        if rule == "plan.unknown_name" and "annotate" in phrasing.extra:
            phrasing.extra["annotate"] = "none"
        out.append({"id": f"{case_id}_{style}", "part": "holdout" if holdout else "tuned", "tier": "unsat",
                    "text": render(view, style, phrasing, 1000 + n), "rule": rule,
                    "meta": {"style": style, "convention": family[view.id],
                             "variant": phrasing.label()}})
    return out


def write(cases: list[dict]) -> None:
    """Rewrite both suite folders."""
    for folder in (TUNED, HOLDOUT):
        if folder.exists():
            shutil.rmtree(folder)
    meta: dict[Path, dict] = {TUNED: {}, HOLDOUT: {}}
    for case in cases:
        root = HOLDOUT if case["part"] == "holdout" else TUNED
        folder = root / case["tier"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{case['id']}.txt").write_text(case["text"])
        if "expected" in case:
            (folder / f"{case['id']}.expected.json").write_text(json.dumps(case["expected"], indent=1) + "\n")
        else:
            (folder / f"{case['id']}.error.json").write_text(json.dumps({"rule": case["rule"]}) + "\n")
        meta[root][case["id"]] = case["meta"]
    for root, entries in meta.items():
        (root / "meta.json").write_text(json.dumps(dict(sorted(entries.items())), indent=1) + "\n")


def main() -> None:
    cases = corpus()
    write(cases)
    for part in ("tuned", "holdout"):
        mine = [c for c in cases if c["part"] == part]
        print(f"{part}: {sum('expected' in c for c in mine)} satisfiable, {sum('rule' in c for c in mine)} "
              f"unsatisfiable")


if __name__ == "__main__":
    main()
